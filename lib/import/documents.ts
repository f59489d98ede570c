// Builds the interview and person documents of an import, with ids derived from the article so a re-import updates them.
import { DocumentId, getDraftId, getPublishedId, isDraftId, isPublishedId } from '@sanity/id-utils'
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
  originalPublication?: string
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

export function interviewDocument(
  interview: ImportedInterview,
  id: string,
  speaker: Reference,
  interviewer?: Reference,
): InterviewDocument {
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
    ...(interview.publication ? { originalPublication: interview.publication } : {}),
  }
}

export type RedirectDocument = { _id: string; _type: 'redirect'; from: string; to: string; kind: 'permanent' }

/**
 * The article's old address on its own site, kept as a permanent redirect to its new page, for teams that point their
 * old blog's domain at Parley. None when the article had no canonical URL, or it already lived at the new path.
 */
export function oldAddressRedirect(
  interview: ImportedInterview,
  interviewId: string,
  publish: boolean,
): RedirectDocument | null {
  if (!interview.canonicalUrl) return null
  let from: string
  try {
    from = new URL(interview.canonicalUrl).pathname.replace(/\/+$/, '')
  } catch {
    return null
  }
  const to = `/interviews/${interview.slug}`
  if (!from || from === to) return null
  const id = `redirect-${interviewId}`
  return { _id: publish ? id : getDraftId(DocumentId(id)), _type: 'redirect', from, to, kind: 'permanent' }
}

export type PersonMatch = { id: string; reference: Reference; created?: PersonDocument }

const PEOPLE_NAMED = `*[_type == "person" && lower(name) in $names] | order(_createdAt asc) {_id, "key": lower(name)}`

/** People are matched by name, whatever its letter case (GROQ's lower() and JavaScript's agree on it). */
const nameKey = (person: Speaker) => person.name.toLowerCase()

/**
 * Looks up every person of a run in one query. A speaker matches an existing person with the same name, published
 * preferred; a person that exists only as a draft is referenced weakly, to be strengthened when published, as the
 * Studio does; anyone else becomes a new person.
 */
export async function matchPeople(client: SanityClient, people: Speaker[]): Promise<(person: Speaker) => PersonMatch> {
  const names = [...new Set(people.map(nameKey))]
  const found =
    names.length === 0
      ? []
      : await client.fetch<{ _id: string; key: string }[]>(PEOPLE_NAMED, { names }, { perspective: 'raw' })
  const matches = new Map<string, PersonMatch>()
  for (const person of people) {
    const key = nameKey(person)
    if (matches.has(key)) continue
    const named = found.filter((candidate) => candidate.key === key)
    const published = named.find((candidate) => isPublishedId(DocumentId(candidate._id)))
    const draft = named.find((candidate) => isDraftId(DocumentId(candidate._id)))
    if (published) matches.set(key, { id: published._id, reference: { _type: 'reference', _ref: published._id } })
    else if (draft) {
      const id = getPublishedId(DocumentId(draft._id))
      matches.set(key, {
        id,
        reference: { _type: 'reference', _ref: id, _weak: true, _strengthenOnPublish: { type: 'person' } },
      })
    } else matches.set(key, offlinePersonMatch(person))
  }
  return (person) => matches.get(nameKey(person))!
}

/** Without the content store (a dry run) every speaker is shown as the person the import would create. */
export function offlinePersonMatch(speaker: Speaker): PersonMatch {
  const created = newPersonDocument(speaker)
  return { id: created._id, reference: { _type: 'reference', _ref: created._id }, created }
}
