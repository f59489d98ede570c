// Works out exactly which cache tags a changed document affects, from the webhook body of `revalidationProjection`.
import { interviewTag, interviewsTag, personTag, seriesTag, settingsTag, topicTag } from './tags.ts'

export type ChangedDocument = {
  _id?: unknown
  _type?: unknown
  slug?: unknown
  previousSlug?: unknown
  people?: unknown
  previousPeople?: unknown
  topics?: unknown
  previousTopics?: unknown
  series?: unknown
  previousSeries?: unknown
}

/** Strings from values and arrays of values; nulls (a missing reference, no previous version) are dropped. */
function slugs(...values: unknown[]): string[] {
  return values
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
}

/**
 * Returns the tags to revalidate (deduplicated, sorted), or an empty list for a document type the site does not show.
 * `referencingInterviews` are the slugs of interviews that show a changed person, topic or series.
 */
export function affectedTags(document: ChangedDocument, referencingInterviews: readonly string[] = []): string[] {
  const tags = new Set<string>()
  const ownSlugs = slugs(document.slug, document.previousSlug)
  switch (document._type) {
    case 'interview':
      ownSlugs.forEach((slug) => tags.add(interviewTag(slug)))
      slugs(document.people, document.previousPeople).forEach((slug) => tags.add(personTag(slug)))
      slugs(document.topics, document.previousTopics).forEach((slug) => tags.add(topicTag(slug)))
      slugs(document.series, document.previousSeries).forEach((slug) => tags.add(seriesTag(slug)))
      tags.add(interviewsTag)
      break
    case 'person':
      ownSlugs.forEach((slug) => tags.add(personTag(slug)))
      referencingInterviews.forEach((slug) => tags.add(interviewTag(slug)))
      tags.add(interviewsTag) // cards in every list show the speaker
      break
    case 'topic':
      ownSlugs.forEach((slug) => tags.add(topicTag(slug)))
      referencingInterviews.forEach((slug) => tags.add(interviewTag(slug)))
      tags.add(interviewsTag)
      break
    case 'series':
      ownSlugs.forEach((slug) => tags.add(seriesTag(slug)))
      referencingInterviews.forEach((slug) => tags.add(interviewTag(slug)))
      tags.add(interviewsTag)
      break
    case 'siteSettings':
      tags.add(settingsTag)
      break
  }
  return [...tags].sort()
}
