// Builds the interview and person documents of an import, with ids derived from the article so a re-import updates them.
import { createHash } from 'node:crypto'
import type { SanityClient } from '@sanity/client'
import type { ImportedInterview } from './interview-article.ts'
import { slugify } from './slug.ts'
import type { Speaker } from './speaker.ts'

export type Reference = { _type: 'reference'; _ref: string; _weak?: true; _strengthenOnPublish?: { type: string } }

export type PersonDocument = {
  _id: string
  _type: 'person'
  name: string
  slug: { _type: 'slug'; current: string }
  role?: string
  company?: string
}

export type InterviewDocument = {
  _id: string
  _type: 'interview'
  title: string
  slug: { _type: 'slug'; current: string }
  standfirst?: string
  speaker: Reference
  interviewer?: Reference
  qa: ImportedInterview['qa']
  publishedAt?: string
  canonicalUrl?: string
  [field: string]: unknown
}

/**
 * The published id of an imported interview: from its canonical URL when it has one (stable even if the title is
 * edited at the source), else from its slug. No dots: ids with a dot are hidden from anonymous readers.
 */
export function interviewIdFor(interview: Pick<ImportedInterview, 'canonicalUrl' | 'slug'>): string {
  const key = interview.canonicalUrl ? `url:${normaliseUrl(interview.canonicalUrl)}` : `slug:${interview.slug}`
  return `interview-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`
}

/** The same page is reachable with and without a trailing slash, query or fragment. */
function normaliseUrl(url: string): string {
  const parsed = new URL(url)
  parsed.hash = ''
  parsed.search = ''
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}`
}

export function personIdFor(name: string): string {
  return `person-${slugify(name)}`
}

export function newPersonDocument(speaker: Speaker): PersonDocument {
  return {
    _id: personIdFor(speaker.name),
    _type: 'person',
    name: speaker.name,
    slug: { _type: 'slug', current: slugify(speaker.name) },
    ...(speaker.role ? { role: speaker.role } : {}),
    ...(speaker.company ? { company: speaker.company } : {}),
  }
}

export function interviewDocument(interview: ImportedInterview, id: string, speaker: Reference, interviewer?: Reference): InterviewDocument {
  return {
    _id: id,
    _type: 'interview',
    title: interview.title,
    slug: { _type: 'slug', current: interview.slug },
    ...(interview.standfirst ? { standfirst: interview.standfirst } : {}),
    speaker,
    ...(interviewer ? { interviewer } : {}),
    qa: interview.qa,
    ...(interview.publishedAt ? { publishedAt: interview.publishedAt } : {}),
    ...(interview.canonicalUrl ? { canonicalUrl: interview.canonicalUrl } : {}),
  }
}

export type PersonMatch = { id: string; reference: Reference; created?: PersonDocument }

const PEOPLE_NAMED = `*[_type == "person" && lower(name) == lower($name)] | order(_createdAt asc) {_id}`

/**
 * An existing person with the speaker's name (case-insensitive), published preferred; else a new one. A person that
 * exists only as a draft is referenced weakly, to be strengthened when published, as the Studio does.
 */
export async function matchPerson(client: SanityClient, speaker: Speaker): Promise<PersonMatch> {
  const found = await client.fetch<{ _id: string }[]>(PEOPLE_NAMED, { name: speaker.name }, { perspective: 'raw' })
  const published = found.find((person) => !person._id.startsWith('drafts.') && !person._id.includes('.'))
  if (published) return { id: published._id, reference: { _type: 'reference', _ref: published._id } }
  const draft = found.find((person) => person._id.startsWith('drafts.'))
  if (draft) {
    const id = draft._id.slice('drafts.'.length)
    return { id, reference: { _type: 'reference', _ref: id, _weak: true, _strengthenOnPublish: { type: 'person' } } }
  }
  return offlinePersonMatch(speaker)
}

/** Without the content store (a dry run) every speaker is shown as the person the import would create. */
export function offlinePersonMatch(speaker: Speaker): PersonMatch {
  const created = newPersonDocument(speaker)
  return { id: created._id, reference: { _type: 'reference', _ref: created._id }, created }
}
