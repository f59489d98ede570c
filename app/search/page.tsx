// Search over every published interview (GROQ `match` and `score()`, the same query on hosted Sanity).
import type { Metadata } from 'next'
import { searchInterviews } from '../../lib/content/index.ts'
import { InterviewList } from '../_components/interview-card.tsx'
import { SearchForm } from '../_components/search-form.tsx'

export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } }

type Props = { searchParams: Promise<{ q?: string | string[] }> }

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? ''
  // Search is rendered per request: while the content API is down it fails, and the proxy answers its 503 page.
  const results = q ? await searchInterviews(q) : []
  return (
    <div className="page">
      <h1 className="page-title">Search</h1>
      <SearchForm id="search-q" label="Interviews" className="search-form" defaultValue={q} />
      {q && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="section-title">
            {results.length === 0
              ? `No interviews match “${q}”`
              : `${results.length} ${results.length === 1 ? 'interview matches' : 'interviews match'} “${q}”`}
          </h2>
          {results.length > 0 && <InterviewList interviews={results} headingLevel="h3" />}
        </section>
      )}
    </div>
  )
}
