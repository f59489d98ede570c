// Publishes every scheduled draft whose time has come, through the Actions API, at most once each.
import type { SanityClient } from '@sanity/client'
import { DocumentId, getPublishedId } from '@sanity/id-utils'
import { scheduledDraftSchema, type ScheduledDraft } from './schedule.ts'
import { reasonsNotPublishable } from './publishable.ts'

export const SCHEDULED_DRAFTS_QUERY = `*[_id in path("drafts.**") && defined(schedule.publishAt)]
  | order(schedule.publishAt asc){_id, _rev, _type, title, "slug": slug.current, schedule}`

export type PublishOutcome =
  | { id: string; outcome: 'published'; publishAt: string; publishedAt: string; transactionId: string }
  | { id: string; outcome: 'failed'; reasons: string[] }
  | { id: string; outcome: 'skipped'; reason: string }
  | { id: string; outcome: 'retry'; error: string }

type ItemError = { error?: { type?: string; description?: string } }
const referenceErrorTypes = new Set(['documentReferenceDoesNotExistError', 'documentHasExistingReferencesError'])

/** Reads every schedule, failed ones too (raw perspective: schedules live on drafts). */
export async function listScheduledDrafts(client: SanityClient): Promise<ScheduledDraft[]> {
  const rows = await client.fetch<unknown[]>(SCHEDULED_DRAFTS_QUERY, {}, { perspective: 'raw', useCdn: false })
  return rows.flatMap((row) => {
    const parsed = scheduledDraftSchema.safeParse(row)
    if (!parsed.success) console.warn(`scheduler: ignoring a malformed schedule: ${parsed.error.message}`)
    return parsed.success ? [parsed.data] : []
  })
}

/**
 * Publishes one due draft. The edit (clear the schedule, stamp publishedAt) and the publish run
 * in one transaction, guarded by the draft revision we read: if another scheduler or an editor got
 * there first, the revision no longer matches and nothing happens, so a publish is never doubled.
 */
export async function publishScheduledDraft(
  client: SanityClient,
  draft: ScheduledDraft,
  now: Date,
): Promise<PublishOutcome> {
  const publishedId = getPublishedId(DocumentId(draft._id))
  const full = await client.getDocument(draft._id)
  if (!full || full._rev !== draft._rev)
    return { id: publishedId, outcome: 'skipped', reason: 'the draft changed since it was read' }
  const markFailed = async (reasons: string[]): Promise<PublishOutcome> => {
    await client
      .patch(draft._id)
      .ifRevisionId(draft._rev)
      .set({
        'schedule.status': 'failed',
        'schedule.error': `Not published at ${now.toISOString()}: ${reasons.join('; ')}`,
      })
      .commit()
      .catch(() => undefined) // a concurrent change wins; the next run reads it afresh
    return { id: publishedId, outcome: 'failed', reasons }
  }
  const publishedAt = typeof full.publishedAt === 'string' ? full.publishedAt : draft.schedule.publishAt
  // Validated as it will be published: the schedule cleared and the publication date stamped.
  const reasons = await reasonsNotPublishable(client, { ...full, schedule: undefined, publishedAt })
  if (reasons.length > 0) return markFailed(reasons)
  try {
    const result = await client.action([
      {
        actionType: 'sanity.action.document.edit',
        draftId: draft._id,
        publishedId,
        patch: { ifRevisionID: draft._rev, unset: ['schedule'], set: { publishedAt } },
      },
      { actionType: 'sanity.action.document.publish', draftId: draft._id, publishedId },
    ])
    return {
      id: publishedId,
      outcome: 'published',
      publishAt: draft.schedule.publishAt,
      publishedAt,
      transactionId: result.transactionId,
    }
  } catch (error) {
    const { statusCode, details } = error as { statusCode?: number; details?: { items?: ItemError[] } }
    // The content store refuses a publish that would break references (a speaker never published): that is the
    // draft's problem to fix, not a race with another run.
    const broken = details?.items?.find((item) => referenceErrorTypes.has(item.error?.type ?? ''))
    if (statusCode === 409 && broken) return markFailed([broken.error?.description ?? 'a reference cannot be kept'])
    if (statusCode === 409) return { id: publishedId, outcome: 'skipped', reason: 'already published by another run' }
    return { id: publishedId, outcome: 'retry', error: (error as Error).message }
  }
}

/** Publishes every draft due at `now`; returns what happened to each and when the next one is due. */
export async function publishDue(
  client: SanityClient,
  now: Date = new Date(),
): Promise<{ outcomes: PublishOutcome[]; nextDueAt: Date | null }> {
  const drafts = await listScheduledDrafts(client)
  const outcomes: PublishOutcome[] = []
  let nextDueAt: Date | null = null
  for (const draft of drafts) {
    if (draft.schedule.status !== 'scheduled') continue
    const due = new Date(draft.schedule.publishAt)
    if (due.getTime() <= now.getTime()) outcomes.push(await publishScheduledDraft(client, draft, now))
    else if (!nextDueAt || due < nextDueAt) nextDueAt = due
  }
  return { outcomes, nextDueAt }
}
