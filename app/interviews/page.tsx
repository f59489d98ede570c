// /interviews: the archive of every published interview, by year.
import type { Metadata } from 'next'
import { listAllInterviews, type InterviewCard } from '../../lib/content/index.ts'
import { InterviewList } from '../_components/interview-card.tsx'

export const revalidate = 3600
export const metadata: Metadata = { title: 'All interviews', alternates: { canonical: '/interviews' } }

function byYear(interviews: InterviewCard[]): [string, InterviewCard[]][] {
  const years = new Map<string, InterviewCard[]>()
  for (const interview of interviews) {
    const year = interview.publishedAt?.slice(0, 4) || 'Undated'
    years.set(year, [...(years.get(year) ?? []), interview])
  }
  return [...years]
}

export default async function InterviewArchivePage() {
  const interviews = await listAllInterviews()
  return (
    <div className="page">
      <h1 className="page-title">All interviews</h1>
      {interviews.length === 0 && <p className="empty">No interviews yet.</p>}
      {byYear(interviews).map(([year, list]) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`} className="section-title">
            {year}
          </h2>
          <InterviewList interviews={list} headingLevel="h3" />
        </section>
      ))}
    </div>
  )
}
