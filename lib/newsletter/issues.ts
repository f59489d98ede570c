// Starts the newsletter issue of an interview that went live: once per interview (a `create` that fails if the issue
// exists), one delivery per subscriber confirmed by then (deterministic ids, so every instance enqueues the same set).
import type { SanityClient } from '@sanity/client'
import type { NewsletterConfig } from './config.ts'
import { issueInterviewQuery, issueInterviewSchema } from './messages.ts'
import {
  deliveryId,
  deliveryPrefix,
  deliveryType,
  issueId,
  issueSchema,
  issueType,
  keyOfSubscriberId,
  subscriberType,
  type Issue,
} from './records.ts'

export type IssueContext = {
  /** The newsletter dataset, with a write token. */
  newsletter: SanityClient
  /** The content dataset, published perspective. */
  content: SanityClient
  config: NewsletterConfig
  now?: () => Date
}

export type IssueOutcome =
  | { interviewId: string; outcome: 'started'; recipients: number }
  | { interviewId: string; outcome: 'skipped'; reason: string }
  | { interviewId: string; outcome: 'not-published'; reason: string }

const CREATE_BATCH = 200
const isConflict = (error: unknown) => (error as { statusCode?: number }).statusCode === 409
/**
 * A published document's id: no path (drafts., versions., _.) and only the characters Sanity allows. Kept as a pattern:
 * it checks a webhook's untrusted input, stricter than @sanity/id-utils' isPublishedId (no draft or version prefix).
 */
const publishedIdPattern = /^[a-zA-Z0-9_][a-zA-Z0-9_-]*$/

async function createIssue(context: IssueContext, draft: Omit<Issue, '_id'>): Promise<Issue> {
  const id = issueId(draft.interviewId)
  try {
    await context.newsletter.create({ _id: id, _type: issueType, ...draft })
  } catch (error) {
    if (!isConflict(error)) throw error // it exists: this interview went live before (or another instance got here)
  }
  return issueSchema.parse(await context.newsletter.getDocument(id))
}

/** Creates the deliveries this issue lacks; safe to run again and beside another instance doing the same. */
async function enqueueDeliveries(context: IssueContext, issue: Issue): Promise<number> {
  const { newsletter } = context
  for (;;) {
    const { recipients, existing } = await newsletter.fetch<{ recipients: string[]; existing: string[] }>(
      `{
        "recipients": *[_type == $subscriberType && status == "confirmed" && dateTime(confirmedAt) <= dateTime($wentLiveAt)]._id,
        "existing": *[_id in path($deliveries)].subscriber
      }`,
      { subscriberType, wentLiveAt: issue.wentLiveAt, deliveries: `${deliveryPrefix(issue.interviewId)}.*` },
    )
    const have = new Set(existing)
    const missing = recipients.map(keyOfSubscriberId).filter((key) => !have.has(key))
    try {
      for (let start = 0; start < missing.length; start += CREATE_BATCH) {
        const transaction = newsletter.transaction()
        for (const key of missing.slice(start, start + CREATE_BATCH)) {
          transaction.create({
            _id: deliveryId(issue.interviewId, key),
            _type: deliveryType,
            interviewId: issue.interviewId,
            subscriber: key,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: issue.wentLiveAt,
          })
        }
        await transaction.commit({ visibility: 'sync' })
      }
      return recipients.length
    } catch (error) {
      if (!isConflict(error)) throw error // another instance created some of them: read what exists and go on
    }
  }
}

/** What happens when `interviewId` was published: an issue is started (once), or why not. */
export async function startIssue(context: IssueContext, interviewId: string): Promise<IssueOutcome> {
  if (!publishedIdPattern.test(interviewId))
    return { interviewId, outcome: 'not-published', reason: `${interviewId} is not a published document's id` }
  const found = await context.content.fetch(issueInterviewQuery, { id: interviewId }, { perspective: 'published' })
  if (!found) return { interviewId, outcome: 'not-published', reason: 'no published interview has this id' }
  const interview = issueInterviewSchema.parse(found)
  const now = context.now?.() ?? new Date()
  const archiveMs = context.config.archiveAgeDays * 86_400_000
  const datedAt = interview.publishedAt ? Date.parse(interview.publishedAt) : NaN
  const archived = Number.isFinite(datedAt) && now.getTime() - datedAt > archiveMs
  const issue = await createIssue(context, {
    interviewId,
    title: interview.title,
    slug: interview.slug,
    wentLiveAt: now.toISOString(),
    status: archived ? 'skipped' : 'sending',
    ...(archived
      ? {
          reason: `dated ${interview.publishedAt}, more than ${context.config.archiveAgeDays} days before it went live: an archive import, not news`,
        }
      : {}),
  })
  if (issue.status === 'skipped') return { interviewId, outcome: 'skipped', reason: issue.reason ?? 'skipped' }
  const recipients = await enqueueDeliveries(context, issue)
  if (issue.recipients !== recipients)
    await context.newsletter.patch(issue._id).set({ recipients }).commit({ visibility: 'async' })
  return { interviewId, outcome: 'started', recipients }
}
