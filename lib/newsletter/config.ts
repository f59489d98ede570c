// The newsletter's settings, read once from the environment: where subscribers live, how links are signed, how mail leaves.
import { readFileSync } from 'node:fs'
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
  /** Signs every message with DKIM (MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY_FILE); unset = unsigned. */
  dkim: DkimSettings | undefined
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

/** nodemailer's `dkim` transport option. */
export type DkimSettings = { domainName: string; keySelector: string; privateKey: string }

/**
 * DKIM signing from MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY_FILE (a PEM file), for the domain of MAIL_DKIM_DOMAIN
 * or else of the From address; publish the public key as a TXT record at `<selector>._domainkey.<domain>`.
 */
function dkimSettings(env: Record<string, string | undefined>, from: string): DkimSettings | undefined {
  const keySelector = env.MAIL_DKIM_SELECTOR
  const keyFile = env.MAIL_DKIM_PRIVATE_KEY_FILE
  if (!keySelector && !keyFile) return undefined
  if (!keySelector || !keyFile)
    throw new Error(
      `DKIM needs both MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY_FILE; ${keySelector ? 'MAIL_DKIM_PRIVATE_KEY_FILE' : 'MAIL_DKIM_SELECTOR'} is not set`,
    )
  const domainName = env.MAIL_DKIM_DOMAIN || /@([^@\s>]+)>?\s*$/.exec(from)?.[1]
  if (!domainName) throw new Error(`MAIL_DKIM_DOMAIN is not set and MAIL_FROM (${from}) has no domain to sign for`)
  let privateKey: string
  try {
    // A runtime file, not part of the build: the build's file tracing is told not to follow it.
    privateKey = readFileSync(/* turbopackIgnore: true */ keyFile, 'utf8')
  } catch (error) {
    throw new Error(`MAIL_DKIM_PRIVATE_KEY_FILE ${keyFile} cannot be read: ${(error as Error).message}`)
  }
  if (!privateKey.includes('PRIVATE KEY-----'))
    throw new Error(`MAIL_DKIM_PRIVATE_KEY_FILE ${keyFile} is not a PEM private key`)
  return { domainName, keySelector, privateKey }
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
  const from = env.MAIL_FROM || `Parley <newsletter@${new URL(site).hostname}>`
  return {
    secret,
    dataset: env.NEWSLETTER_DATASET || defaultNewsletterDataset,
    siteUrl: site,
    smtpUrl: env.SMTP_URL || undefined,
    from,
    dkim: dkimSettings(env, from),
    outboxDir: resolve(/* turbopackIgnore: true */ env.MAIL_OUTBOX_DIR || '.data/mail'),
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
