// Marketing's schedule operations (the CLI's list/add/remove), on the content store through the client.
import type { SanityClient } from '@sanity/client'
import { draftIdOf, parseFutureTime, publishedIdOf, type Schedule } from './schedule.ts'
import { listScheduledDrafts } from './publish-due.ts'

const FIND_INTERVIEW = `*[_type == "interview" && (_id in [$ref, "drafts." + $ref] || slug.current == $ref)]{_id, _rev, title, "slug": slug.current}`

type Found = { _id: string; _rev: string; title?: string; slug?: string }

/** Finds an interview's draft by id or slug; explains what is wrong when there is none. */
export async function findDraft(client: SanityClient, ref: string): Promise<Found> {
  const bare = ref.replace(/^drafts\./, '')
  const docs = await client.fetch<Found[]>(FIND_INTERVIEW, { ref: bare }, { perspective: 'raw', useCdn: false })
  if (docs.length === 0) throw new Error(`No interview has the id or slug "${ref}"`)
  const ids = new Set(docs.map((d) => publishedIdOf(d._id)))
  if (ids.size > 1) throw new Error(`"${ref}" matches several interviews (${[...ids].join(', ')}); use the id`)
  const draft = docs.find((d) => d._id.startsWith('drafts.'))
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
  return { id: publishedIdOf(draft._id), ...schedule }
}

export async function removeSchedule(client: SanityClient, ref: string): Promise<{ id: string }> {
  const draft = await findDraft(client, ref)
  await client.patch(draftIdOf(draft._id)).ifRevisionId(draft._rev).unset(['schedule']).commit()
  return { id: publishedIdOf(draft._id) }
}

export { listScheduledDrafts as listSchedule }
