// The newsletter end to end without a Next build: a real lake sends its signed webhook on publish to the site's
// handlers, which mail a real SMTP server. Subscribe, confirm from the received link, one email per subscriber and
// interview, a working one-click unsubscribe, and the bad inputs: a wrong address, forged and replayed links, a flood.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { SanityClient } from '@sanity/client'
import { newsletterWebhook } from '../../lib/newsletter/published-webhook.ts'
import { startTestLake, type TestLake } from '../site/support/test-lake.ts'
import { seedSampleContent } from '../site/support/sample-content.ts'
import { siteEnvironment, startNewsletterSite, type NewsletterSite } from './support/newsletter-site.ts'
import { startSmtpSink, linkIn, type SmtpSink, type ReceivedMail } from './support/smtp-sink.ts'
import { draftInterview, publish } from './support/interviews.ts'

const secret = 'newsletter-test-webhook-secret'
let smtp: SmtpSink
let site: NewsletterSite
let lake: TestLake
let editor: SanityClient

beforeAll(async () => {
  smtp = await startSmtpSink()
  site = await startNewsletterSite(() =>
    siteEnvironment({
      lakeUrl: lake.url,
      siteUrl: site.url,
      smtpUrl: smtp.url,
      webhookSecret: secret,
      linkSecret: 'newsletter-test-link-secret',
      extra: { NEWSLETTER_SUBSCRIBE_LIMIT: '6' },
    }),
  )
  lake = await startTestLake({ webhooks: [newsletterWebhook(site.url, secret)] })
  editor = lake.editor
  await editor.datasets.create('newsletter', { aclMode: 'private' }) // as `npm start` does for its lake
  await seedSampleContent(editor)
  await lake.webhooks.idle()
  await site.idle()
})

afterAll(async () => {
  await lake?.close()
  await site?.close()
  await smtp?.close()
})

const form = (email: string, client = '198.51.100.1') =>
  fetch(`${site.url}/api/newsletter`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: new URLSearchParams({ email }),
  })

async function subscribeAndConfirm(email: string): Promise<void> {
  const before = smtp.messages.length
  expect((await form(email)).status).toBe(202)
  const [confirmation] = (await smtp.waitFor(before + 1)).slice(before)
  expect(confirmation!.to).toBe(email)
  const confirmed = await fetch(linkIn(confirmation!, `${site.url}/api/newsletter/confirm`))
  expect(confirmed.status).toBe(200)
  expect(await confirmed.text()).toContain('You are subscribed')
}

const to = (email: string) => (mail: ReceivedMail) => mail.to === email && !mail.subject.startsWith('Confirm')
const settle = async () => {
  await lake.webhooks.idle()
  await site.idle()
}

test('subscribe, confirm from the emailed link, and receive one email per published interview, with one-click unsubscribe', async () => {
  await subscribeAndConfirm('ada@example.com')
  await subscribeAndConfirm('grace@example.com')
  // An address that never confirms gets nothing but its confirmation.
  expect((await form('pending@example.com', '198.51.100.2')).status).toBe(202)

  const draft = await draftInterview(editor, 'Quartz')
  await settle()
  expect(smtp.messages.filter((m) => m.subject === draft.title)).toHaveLength(0) // a draft sends nothing

  await publish(editor, draft.id)
  const received = await smtp.waitFor(2, 20_000, (m) => m.subject === draft.title)
  await settle()
  expect(received.map((m) => m.to).sort()).toEqual(['ada@example.com', 'grace@example.com'])
  const [mail] = received.filter(to('ada@example.com'))
  expect(mail!.text).toContain('What the Quartz team learned.')
  expect(mail!.text).toContain(`${site.url}/interviews/${draft.slug}`)
  expect(mail!.html).toContain('Read the interview')
  const listUnsubscribe = String(
    mail!.headers.get('list-unsubscribe') ?? mail!.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line,
  )
  const unsubscribeUrl = /<(http[^>]+)>/.exec(mail!.raw)![1]!
  expect(listUnsubscribe).toContain('/api/newsletter/unsubscribe')
  expect(mail!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)

  // Editing the published interview, and publishing it again after an unpublish, send nothing more.
  await editor
    .patch(draft.id)
    .set({ title: `${draft.title} (edited)` })
    .commit()
  await editor.action({
    actionType: 'sanity.action.document.unpublish',
    draftId: `drafts.${draft.id}`,
    publishedId: draft.id,
  })
  await publish(editor, draft.id)
  await settle()
  expect(smtp.messages.filter((m) => m.subject.startsWith(draft.title))).toHaveLength(2)

  // RFC 8058 one-click: a POST of List-Unsubscribe=One-Click to the header's URL; the GET alone changes nothing.
  expect((await fetch(unsubscribeUrl)).status).toBe(200)
  const oneClick = await fetch(unsubscribeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  })
  expect(oneClick.status).toBe(200)
  expect(await oneClick.text()).toContain('You are unsubscribed')
  const again = await fetch(unsubscribeUrl, { method: 'POST', body: 'List-Unsubscribe=One-Click' })
  expect(await again.text()).toContain('You are not subscribed') // a replay changes nothing

  const next = await draftInterview(editor, 'Basalt')
  await publish(editor, next.id)
  const second = await smtp.waitFor(1, 20_000, (m) => m.subject === next.title)
  await settle()
  expect(second.map((m) => m.to)).toEqual(['grace@example.com'])
  expect(smtp.messages.filter(to('pending@example.com'))).toHaveLength(0)
})

test('subscribers and the send log are not readable without a token, and no address is kept after unsubscribing', async () => {
  const anonymous = await fetch(`${lake.url}/v2025-02-19/data/query/newsletter?query=${encodeURIComponent('*')}`)
  expect((await anonymous.json()).result).toEqual([])
  const listen = await fetch(
    `${lake.url}/v2025-02-19/data/doc/newsletter/${(await site.service().subscriptions.client.fetch<string[]>('*[_type == "newsletterSubscriber"]._id'))[0]}`,
  )
  expect((await listen.json()).documents).toEqual([])
  const stored = await site
    .service()
    .subscriptions.client.fetch<{ email?: string; status: string }[]>(
      '*[_type == "newsletterSubscriber"]{email, status}',
    )
  const unsubscribed = stored.filter((s) => s.status === 'unsubscribed')
  expect(unsubscribed.length).toBeGreaterThan(0)
  expect(unsubscribed.map((s) => s.email ?? null)).toEqual(unsubscribed.map(() => null))
  expect(
    JSON.stringify(await site.service().subscriptions.client.fetch('*[_type == "newsletterSubscriber"]._id')),
  ).not.toContain('@')
})

test('refuses an invalid address, a forged or replayed link, and a flood from one client', async () => {
  const invalid = await fetch(`${site.url}/api/newsletter`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ email: 'not-an-address' }),
  })
  expect(invalid.status).toBe(400)
  expect((await invalid.json()).error).toMatchObject({
    type: 'invalidEmail',
    description: expect.stringContaining('not-an-address'),
  })

  const before = smtp.messages.length
  expect((await form('lin@example.com', '198.51.100.3')).status).toBe(202)
  const [confirmation] = (await smtp.waitFor(before + 1)).slice(before)
  const link = linkIn(confirmation!, `${site.url}/api/newsletter/confirm`)
  const token = new URL(link).searchParams.get('token')!
  const [body, signature] = token.split('.')
  const altered = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), s: 'someone-else' }),
  ).toString('base64url')
  const forged = await fetch(`${site.url}/api/newsletter/confirm?token=${altered}.${signature}`, {
    headers: { accept: 'application/json' },
  })
  expect(forged.status).toBe(400)
  expect((await forged.json()).error.type).toBe('invalidLink')
  expect((await fetch(link)).status).toBe(200)
  const replayed = await fetch(link)
  expect(replayed.status).toBe(410)
  expect(await replayed.text()).toContain('already used')
  expect(
    (await fetch(`${site.url}/api/newsletter/unsubscribe?token=${altered}.${signature}`, { method: 'POST' })).status,
  ).toBe(400)
  // Opened from a damaged or forged link, the unsubscribe page says so instead of offering its button.
  for (const badToken of [`${altered}.${signature}`, 'garbage']) {
    const page = await fetch(`${site.url}/api/newsletter/unsubscribe?token=${badToken}`)
    expect([badToken, page.status]).toEqual([badToken, 400])
    expect(await page.text()).toContain('This link does not work')
  }

  // The same address asking again within ten minutes gets no second email.
  const count = smtp.messages.length
  expect((await form('lin-pending@example.com', '198.51.100.3')).status).toBe(202)
  expect((await form('lin-pending@example.com', '198.51.100.3')).status).toBe(202)
  await smtp.waitFor(count + 1)
  await new Promise((r) => setTimeout(r, 300))
  expect(smtp.messages.filter((m) => m.to === 'lin-pending@example.com')).toHaveLength(1)

  // One client may ask six times in ten minutes; the seventh is a 429 that says when to try again, and sends nothing.
  const flood = []
  for (let i = 0; i < 7; i++) flood.push(await form(`flood-${i}@example.com`, '203.0.113.9'))
  expect(flood.slice(0, 6).map((r) => r.status)).toEqual([202, 202, 202, 202, 202, 202])
  expect(flood[6]!.status).toBe(429)
  expect(Number(flood[6]!.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(await flood[6]!.text()).toContain('Too many subscribe requests')
  expect((await form('other-client@example.com', '203.0.113.10')).status).toBe(202)
  await new Promise((r) => setTimeout(r, 300))
  expect(smtp.messages.filter((m) => m.to === 'flood-6@example.com')).toHaveLength(0)
})
