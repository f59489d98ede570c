// The schema.org JSON-LD for an interview: an Article about its speaker, as search engines read it.
import type { Interview } from './schemas.ts'

export function interviewStructuredData(
  interview: Interview,
  pageUrl: string,
  imageUrl: string | undefined,
): Record<string, unknown> {
  const person = (who: NonNullable<Interview['speaker']>) => ({
    '@type': 'Person',
    name: who.name,
    ...(who.role ? { jobTitle: who.role } : {}),
    ...(who.company ? { worksFor: { '@type': 'Organization', name: who.company } } : {}),
  })
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: interview.seo?.title || interview.title,
    ...(interview.seo?.description || interview.standfirst
      ? { description: interview.seo?.description || interview.standfirst }
      : {}),
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    ...(interview.publishedAt ? { datePublished: interview.publishedAt } : {}),
    ...(interview._updatedAt ? { dateModified: interview._updatedAt } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    ...(interview.speaker ? { about: person(interview.speaker) } : {}),
    ...(interview.interviewer ? { author: person(interview.interviewer) } : {}),
    ...(interview.topics.length ? { keywords: interview.topics.map((topic) => topic.title).join(', ') } : {}),
  }
}

/** JSON for a <script> element: `<` escaped so a title can never close the script early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}
