// Sends the newsletter's email with nodemailer: over SMTP to SMTP_URL (a small connection pool), or, with no SMTP_URL,
// into an outbox folder of .eml files that any mail program opens, with a line on the console naming each file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import type { DkimSettings, NewsletterConfig } from './config.ts'

export type SentMessage = { messageId: string; response: string }

export type Mailer = {
  /** Resolves once the server accepted the message (or it is in the outbox); rejects with the server's reason. */
  send(message: SendMailOptions): Promise<SentMessage>
  close(): void
}

/** Why a send failed, as nodemailer reports it: the SMTP command and reply code when the server answered. */
export type SendFailure = { message: string; permanent: boolean }

export function describeSendFailure(error: unknown): SendFailure {
  const { message, responseCode, command } = error as { message?: string; responseCode?: number; command?: string }
  // A 5xx reply to the envelope or the message is the server's final word on it; anything else (no connection, a
  // timeout, a 4xx, a 5xx while connecting or authenticating) may pass, so it is tried again later.
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && /^(MAIL|RCPT|DATA)/i.test(command ?? '')
  return { message: message || String(error), permanent }
}

function smtpMailer(smtpUrl: string, dkim: DkimSettings | undefined): Mailer {
  const transport = nodemailer.createTransport({
    ...parseConnectionUrl(smtpUrl),
    ...(dkim ? { dkim } : {}),
    pool: true,
    maxConnections: 5,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  return {
    async send(message) {
      const info = await transport.sendMail(message)
      return { messageId: info.messageId, response: info.response }
    },
    close: () => transport.close(),
  }
}

function outboxMailer(outboxDir: string, dkim: DkimSettings | undefined, log: (line: string) => void): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
    ...(dkim ? { dkim } : {}),
  })
  return {
    async send(message) {
      const info = await transport.sendMail(message)
      mkdirSync(outboxDir, { recursive: true })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^a-zA-Z0-9@.-]/g, '')}.eml`
      const file = join(outboxDir, name)
      writeFileSync(file, info.message as Buffer)
      log(`newsletter: no SMTP_URL, so "${String(message.subject)}" to ${String(message.to)} was written to ${file}`)
      return { messageId: info.messageId, response: `written to ${file}` }
    },
    close: () => undefined,
  }
}

let shared: { key: string; mailer: Mailer } | undefined

/** One mailer per process and configuration, so the SMTP pool's connections are reused across requests. */
export function mailerFor(config: NewsletterConfig, log: (line: string) => void = console.log): Mailer {
  const key = JSON.stringify([config.smtpUrl ?? `outbox:${config.outboxDir}`, config.dkim])
  if (shared?.key !== key) {
    shared?.mailer.close()
    const mailer = config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.dkim)
      : outboxMailer(config.outboxDir, config.dkim, log)
    shared = { key, mailer }
  }
  return shared.mailer
}
