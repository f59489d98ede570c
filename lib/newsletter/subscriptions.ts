// Double opt-in: a subscribe request stores a pending address and mails a one-time confirmation link; the link
// confirms it once; an unsubscribe link ends that subscription and erases the address.
import { randomBytes } from 'node:crypto'
import type { SanityClient } from '@sanity/client'
import type { NewsletterConfig } from './config.ts'
import { confirmUrl, readLink, signLink, type LinkProblem } from './links.ts'
import type { Mailer } from './mailer.ts'
import { confirmationMessage } from './messages.ts'
import { subscriberId, subscriberKey, subscriberSchema, subscriberType, type Subscriber } from './records.ts'

export type SubscriptionContext = {
  client: SanityClient
  config: NewsletterConfig
  mailer: Mailer
  siteTitle: () => Promise<string>
  now?: () => Date
}

/** A second confirmation email to the same address waits this long, so the form cannot be used to flood a mailbox. */
const RESEND_AFTER_MS = 10 * 60_000
const CONFIRM_LINK_DAYS = 7

const nonce = () => randomBytes(16).toString('base64url')
const isConflict = (error: unknown) => (error as { statusCode?: number }).statusCode === 409

async function readSubscriber(client: SanityClient, id: string): Promise<Subscriber | null> {
  const document = await client.getDocument(id)
  if (!document) return null
  const parsed = subscriberSchema.safeParse(document)
  if (!parsed.success) throw new Error(`Subscriber ${id} is malformed: ${parsed.error.message}`)
  return parsed.data
}

export type SubscribeOutcome = 'confirmation-sent' | 'confirmation-recently-sent' | 'already-confirmed'

/**
 * Records `email` (already normalised) as pending and mails the confirmation link. Callers answer every outcome the
 * same way, so the form never tells anyone whether an address is subscribed. A failed send rejects, and nothing is
 * recorded as sent, so asking again works.
 */
export async function subscribe(context: SubscriptionContext, email: string): Promise<SubscribeOutcome> {
  const { client, config } = context
  const now = context.now?.() ?? new Date()
  const key = subscriberKey(config.secret, email)
  const id = subscriberId(key)
  for (let attempt = 0; ; attempt++) {
    const existing = await readSubscriber(client, id)
    if (existing?.status === 'confirmed') return 'already-confirmed'
    const sentAt = existing?.confirmationSentAt ? Date.parse(existing.confirmationSentAt) : 0
    if (existing?.status === 'pending' && now.getTime() - sentAt < RESEND_AFTER_MS) return 'confirmation-recently-sent'
    const confirmNonce = nonce()
    const pending = {
      status: 'pending' as const,
      email,
      requestedAt: now.toISOString(),
      confirmationSentAt: now.toISOString(),
      confirmNonce,
    }
    try {
      if (existing) await client.patch(id).ifRevisionId(existing._rev).set(pending).commit()
      else await client.create({ _id: id, _type: subscriberType, ...pending })
    } catch (error) {
      if (isConflict(error) && attempt < 2) continue // a concurrent request for the same address: read it again
      throw error
    }
    const token = signLink(config.secret, {
      p: 'confirm',
      s: key,
      n: confirmNonce,
      x: Math.floor(now.getTime() / 1000) + CONFIRM_LINK_DAYS * 86_400,
    })
    try {
      await context.mailer.send(
        confirmationMessage({
          from: config.from,
          to: email,
          siteTitle: await context.siteTitle(),
          confirmUrl: confirmUrl(config.siteUrl, token),
        }),
      )
    } catch (error) {
      await client
        .patch(id)
        .unset(['confirmationSentAt'])
        .commit()
        .catch(() => undefined)
      throw error
    }
    return 'confirmation-sent'
  }
}

export type ConfirmOutcome = 'confirmed' | 'already-used' | 'unknown' | LinkProblem

/** Confirms the subscription a link names, once: the link's one-time value is cleared as it is used. */
export async function confirm(context: SubscriptionContext, token: string | null): Promise<ConfirmOutcome> {
  const { client, config } = context
  const now = context.now?.() ?? new Date()
  const link = readLink(config.secret, token, 'confirm', now.getTime())
  if (typeof link === 'string') return link
  const id = subscriberId(link.s)
  const subscriber = await readSubscriber(client, id)
  if (!subscriber) return 'unknown'
  if (subscriber.status !== 'pending' || subscriber.confirmNonce !== link.n) return 'already-used'
  try {
    await client
      .patch(id)
      .ifRevisionId(subscriber._rev)
      .set({ status: 'confirmed', confirmedAt: now.toISOString(), subscription: nonce() })
      .unset(['confirmNonce', 'unsubscribedAt'])
      .commit()
  } catch (error) {
    if (isConflict(error)) return 'already-used' // the same link, used twice at once
    throw error
  }
  return 'confirmed'
}

/** The unsubscribe link of a confirmed subscriber's current subscription. */
export function unsubscribeToken(config: NewsletterConfig, subscriber: Subscriber): string {
  return signLink(config.secret, {
    p: 'unsubscribe',
    s: subscriber._id.slice('subscriber.'.length),
    n: subscriber.subscription ?? '',
  })
}

export type UnsubscribeOutcome = 'unsubscribed' | 'not-subscribed' | LinkProblem

/**
 * Ends the subscription the link belongs to and erases the address. Using a link again, or a link from an earlier
 * subscription of the same address, changes nothing and says so (mail programs may repeat a one-click POST).
 */
export async function unsubscribe(context: SubscriptionContext, token: string | null): Promise<UnsubscribeOutcome> {
  const { client, config } = context
  const now = context.now?.() ?? new Date()
  const link = readLink(config.secret, token, 'unsubscribe', now.getTime())
  if (typeof link === 'string') return link
  const id = subscriberId(link.s)
  for (let attempt = 0; ; attempt++) {
    const subscriber = await readSubscriber(client, id)
    if (!subscriber || subscriber.status !== 'confirmed' || subscriber.subscription !== link.n) return 'not-subscribed'
    try {
      await client
        .patch(id)
        .ifRevisionId(subscriber._rev)
        .set({ status: 'unsubscribed', unsubscribedAt: now.toISOString() })
        .unset(['email', 'subscription', 'confirmNonce', 'confirmationSentAt', 'requestedAt'])
        .commit()
      return 'unsubscribed'
    } catch (error) {
      if (isConflict(error) && attempt < 2) continue
      throw error
    }
  }
}
