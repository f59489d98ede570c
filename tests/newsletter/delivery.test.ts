// Delivery guarantees with real processes around them: a real lake and its signed webhooks, two site instances each
// receiving every publish, the real scheduler, and a real SMTP server that goes down or refuses for a while.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { SanityClient } from '@sanity/client'
import { startNewsletterSender } from '../../lib/newsletter/sender.ts'
import { newsletterWebhook } from '../../lib/newsletter/published-webhook.ts'
import { addSchedule } from '../../lib/scheduling/commands.ts'
import { startScheduler } from '../../lib/scheduling/scheduler.ts'
import { startTestLake, writeToken, type TestLake } from '../site/support/test-lake.ts'
import { seedSampleContent } from '../site/support/sample-content.ts'
import { siteEnvironment, startNewsletterSite, type NewsletterSite } from './support/newsletter-site.ts'
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts'
import { draftInterview, publish } from './support/interviews.ts'
import { addConfirmedSubscribers } from './support/subscribers.ts'

const secret = 'delivery-test-webhook-secret'
const linkSecret = 'delivery-test-link-secret'
const emails = Array.from({ length: 40 }, (_, i) => `reader-${i}@example.com`)
let smtp: SmtpSink
let sites: NewsletterSite[]
let lake: TestLake
let editor: SanityClient
let newsletter: SanityClient

const env = (site: () => NewsletterSite) => () =>
  siteEnvironment({
    lakeUrl: lake.url,
    siteUrl: site().url,
    smtpUrl: smtp.url,
    webhookSecret: secret,
    linkSecret,
    extra: { NEWSLETTER_RETRY_BASE_MS: '400', NEWSLETTER_RETRY_MAX_MS: '1000' },
  })

beforeAll(async () => {
  smtp = await startSmtpSink()
  const a: NewsletterSite = await startNewsletterSite(env(() => a))
  const b: NewsletterSite = await startNewsletterSite(env(() => b))
  sites = [a, b]
  // Both instances receive every publish, as two instances behind a webhook that is delivered twice would.
  lake = await startTestLake({
    webhooks: sites.map((site, i) => ({ ...newsletterWebhook(site.url, secret), name: `site-${i}` })),
  })
  editor = lake.editor
  await editor.datasets.create('newsletter', { aclMode: 'private' }) // as `npm start` does for its lake
  await seedSampleContent(editor)
  newsletter = sites[0]!.service().subscriptions.client
  await addConfirmedSubscribers(newsletter, linkSecret, emails)
  await lake.webhooks.idle()
})

afterAll(async () => {
  await lake?.close()
  for (const site of sites ?? []) await site.close()
  await smtp?.close()
})

const settle = async () => {
  await lake.webhooks.idle()
  for (const site of sites) await site.idle()
}
const recipientsOf = (title: string) =>
  smtp.messages
    .filter((m) => m.subject === title)
    .map((m) => m.to)
    .sort()

test('two site instances that both receive the publish send each subscriber exactly one email', async () => {
  const interview = await draftInterview(editor, 'Granite')
  await publish(editor, interview.id)
  await smtp.waitFor(emails.length, 30_000, (m) => m.subject === interview.title)
  await settle()
  expect(recipientsOf(interview.title)).toEqual([...emails].sort())
  const log = await newsletter.fetch<{ status: string; attempts: number }[]>(
    '*[_type == "newsletterDelivery" && interviewId == $id]{status, attempts}',
    { id: interview.id },
  )
  expect(log).toHaveLength(emails.length)
  expect(log.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true)
  // Both instances handled the webhook: each answered with the issue it found or started.
  const deliveries = await fetch(`${lake.url}/webhooks/deliveries`, {
    headers: { authorization: `Bearer ${writeToken}` },
  })
  const attempts = (await deliveries.json()) as { deliveries: { documentId: string; status: string }[] }
  expect(attempts.deliveries.filter((d) => d.documentId === interview.id && d.status === 'delivered')).toHaveLength(2)
})

test('an interview that goes live in a Content Release is sent once, when the release is published', async () => {
  await editor.releases.create({ releaseId: 'autumn', metadata: { title: 'Autumn', releaseType: 'asap' } })
  const title = 'Slate notes, in the autumn release'
  await editor.action({
    actionType: 'sanity.action.document.version.create',
    publishedId: 'interview-slate',
    document: {
      _id: 'versions.autumn.interview-slate',
      _type: 'interview',
      title,
      slug: { _type: 'slug', current: 'slate-notes' },
      speaker: { _type: 'reference', _ref: 'person-ada' },
      qa: [{ _type: 'qaBlock', _key: 'q1', question: 'What ships?', answer: [] }],
    },
  })
  await settle()
  expect(recipientsOf(title)).toEqual([]) // a version in a release is not published
  await editor.releases.publish({ releaseId: 'autumn' })
  await smtp.waitFor(emails.length, 30_000, (m) => m.subject === title)
  await settle()
  expect(recipientsOf(title)).toEqual([...emails].sort())
})

test('an interview scheduled 15 s ahead is sent only after its time, once, by the real scheduler', async () => {
  const interview = await draftInterview(editor, 'Obsidian')
  const publishAt = new Date(Date.now() + 15_000)
  await addSchedule(editor, interview.id, publishAt.toISOString(), 'marketing@parley.test')
  const schedulers = [
    startScheduler({ client: editor, log: () => undefined }),
    startScheduler({ client: editor, log: () => undefined }),
  ]
  try {
    await new Promise((r) => setTimeout(r, 10_000))
    expect(recipientsOf(interview.title)).toEqual([]) // nothing before its time
    const received = await smtp.waitFor(emails.length, 30_000, (m) => m.subject === interview.title)
    expect(Math.min(...received.map((m) => m.acceptedAt))).toBeGreaterThanOrEqual(publishAt.getTime())
    await settle()
    await new Promise((r) => setTimeout(r, 500))
    expect(recipientsOf(interview.title)).toEqual([...emails].sort())
  } finally {
    for (const scheduler of schedulers) scheduler.stop()
  }
}, 60_000)

test('an SMTP server that is down, then refuses, delays the emails; they are delivered once it accepts, none twice', async () => {
  await smtp.stop()
  const senders = sites.map((site) =>
    startNewsletterSender(site.service().deliveries, { pollIntervalMs: 200, log: () => undefined }),
  )
  try {
    const interview = await draftInterview(editor, 'Marble')
    await publish(editor, interview.id)
    const retrying = async () =>
      newsletter.fetch<{ status: string; lastError?: string; log?: { outcome: string }[] }[]>(
        '*[_type == "newsletterDelivery" && interviewId == $id]{status, lastError, log}',
        { id: interview.id },
      )
    const everyOne = async (check: (d: { status: string; lastError?: string }) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const all = await retrying()
        if (all.length === emails.length && all.every(check)) return true
        await new Promise((r) => setTimeout(r, 100))
      }
      return false
    }
    // Every message was tried while the server was down, and is waiting to be tried again, the reason logged.
    expect(await everyOne((d) => d.status !== 'pending' && /ECONNREFUSED|connect/i.test(d.lastError ?? ''))).toBe(true)

    // Back, but answering 451 "try again later" to every message for a while.
    smtp.refuseWith(451)
    await smtp.start()
    expect(await everyOne((d) => /451/.test(d.lastError ?? ''))).toBe(true)
    expect(recipientsOf(interview.title)).toEqual([])

    smtp.refuseWith(null)
    await smtp.waitFor(emails.length, 30_000, (m) => m.subject === interview.title)
    await new Promise((r) => setTimeout(r, 1500))
    expect(recipientsOf(interview.title)).toEqual([...emails].sort())
    const done = await retrying()
    expect(done.every((d) => d.status === 'sent')).toBe(true)
    expect(done.filter((d) => !d.log!.some((entry) => entry.outcome === 'retry'))).toEqual([]) // the send log says so
  } finally {
    for (const sender of senders) sender.stop()
  }
}, 60_000)
