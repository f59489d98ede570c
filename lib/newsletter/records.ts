// The newsletter's documents in its own dataset: subscribers, one issue per interview that went live, one delivery per
// issue and subscriber. Every id is under a path (`subscriber.…`), which Sanity and the lake never show to anonymous
// requests, on any plan, even in a public dataset; ids hold no address (Sanity keeps ids after a delete).
import { createHmac } from 'node:crypto'
import { z } from 'zod'
import { newsletterTypes } from '../../schemas/newsletterRecords.ts'

export const subscriberType = newsletterTypes.subscriber
export const issueType = newsletterTypes.issue
export const deliveryType = newsletterTypes.delivery

/** A keyed hash of the address: the same address always maps to the same subscriber, and the id reveals nothing. */
export function subscriberKey(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`subscriber:${email}`).digest('hex').slice(0, 32)
}

export const subscriberId = (key: string) => `subscriber.${key}`
export const issueId = (interviewId: string) => `issue.${interviewId}`
export const deliveryPrefix = (interviewId: string) => `delivery.${interviewId}`
export const deliveryId = (interviewId: string, key: string) => `${deliveryPrefix(interviewId)}.${key}`
export const keyOfSubscriberId = (id: string) => id.slice('subscriber.'.length)

const time = z.iso.datetime({ offset: true })

export const subscriberSchema = z.object({
  _id: z.string().startsWith('subscriber.'),
  _rev: z.string(),
  status: z.enum(['pending', 'confirmed', 'unsubscribed']),
  /** Absent once unsubscribed: the address is erased, the id stays so old links are recognised. */
  email: z.string().optional(),
  requestedAt: time.optional(),
  confirmationSentAt: time.optional(),
  /** The one-time value a confirmation link must carry; cleared when it is used. */
  confirmNonce: z.string().optional(),
  confirmedAt: time.optional(),
  /** Names this subscription: unsubscribe links carry it, so a link from an earlier subscription changes nothing. */
  subscription: z.string().optional(),
  unsubscribedAt: time.optional(),
})
export type Subscriber = z.infer<typeof subscriberSchema>

export const issueSchema = z.object({
  _id: z.string(),
  interviewId: z.string(),
  title: z.string(),
  slug: z.string(),
  wentLiveAt: time,
  status: z.enum(['sending', 'skipped']),
  reason: z.string().optional(),
  recipients: z.number().optional(),
})
export type Issue = z.infer<typeof issueSchema>

export const deliveryStatus = z.enum(['pending', 'sending', 'retry', 'sent', 'failed', 'skipped'])

export const deliverySchema = z.object({
  _id: z.string(),
  _rev: z.string(),
  interviewId: z.string(),
  subscriber: z.string(),
  status: deliveryStatus,
  attempts: z.number(),
  nextAttemptAt: time,
  leaseUntil: time.optional(),
  lastError: z.string().optional(),
  sentAt: time.optional(),
})
export type Delivery = z.infer<typeof deliverySchema>
