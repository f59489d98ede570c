// Sends due deliveries: each is claimed in the content store first (a revision-guarded patch, so of several senders
// exactly one wins it), then mailed, then recorded in its send log; failures wait and are tried again with backoff.
import { randomUUID } from 'node:crypto'
import type { SanityClient } from '@sanity/client'
import type { IssueContext } from './issues.ts'
import { describeSendFailure, type Mailer } from './mailer.ts'
import { interviewMessage, issueInterviewQuery, issueInterviewSchema, type IssueInterview } from './messages.ts'
import {
  deliverySchema,
  deliveryType,
  subscriberId,
  subscriberSchema,
  type Delivery,
  type Subscriber,
} from './records.ts'
import { unsubscribeToken } from './subscriptions.ts'
import { unsubscribeUrl } from './links.ts'

export type DeliveryContext = IssueContext & {
  mailer: Mailer
  siteTitle: () => Promise<string>
  /** Names this sender in the send log (a host and process). */
  sender?: string
  log?: (line: string) => void
}

export type DeliveryTally = { sent: number; retrying: number; failed: number; skipped: number; takenOver: number }

const CLAIM_BATCH = 100
/** Messages in flight at once: twice the SMTP pool's connections, so recording one overlaps sending the next. */
const CONCURRENCY = 10

const dueQuery = /* groq */ `*[_type == $deliveryType && (
  (status in ["pending", "retry"] && nextAttemptAt <= $now) || (status == "sending" && leaseUntil < $now)
)] | order(nextAttemptAt asc) [0...$limit]`

const nextDueQuery = /* groq */ `*[_type == $deliveryType && status in ["pending", "retry"]] | order(nextAttemptAt asc) [0].nextAttemptAt`

const isConflict = (error: unknown) => (error as { statusCode?: number }).statusCode === 409

type Claimed = { delivery: Delivery; rev: string }

/** Claims due deliveries for this sender; a delivery another sender claimed in between is left to it. */
async function claim(context: DeliveryContext, due: Delivery[], now: Date): Promise<Claimed[]> {
  const { newsletter, config } = context
  const leaseUntil = new Date(now.getTime() + config.leaseMs).toISOString()
  const claimed = { status: 'sending', leaseUntil, sender: context.sender ?? 'parley' }
  try {
    const transaction = newsletter.transaction()
    for (const delivery of due) transaction.patch(delivery._id, (p) => p.ifRevisionId(delivery._rev).set(claimed))
    const { transactionId } = await transaction.commit({ visibility: 'sync' })
    return due.map((delivery) => ({ delivery, rev: transactionId }))
  } catch (error) {
    if (!isConflict(error)) throw error
  }
  // Another sender took some of the batch: claim one by one, keeping what it left.
  const won: Claimed[] = []
  for (const delivery of due) {
    try {
      const { transactionId } = await newsletter
        .patch(delivery._id)
        .ifRevisionId(delivery._rev)
        .set(claimed)
        .commit({ visibility: 'sync', returnDocuments: false })
      won.push({ delivery, rev: transactionId })
    } catch (error) {
      if (!isConflict(error)) throw error
    }
  }
  return won
}

type Result =
  | { status: 'sent'; detail: string }
  | { status: 'retry' | 'failed' | 'skipped'; detail: string; nextAttemptAt?: string }

/** Writes what happened to one claimed delivery, only if no other sender took it over in the meantime. */
async function record(client: SanityClient, { delivery, rev }: Claimed, result: Result, now: Date): Promise<boolean> {
  const entry = {
    _key: randomUUID().slice(0, 12),
    at: now.toISOString(),
    outcome: result.status,
    detail: result.detail,
  }
  const patch = client
    .patch(delivery._id)
    .ifRevisionId(rev)
    .setIfMissing({ log: [] })
    .append('log', [entry])
    .set({
      status: result.status,
      attempts: delivery.attempts + (result.status === 'skipped' ? 0 : 1),
      ...(result.status === 'sent' ? { sentAt: now.toISOString() } : {}),
      ...(result.status === 'sent' ? {} : { lastError: result.detail }),
      ...('nextAttemptAt' in result && result.nextAttemptAt ? { nextAttemptAt: result.nextAttemptAt } : {}),
    })
    .unset(['leaseUntil', 'sender'])
  try {
    await patch.commit({ visibility: 'async', returnDocuments: false })
    return true
  } catch (error) {
    if (isConflict(error)) return false
    throw error
  }
}

function retryDelayMs(context: DeliveryContext, attempts: number): number {
  const { baseDelayMs, maxDelayMs } = context.config.retry
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1))
}

async function sendOne(
  context: DeliveryContext,
  claimed: Claimed,
  subscriber: Subscriber | undefined,
  interview: IssueInterview | null,
  siteTitle: string,
): Promise<Result> {
  const { delivery } = claimed
  if (!interview) return { status: 'skipped', detail: 'the interview is no longer published' }
  if (!subscriber || subscriber.status !== 'confirmed' || !subscriber.email)
    return { status: 'skipped', detail: 'the subscriber left before it was sent' }
  const { config } = context
  try {
    const sent = await context.mailer.send(
      interviewMessage({
        from: config.from,
        to: subscriber.email,
        siteTitle,
        siteUrl: config.siteUrl,
        interview,
        unsubscribeUrl: unsubscribeUrl(config.siteUrl, unsubscribeToken(config, subscriber)),
        messageId: `<${delivery._id}@${new URL(config.siteUrl).hostname}>`,
      }),
    )
    return { status: 'sent', detail: sent.response }
  } catch (error) {
    const failure = describeSendFailure(error)
    const attempts = delivery.attempts + 1
    if (failure.permanent) return { status: 'failed', detail: `refused: ${failure.message}` }
    if (attempts >= config.retry.attempts)
      return { status: 'failed', detail: `gave up after ${attempts} attempts: ${failure.message}` }
    const nextAttemptAt = new Date(Date.now() + retryDelayMs(context, attempts)).toISOString()
    return {
      status: 'retry',
      detail: `attempt ${attempts} failed, next at ${nextAttemptAt}: ${failure.message}`,
      nextAttemptAt,
    }
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!)
  })
  await Promise.all(lanes)
}

/** Sends every delivery due now (and those a stopped sender left claimed past their lease); returns the tally. */
export async function deliverDue(context: DeliveryContext): Promise<DeliveryTally & { nextDueAt: Date | null }> {
  const tally: DeliveryTally = { sent: 0, retrying: 0, failed: 0, skipped: 0, takenOver: 0 }
  const { newsletter, content } = context
  const interviews = new Map<string, IssueInterview | null>()
  let siteTitle: string | undefined
  for (;;) {
    const now = context.now?.() ?? new Date()
    const rows = await newsletter.fetch<unknown[]>(dueQuery, {
      deliveryType,
      now: now.toISOString(),
      limit: CLAIM_BATCH,
    })
    const due = rows.map((row) => deliverySchema.parse(row))
    if (due.length === 0) break
    const claimed = await claim(context, due, now)
    if (claimed.length === 0) continue
    const subscribers = new Map(
      (
        await newsletter.fetch<unknown[]>(`*[_id in $ids]`, {
          ids: [...new Set(claimed.map((c) => subscriberId(c.delivery.subscriber)))],
        })
      ).map((row) => {
        const subscriber = subscriberSchema.parse(row)
        return [subscriber._id, subscriber] as const
      }),
    )
    for (const interviewId of new Set(claimed.map((c) => c.delivery.interviewId))) {
      if (interviews.has(interviewId)) continue
      const found = await content.fetch(issueInterviewQuery, { id: interviewId }, { perspective: 'published' })
      interviews.set(interviewId, found ? issueInterviewSchema.parse(found) : null)
    }
    siteTitle ??= await context.siteTitle()
    await eachLimited(claimed, CONCURRENCY, async (item) => {
      const result = await sendOne(
        context,
        item,
        subscribers.get(subscriberId(item.delivery.subscriber)),
        interviews.get(item.delivery.interviewId) ?? null,
        siteTitle!,
      )
      const recorded = await record(newsletter, item, result, new Date())
      if (!recorded)
        tally.takenOver++ // its lease ran out and another sender took it over
      else if (result.status === 'sent') tally.sent++
      else if (result.status === 'retry') tally.retrying++
      else if (result.status === 'failed') tally.failed++
      else tally.skipped++
      if (result.status === 'retry' || result.status === 'failed')
        context.log?.(`newsletter: ${item.delivery._id} ${result.status}: ${result.detail}`)
    })
  }
  const next = await newsletter.fetch<string | null>(nextDueQuery, { deliveryType })
  return { ...tally, nextDueAt: next ? new Date(next) : null }
}
