// A list of speakers, topics or series, each with how many interviews it has.
import Link from 'next/link'

type Entry = { _id: string; slug: string; label: string; detail?: string | undefined; interviewCount: number }

export function DirectoryList({ entries, basePath }: { entries: Entry[]; basePath: string }) {
  if (entries.length === 0) return <p className="empty">Nothing here yet.</p>
  return (
    <ul className="directory">
      {entries.map((entry) => (
        <li key={entry._id}>
          <Link href={`${basePath}/${entry.slug}`}>{entry.label}</Link>
          <span className="directory__count">
            {entry.interviewCount} {entry.interviewCount === 1 ? 'interview' : 'interviews'}
          </span>
          {entry.detail && <p className="directory__detail">{entry.detail}</p>}
        </li>
      ))}
    </ul>
  )
}
