// An interview in a list: title, speaker, date, reading time and topics, linking to the interview.
import Link from 'next/link'
import type { InterviewCard as InterviewCardValue } from '../../lib/content/schemas.ts'
import { readingMinutes } from '../../lib/content/reading-time.ts'
import { formatDate } from '../../lib/content/format-date.ts'
import { SanityImage } from './sanity-image.tsx'

type Props = { interview: InterviewCardValue; headingLevel?: 'h2' | 'h3'; showImage?: boolean }

export function InterviewCard({ interview, headingLevel: Heading = 'h2', showImage = true }: Props) {
  const date = formatDate(interview.publishedAt)
  const portrait = interview.coverImage ?? interview.speaker?.photo
  return (
    <article className="card">
      {showImage && portrait && (
        <SanityImage
          image={portrait}
          sizes="(min-width: 760px) 470px, 100vw"
          maxWidth={720}
          aspect={4 / 3}
          className="card__image"
          decorative
          placeholder={false}
        />
      )}
      <div className="card__body">
        <Heading className="card__title">
          <Link href={`/interviews/${interview.slug}`}>{interview.title}</Link>
        </Heading>
        {interview.speaker && (
          <p className="card__speaker">
            {interview.speaker.name}
            {interview.speaker.role && <span>, {interview.speaker.role}</span>}
          </p>
        )}
        {interview.standfirst && <p className="card__standfirst">{interview.standfirst}</p>}
        <p className="card__meta">
          {date && <time dateTime={interview.publishedAt}>{date}</time>}
          {date && ' · '}
          {readingMinutes(interview.wordCount)} min read
        </p>
      </div>
    </article>
  )
}

export function InterviewList({
  interviews,
  headingLevel = 'h2',
}: {
  interviews: InterviewCardValue[]
  headingLevel?: 'h2' | 'h3'
}) {
  if (interviews.length === 0) return <p className="empty">No interviews here yet.</p>
  return (
    <ul className="card-list">
      {interviews.map((interview) => (
        <li key={interview._id}>
          <InterviewCard interview={interview} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}
