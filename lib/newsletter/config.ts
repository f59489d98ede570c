// The newsletter's settings, read once from the environment: where subscribers live, how links are signed, how mail leaves.
import { resolve } from 'node:path'
import { defaultNewsletterDataset } from '../../schemas/newsletterRecords.ts'

export type RetryPolicy = {
  /** Attempts per message before it is marked failed (the send log keeps each error). */
  attempts: number
  /** Delay after the first failure; doubled after each further one, up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
}

export type NewsletterConfig = {
  /** Signs confirmation and unsubscribe links and keys subscriber ids (NEWSLETTER_SECRET). */
  secret: string
  /** The dataset that holds subscribers and the send log: never the public content dataset. */
  dataset: string
  /** The reader site's public origin: links in emails point there. */
  siteUrl: string
  /** `smtp://…` or `smtps://…`; unset = messages are written to `outboxDir` as .eml files. */
  smtpUrl: string | undefined
  from: string
  outboxDir: string
  retry: RetryPolicy
  /** How long a sender may hold a claimed message before another sender may take it over. */
  leaseMs: number
  /** Subscribe requests one client may make per `subscribeWindowSeconds`. */
  subscribeLimit: number
  subscribeWindowSeconds: number
  /** An interview dated more than this before it went live is an archive import: no email. */
  archiveAgeDays: number
}

const numberSetting = (value: string | undefined, fallback: number) => {
  const parsed = Number(value)
  return value && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback
}

/** The subscribe form's per-client limit: readable without the rest, so a site without a secret still answers 429s. */
export function subscribeLimits(env: Record<string, string | undefined> = process.env): {
  subscribeLimit: number
  subscribeWindowSeconds: number
} {
  return {
    subscribeLimit: numberSetting(env.NEWSLETTER_SUBSCRIBE_LIMIT, 5),
    subscribeWindowSeconds: numberSetting(env.NEWSLETTER_SUBSCRIBE_WINDOW_SECONDS, 600),
  }
}

export function newsletterConfig(env: Record<string, string | undefined> = process.env): NewsletterConfig {
  const secret = env.NEWSLETTER_SECRET
  if (!secret) throw new Error('NEWSLETTER_SECRET is not set; see .env.example')
  const site = (env.SITE_URL || env.NEXT_PUBLIC_SITE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '')
  return {
    secret,
    dataset: env.NEWSLETTER_DATASET || defaultNewsletterDataset,
    siteUrl: site,
    smtpUrl: env.SMTP_URL || undefined,
    from: env.MAIL_FROM || `Parley <newsletter@${new URL(site).hostname}>`,
    outboxDir: resolve(env.MAIL_OUTBOX_DIR || '.data/mail'),
    retry: {
      attempts: numberSetting(env.NEWSLETTER_RETRY_ATTEMPTS, 10),
      baseDelayMs: numberSetting(env.NEWSLETTER_RETRY_BASE_MS, 30_000),
      maxDelayMs: numberSetting(env.NEWSLETTER_RETRY_MAX_MS, 3_600_000),
    },
    leaseMs: numberSetting(env.NEWSLETTER_LEASE_MS, 300_000),
    ...subscribeLimits(env),
    archiveAgeDays: numberSetting(env.NEWSLETTER_ARCHIVE_AGE_DAYS, 7),
  }
}
