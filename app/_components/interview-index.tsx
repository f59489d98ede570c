// One page of the interview index: the featured interviews on the first page, then the latest, newest first.
import type { InterviewCard as InterviewCardValue } from '../../lib/content/schemas.ts'
import type { InterviewPage } from '../../lib/content/index.ts'
import { InterviewCard, InterviewList } from './interview-card.tsx'
import { NewsletterForm } from './newsletter-form.tsx'
import { Pagination } from './pagination.tsx'

type Props = { title: string; description: string; featured: InterviewCardValue[]; latest: InterviewPage }

export function InterviewIndex({ title, description, featured, latest }: Props) {
  const isFirstPage = latest.page === 1
  return (
    <div className="page">
      {isFirstPage ? (
        <>
          <h1 className="page-title">{title}</h1>
          <p className="lede">{description}</p>
        </>
      ) : (
        <h1 className="page-title">
          Interviews, page {latest.page} of {latest.pageCount}
        </h1>
      )}
      {isFirstPage && featured.length > 0 && (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title" className="section-title">
            Featured
          </h2>
          <ul className="featured">
            {featured.map((interview) => (
              <li key={interview._id}>
                <InterviewCard interview={interview} headingLevel="h3" />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title" className="section-title">
          {isFirstPage ? 'Latest interviews' : 'Interviews'}
        </h2>
        <InterviewList interviews={latest.interviews} headingLevel="h3" />
      </section>
      <Pagination page={latest.page} pageCount={latest.pageCount} />
      {isFirstPage && <NewsletterForm id="newsletter-home" />}
    </div>
  )
}
