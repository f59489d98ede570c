// Revalidation, in one place: the cache tags pages carry, which tags each document type's change affects (one table),
// the pages behind each tag, the GROQ webhook that reports changes, and the route handler that revalidates.
import type { SanityClient } from '@sanity/client'
import { readSignedWebhook, webhookProblem, type ContentWebhook } from '../webhooks/signed-webhook.ts'

/** Every list of interviews: the index, its pages, feeds, the sitemap, search and related lists. */
export const interviewsTag = 'interviews'
export const settingsTag = 'settings'
export const interviewTag = (slug: string) => `interview:${slug}`
export const personTag = (slug: string) => `person:${slug}`
export const topicTag = (slug: string) => `topic:${slug}`
export const seriesTag = (slug: string) => `series:${slug}`

/** The time-based fallback: a page is refreshed at least this often even if a webhook is lost (seconds). */
export const fallbackRevalidateSeconds = 3600

/** A changed document as `revalidationProjection` describes it. */
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
const ownSlugs = (document: ChangedDocument) => slugs(document.slug, document.previousSlug)

type TypeRevalidation = {
  /** Whether interviews show this type (a name, a title): their pages are looked up and revalidated too. */
  shownOnInterviews: boolean
  tags: (document: ChangedDocument, showingInterviews: readonly string[]) => string[]
}

/** Each document type the site shows → the tags its change affects. Cards in every list show speakers and topics. */
const revalidationByType: Record<string, TypeRevalidation> = {
  interview: {
    shownOnInterviews: false,
    tags: (document) => [
      ...ownSlugs(document).map(interviewTag),
      ...slugs(document.people, document.previousPeople).map(personTag),
      ...slugs(document.topics, document.previousTopics).map(topicTag),
      ...slugs(document.series, document.previousSeries).map(seriesTag),
      interviewsTag,
    ],
  },
  person: {
    shownOnInterviews: true,
    tags: (document, showing) => [...ownSlugs(document).map(personTag), ...showing.map(interviewTag), interviewsTag],
  },
  topic: {
    shownOnInterviews: true,
    tags: (document, showing) => [...ownSlugs(document).map(topicTag), ...showing.map(interviewTag), interviewsTag],
  },
  series: {
    shownOnInterviews: true,
    tags: (document, showing) => [...ownSlugs(document).map(seriesTag), ...showing.map(interviewTag), interviewsTag],
  },
  siteSettings: { shownOnInterviews: false, tags: () => [settingsTag] },
}

/**
 * Returns the tags to revalidate (deduplicated, sorted), or an empty list for a document type the site does not show.
 * `showingInterviews` are the slugs of interviews that show a changed person, topic or series.
 */
function affectedTags(document: ChangedDocument, showingInterviews: readonly string[] = []): string[] {
  const revalidation = typeof document._type === 'string' ? revalidationByType[document._type] : undefined
  return [...new Set(revalidation?.tags(document, showingInterviews) ?? [])].sort()
}

/** Each tag's kind → the reader paths behind it, so a webhook can re-render the pages it expired before any reader asks. */
const pathsByTagKind: Record<string, (slug: string | undefined) => string[]> = {
  interviews: () => [
    '/',
    '/interviews',
    '/speakers',
    '/topics',
    '/series',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
  ],
  settings: () => ['/'],
  interview: (slug) => pathUnder('/interviews', slug),
  person: (slug) => pathUnder('/speakers', slug),
  topic: (slug) => pathUnder('/topics', slug),
  series: (slug) => pathUnder('/series', slug),
}
const pathUnder = (prefix: string, slug: string | undefined) => (slug ? [`${prefix}/${encodeURIComponent(slug)}`] : [])

function pathsForTag(tag: string): string[] {
  const [kind, slug] = tag.split(/:(.*)/s) as [string, string | undefined]
  return pathsByTagKind[kind]?.(slug) ?? []
}

export function pathsForTags(tags: readonly string[]): string[] {
  return [...new Set(tags.flatMap(pathsForTag))]
}

/**
 * The projection gives slugs before and after the change (a renamed slug must refresh both pages) and the speaker's,
 * topics' and series' slugs on both sides (an interview that moves leaves one list and joins another). The interviews
 * that show a changed person, topic or series are looked up by the route (a webhook projection sees one document).
 */
const revalidationProjection = /* groq */ `{
  _id,
  _type,
  "slug": slug.current,
  "previousSlug": before().slug.current,
  "people": [speaker->slug.current, interviewer->slug.current],
  "previousPeople": [before().speaker->slug.current, before().interviewer->slug.current],
  "topics": topics[]->slug.current,
  "previousTopics": before().topics[]->slug.current,
  "series": series->slug.current,
  "previousSeries": before().series->slug.current
}`

const revalidatedTypes = Object.keys(revalidationByType).map((type) => JSON.stringify(type))
const revalidationFilter = /* groq */ `_type in [${revalidatedTypes.join(', ')}]`

/** The revalidation webhook for a site at `siteUrl`, signed with `secret` (SANITY_REVALIDATE_SECRET). */
export function revalidationWebhook(siteUrl: string, secret: string): ContentWebhook {
  return {
    name: 'parley-site-revalidate',
    url: new URL('/api/revalidate', siteUrl).toString(),
    secret,
    filter: revalidationFilter,
    projection: revalidationProjection,
    on: ['create', 'update', 'delete'],
    includeDrafts: false,
  }
}

const referencingInterviewsQuery = /* groq */ `*[_type == "interview" && defined(slug.current) && references($id)].slug.current`

/**
 * The published interviews that show a document, asked of the API, never a CDN or Next's data cache: the answer must
 * reflect the publish that triggered the webhook.
 */
export function referencingInterviewsFrom(client: SanityClient): (documentId: string) => Promise<string[]> {
  const fresh = client.withConfig({ useCdn: false, perspective: 'published' })
  return async (documentId) => {
    const slugs = await fresh.fetch<unknown>(
      referencingInterviewsQuery,
      { id: documentId },
      { cache: 'no-store', tag: 'parley.revalidate' },
    )
    return Array.isArray(slugs) ? slugs.filter((slug): slug is string => typeof slug === 'string') : []
  }
}

const configureHint = 'configure the webhook with the projection in lib/revalidation/index.ts'

/**
 * Answers one webhook request. Nothing is revalidated unless the signature matches `secret`; then `revalidate` is
 * called once per affected tag and the answer lists them.
 */
export async function handleRevalidationWebhook(
  request: Request,
  options: {
    secret: string | undefined
    revalidate: (tag: string) => void
    /** Slugs of the published interviews that reference a document (they show its name or title). */
    referencingInterviews: (documentId: string) => Promise<string[]>
  },
): Promise<Response> {
  const signed = await readSignedWebhook(request, options.secret, configureHint)
  if (signed instanceof Response) return signed
  const document = signed.body as ChangedDocument
  if (!document || typeof document !== 'object' || typeof document._type !== 'string') {
    return webhookProblem(400, `The webhook body has no _type; ${configureHint}.`)
  }
  const shownOnInterviews = revalidationByType[document._type]?.shownOnInterviews && typeof document._id === 'string'
  const tags = affectedTags(
    document,
    shownOnInterviews ? await options.referencingInterviews(document._id as string) : [],
  )
  for (const tag of tags) options.revalidate(tag)
  return Response.json({ revalidated: tags, now: Date.now() })
}
