// An interview: speaker, date, reading time, topics, the questions with their answers, and related interviews.
import { stegaClean } from '@sanity/client/stega'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getInterview, getRelatedInterviews, listInterviewSlugs } from '../../../lib/content/index.ts'
import { withHighlightedCode } from '../../../lib/content/highlight.ts'
import { readingMinutes } from '../../../lib/content/reading-time.ts'
import { interviewStructuredData, jsonForScript } from '../../../lib/content/structured-data.ts'
import { siteUrl } from '../../../lib/site-url.ts'
import { formatDate } from '../../../lib/content/format-date.ts'
import { InterviewList } from '../../_components/interview-card.tsx'
import { QuestionContents, QuestionsAndAnswers } from '../../_components/question-and-answer.tsx'
import { safeHref } from '../../../lib/content/safe-href.ts'
import { SanityImage } from '../../_components/sanity-image.tsx'
import { FirstPublished } from '../../_components/first-published.tsx'
import { SpeakerCard } from '../../_components/speaker-card.tsx'
import { staticParamsOrNone } from '../../../lib/content/static-params.ts'
import { NotFoundAnswer } from '../../_components/not-found-answer.tsx'
import { NewsletterForm } from '../../_components/newsletter-form.tsx'
import { ShareLinks } from '../../_components/share-links.tsx'

export const revalidate = 3600

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return staticParamsOrNone('interviews', async () => (await listInterviewSlugs()).map((slug) => ({ slug })))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const interview = stegaClean(await getInterview(slug))
  if (!interview) return { title: 'Interview not found', robots: { index: false } }
  const title = interview.seo?.title || interview.title
  const description = interview.seo?.description || interview.standfirst
  const path = `/interviews/${interview.slug}`
  return {
    title,
    ...(description ? { description } : {}),
    alternates: { canonical: interview.canonicalUrl || path },
    openGraph: {
      type: 'article',
      title,
      ...(description ? { description } : {}),
      url: path,
      ...(interview.publishedAt ? { publishedTime: interview.publishedAt } : {}),
      ...(interview._updatedAt ? { modifiedTime: interview._updatedAt } : {}),
      ...(interview.interviewer ? { authors: [interview.interviewer.name] } : {}),
      tags: interview.topics.map((topic) => topic.title),
    },
    twitter: { card: 'summary_large_image', title, ...(description ? { description } : {}) },
  }
}

export default async function InterviewPage({ params }: Props) {
  const { slug } = await params
  const found = await getInterview(slug)
  if (!found) return <NotFoundAnswer />
  const [interview, related] = await Promise.all([withHighlightedCode(found), getRelatedInterviews(found)])
  const date = formatDate(interview.publishedAt)
  const pageUrl = `${siteUrl()}/interviews/${interview.slug}`
  const structuredData = interviewStructuredData(stegaClean(interview), pageUrl, `${pageUrl}/opengraph-image`)
  const callToActionHref = safeHref(interview.callToAction?.url)

  return (
    <article className="page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(structuredData) }} />
      <header className="interview-header">
        {interview.topics.length > 0 && (
          <ul className="interview-topics" aria-label="Topics">
            {interview.topics.map((topic) => (
              <li key={topic._id}>
                <Link href={`/topics/${topic.slug}`}>{topic.title}</Link>
              </li>
            ))}
          </ul>
        )}
        <h1 className="page-title">{interview.title}</h1>
        {interview.standfirst && <p className="lede">{interview.standfirst}</p>}
        <p className="interview-meta">
          {date && <time dateTime={interview.publishedAt}>{date}</time>}
          {date && ' · '}
          {readingMinutes(interview.wordCount)} min read
          {interview.series && (
            <>
              {' · '}
              <Link href={`/series/${interview.series.slug}`}>
                {interview.series.title}
                {interview.seriesPart ? `, part ${interview.seriesPart}` : ''}
              </Link>
            </>
          )}
          {interview.interviewer && (
            <>
              {' · Interview by '}
              <Link href={`/speakers/${interview.interviewer.slug}`}>{interview.interviewer.name}</Link>
            </>
          )}
        </p>
        {interview.speaker && <SpeakerCard person={interview.speaker} />}
        <ShareLinks url={pageUrl} title={stegaClean(interview.title)} />
      </header>

      {interview.coverImage && (
        <figure className="cover">
          <SanityImage
            image={interview.coverImage}
            sizes="(min-width: 1100px) 1060px, 100vw"
            maxWidth={1060}
            aspect={16 / 9}
            priority
          />
          {interview.coverImage.caption && <figcaption>{interview.coverImage.caption}</figcaption>}
        </figure>
      )}

      <div className="interview-layout">
        {interview.qa.length > 1 && <QuestionContents qa={interview.qa} />}
        <div className="interview-body">
          <QuestionsAndAnswers qa={interview.qa} />
          {interview.callToAction && callToActionHref && (
            <p className="call-to-action">
              <a href={callToActionHref}>{interview.callToAction.label}</a>
            </p>
          )}
          <FirstPublished publication={interview.originalPublication} url={interview.canonicalUrl} />
          <NewsletterForm id="newsletter-interview" />
        </div>
      </div>

      {related.length > 0 && (
        <section className="related" aria-labelledby="related-title">
          <h2 id="related-title" className="section-title">
            Related interviews
          </h2>
          <InterviewList interviews={related} headingLevel="h3" />
        </section>
      )}
    </article>
  )
}
