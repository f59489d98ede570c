// The 404 page: says what happened and offers search and the latest interviews instead.
import Link from 'next/link'
import { listInterviews } from '../lib/content/index.ts'
import { InterviewList } from './_components/interview-card.tsx'
import { SearchForm } from './_components/search-form.tsx'

export default async function NotFound() {
  // The 404 must render even when the content API is down, so the suggestions are optional.
  const latest = await listInterviews(1).then((page) => page.interviews.slice(0, 3)).catch(() => [])
  return (
    <div className="page not-found">
      <h1 className="page-title">This page isn’t here</h1>
      <p className="lede">
        The interview may have moved or been unpublished, or the address has a typo. Try searching, or start from the{' '}
        <Link href="/">home page</Link>.
      </p>
      <SearchForm id="not-found-q" label="Interviews" className="search-form" />
      {latest.length > 0 && (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title" className="section-title">
            Latest interviews
          </h2>
          <InterviewList interviews={latest} headingLevel="h3" />
        </section>
      )}
    </div>
  )
}
