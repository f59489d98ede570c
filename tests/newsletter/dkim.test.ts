// DKIM: with a selector and a private key configured, every newsletter message leaves signed for the From domain, and
// a real verifier (mailauth, given the public key as the TXT record a DNS server would hold) accepts the signature.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { dkimVerify } from 'mailauth/lib/dkim/verify'
import { newsletterConfig } from '../../lib/newsletter/config.ts'
import { mailerFor } from '../../lib/newsletter/mailer.ts'
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts'

let smtp: SmtpSink
let dir: string
let keyFile: string
let publicKey: string

beforeAll(async () => {
  smtp = await startSmtpSink()
  dir = await mkdtemp(path.join(tmpdir(), 'parley-dkim-'))
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
  keyFile = path.join(dir, 'dkim.pem')
  await writeFile(keyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }))
  publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
})

afterAll(async () => {
  await smtp?.close()
  await rm(dir, { recursive: true, force: true })
})

const env = (extra: Record<string, string>) => ({
  NEWSLETTER_SECRET: 'dkim-test-secret',
  SITE_URL: 'https://blog.example.com',
  MAIL_FROM: 'Parley <newsletter@blog.example.com>',
  MAIL_DKIM_SELECTOR: 'parley2026',
  MAIL_DKIM_PRIVATE_KEY_FILE: keyFile,
  ...extra,
})

/** The DNS a receiving server would ask: the selector's TXT record on the signing domain, nothing else. */
const resolver = async (name: string, type: string) => {
  if (type === 'TXT' && name === 'parley2026._domainkey.blog.example.com') return [[`v=DKIM1; k=rsa; p=${publicKey}`]]
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' })
}

const verdict = async (raw: string) => {
  const { results } = await dkimVerify(raw, { resolver })
  return results.map((result) => [result.signingDomain, result.selector, result.status.result])
}

const message = {
  from: 'Parley <newsletter@blog.example.com>',
  to: 'reader@example.org',
  subject: 'Building the graph',
  text: 'A new interview is live.',
  html: '<p>A new interview is live.</p>',
}

test('over SMTP, each message carries a DKIM signature for the From domain that a verifier accepts', async () => {
  const config = newsletterConfig(env({ SMTP_URL: smtp.url }))
  await mailerFor(config).send(message)
  const [received] = await smtp.waitFor(1, 10_000, (mail) => mail.subject === message.subject)
  expect(await verdict(received!.raw)).toEqual([['blog.example.com', 'parley2026', 'pass']])
  // The check can fail: the same message with its body changed after signing does not pass.
  const altered = received!.raw.replace('A new interview is live.', 'A new interview is live!')
  expect(altered).not.toBe(received!.raw)
  expect((await verdict(altered))[0]?.[2]).not.toBe('pass') // mailauth: 'neutral', body hash did not verify
})

test('in the outbox (no SMTP_URL) the .eml files are signed too', async () => {
  const outbox = path.join(dir, 'outbox')
  const config = newsletterConfig(env({ MAIL_OUTBOX_DIR: outbox }))
  await mailerFor(config, () => {}).send({ ...message, subject: 'Outbox copy' })
  const [file] = await readdir(outbox)
  expect(await verdict(await readFile(path.join(outbox, file!), 'utf8'))).toEqual([
    ['blog.example.com', 'parley2026', 'pass'],
  ])
})

test('a half-configured or unreadable DKIM key is a clear error at start-up, not unsigned mail', () => {
  expect(() => newsletterConfig(env({ MAIL_DKIM_PRIVATE_KEY_FILE: '' }))).toThrow(
    'DKIM needs both MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY_FILE; MAIL_DKIM_PRIVATE_KEY_FILE is not set',
  )
  expect(() => newsletterConfig(env({ MAIL_DKIM_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') }))).toThrow(
    /MAIL_DKIM_PRIVATE_KEY_FILE .*missing\.pem cannot be read/,
  )
  expect(() => newsletterConfig(env({ MAIL_DKIM_PRIVATE_KEY_FILE: path.join(dir, 'outbox') }))).toThrow(
    /cannot be read/,
  )
  // Without either setting, mail is simply unsigned.
  expect(newsletterConfig(env({ MAIL_DKIM_SELECTOR: '', MAIL_DKIM_PRIVATE_KEY_FILE: '' })).dkim).toBeUndefined()
})
