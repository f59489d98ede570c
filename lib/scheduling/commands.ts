// Marketing's schedule operations (the CLI's list/add/remove), on the content store through the client.
import { DocumentId, getDraftId, getPublishedId, isDraftId } from '@sanity/id-utils'
import type { SanityClient } from '@sanity/client'
import { parseFutureTime, type Schedule } from './schedule.ts'
import { listScheduledDrafts } from './publish-due.ts'

// The query spells the draft id itself: `$ref` may be a slug, which @sanity/id-utils would refuse as an id.
const FIND_INTERVIEW = `*[_type == "interview" && (_id in [$ref, "drafts." + $ref] || slug.current == $ref)]{_id, _rev, title, "slug": slug.current}`

type Found = { _id: string; _rev: string; title?: string; slug?: string }

/** Finds an interview's draft by id or slug; explains what is wrong when there is none. */
export async function findDraft(client: SanityClient, ref: string): Promise<Found> {
  // `ref` may be a slug, which is no document id: branded unchecked, only a draft id is changed.
  const bare = getPublishedId(ref as DocumentId)
  const docs = await client.fetch<Found[]>(FIND_INTERVIEW, { ref: bare }, { perspective: 'raw', useCdn: false })
  if (docs.length === 0) throw new Error(`No interview has the id or slug "${ref}"`)
  const ids = new Set(docs.map((d) => getPublishedId(DocumentId(d._id))))
  if (ids.size > 1) throw new Error(`"${ref}" matches several interviews (${[...ids].join(', ')}); use the id`)
  const draft = docs.find((d) => isDraftId(DocumentId(d._id)))
  if (!draft)
    throw new Error(`Interview "${ref}" has no draft to publish: it is already published with no pending changes`)
  return draft
}

export async function addSchedule(
  client: SanityClient,
  ref: string,
  time: string,
  scheduledBy: string,
  now = new Date(),
): Promise<Schedule & { id: string }> {
  const publishAt = parseFutureTime(time, now)
  const draft = await findDraft(client, ref)
  const schedule: Schedule = {
    publishAt: publishAt.toISOString(),
    scheduledBy,
    scheduledAt: now.toISOString(),
    status: 'scheduled',
  }
  await client.patch(draft._id).ifRevisionId(draft._rev).set({ schedule }).commit()
  return { id: getPublishedId(DocumentId(draft._id)), ...schedule }
}

export async function removeSchedule(client: SanityClient, ref: string): Promise<{ id: string }> {
  const draft = await findDraft(client, ref)
  await client
    .patch(getDraftId(DocumentId(draft._id)))
    .ifRevisionId(draft._rev)
    .unset(['schedule'])
    .commit()
  return { id: getPublishedId(DocumentId(draft._id)) }
}

export { listScheduledDrafts as listSchedule }
