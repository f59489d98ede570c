// Every GROQ query the reader site runs, named, built from shared projection fragments; `npm run typegen` types them.
import { defineQuery } from 'groq'

/** An interview a reader may see: it has a slug to live at. */
const isListedInterview = `_type == "interview" && defined(slug.current)`
const newestFirst = `order(coalesce(publishedAt, _createdAt) desc, _id asc)`

const imageFragment = /* groq */ `
  "asset": asset->{_id, url, "lqip": metadata.lqip, "width": metadata.dimensions.width, "height": metadata.dimensions.height},
  alt, caption, hotspot{x, y, width, height}, crop{top, bottom, left, right}`

const referenceLinkFragment = /* groq */ `_id, title, "slug": slug.current`

const personCardFragment = /* groq */ `
  _id, name, "slug": slug.current, role, team, company,
  photo{${imageFragment}}`

/** What a list, a feed or a card shows of an interview. */
const interviewCardFragment = /* groq */ `
  _id, title, "slug": slug.current, standfirst, publishedAt, _updatedAt, featured,
  coverImage{${imageFragment}},
  speaker->{${personCardFragment}},
  topics[]->{${referenceLinkFragment}},
  series->{${referenceLinkFragment}},
  seriesPart,
  "wordCount": length(string::split(pt::text(qa[].answer[]), " ")) + length(string::split(array::join(qa[].question, " "), " "))`

const answerFragment = /* groq */ `
  ...,
  _type == "image" => {_type, _key, ${imageFragment}},
  markDefs[]{...}`

export const interviewQuery = defineQuery(`
*[${isListedInterview} && slug.current == $slug][0]{
  ${interviewCardFragment},
  interviewer->{${personCardFragment}},
  "speakerBio": speaker->bio,
  "speakerLinks": speaker->links[]{label, url},
  qa[]{_key, question, answer[]{${answerFragment}}},
  seo{title, description, image{${imageFragment}}},
  callToAction{label, url},
  canonicalUrl,
  originalPublication
}`)

export const relatedInterviewsQuery = defineQuery(`
*[${isListedInterview} && _id != $id && (
  speaker._ref == $speakerId
  || (defined(series._ref) && series._ref == $seriesId)
  || count((topics[]._ref)[@ in $topicIds]) > 0
)] | ${newestFirst} [0...3]{${interviewCardFragment}}`)

export const interviewPageQuery = defineQuery(`{
  "total": count(*[${isListedInterview}]),
  "interviews": *[${isListedInterview}] | ${newestFirst} [$start...$end]{${interviewCardFragment}}
}`)

export const featuredInterviewsQuery = defineQuery(`
*[${isListedInterview} && featured == true] | ${newestFirst} [0...3]{${interviewCardFragment}}`)

/** Everything a feed item shows, the whole interview, newest first. */
export const feedInterviewsQuery = defineQuery(`
*[${isListedInterview}] | ${newestFirst} [0...$limit]{${interviewCardFragment}, qa[]{_key, question, answer[]{${answerFragment}}}}`)

export const interviewSlugsQuery = defineQuery(`*[${isListedInterview}] | ${newestFirst}.slug.current`)

export const speakerQuery = defineQuery(`
*[_type == "person" && slug.current == $slug][0]{
  ${personCardFragment}, bio, links[]{label, url},
  "interviews": *[${isListedInterview} && (speaker._ref == ^._id || interviewer._ref == ^._id)] | ${newestFirst} {${interviewCardFragment}}
}`)

export const topicQuery = defineQuery(`
*[_type == "topic" && slug.current == $slug][0]{
  ${referenceLinkFragment}, description,
  "interviews": *[${isListedInterview} && references(^._id)] | ${newestFirst} {${interviewCardFragment}}
}`)

export const seriesQuery = defineQuery(`
*[_type == "series" && slug.current == $slug][0]{
  ${referenceLinkFragment}, description,
  "interviews": *[${isListedInterview} && series._ref == ^._id] | order(coalesce(seriesPart, 9999) asc, publishedAt asc) {${interviewCardFragment}}
}`)

/** Slugs of every speaker, topic and series page, for static generation and the sitemap. */
export const directorySlugsQuery = defineQuery(`{
  "speakers": *[_type == "person" && defined(slug.current) && count(*[${isListedInterview} && (speaker._ref == ^._id || interviewer._ref == ^._id)]) > 0]{"slug": slug.current, _updatedAt},
  "topics": *[_type == "topic" && defined(slug.current)]{"slug": slug.current, _updatedAt},
  "series": *[_type == "series" && defined(slug.current)]{"slug": slug.current, _updatedAt}
}`)

/**
 * Full-text search over titles, standfirsts, speakers, questions and answers, ranked by where it hit.
 * `$terms` are the reader's words as prefixes (`graph*`); the same query runs on hosted Sanity.
 */
export const searchQuery = defineQuery(`
*[${isListedInterview} && [title, standfirst, speaker->name, speaker->company, topics[]->title, qa[].question, pt::text(qa[].answer[])] match $terms]
| score(
    boost(title match $terms, 5),
    boost(speaker->name match $terms, 4),
    boost(topics[]->title match $terms, 3),
    boost(standfirst match $terms, 2),
    boost(qa[].question match $terms, 2),
    pt::text(qa[].answer[]) match $terms
  )
| order(_score desc, coalesce(publishedAt, _createdAt) desc) [0...20]{${interviewCardFragment}}`)

/** Every redirect editors (or the importer) made; the site answers them before a 404. */
export const redirectsQuery = defineQuery(`*[_type == "redirect" && defined(from) && defined(to)]{from, to, kind}`)

export const siteSettingsQuery = defineQuery(`
*[_type == "siteSettings" && _id == "siteSettings"][0]{title, description, navigation[]{label, href}, careersUrl}`)

/** Every published interview as a card, newest first: the archive. */
export const interviewArchiveQuery = defineQuery(`*[${isListedInterview}] | ${newestFirst} {${interviewCardFragment}}`)

/** The directories: speakers with their interview counts, topics and series with theirs. */
export const directoryQuery = defineQuery(`{
  "speakers": *[_type == "person" && defined(slug.current)]{
    ${personCardFragment},
    "interviewCount": count(*[${isListedInterview} && (speaker._ref == ^._id || interviewer._ref == ^._id)])
  }[interviewCount > 0] | order(name asc),
  "topics": *[_type == "topic" && defined(slug.current)]{
    ${referenceLinkFragment}, description,
    "interviewCount": count(*[${isListedInterview} && references(^._id)])
  } | order(title asc),
  "series": *[_type == "series" && defined(slug.current)]{
    ${referenceLinkFragment}, description,
    "interviewCount": count(*[${isListedInterview} && series._ref == ^._id])
  } | order(title asc)
}`)
