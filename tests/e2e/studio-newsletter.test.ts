// In a real Chromium, the built Studio served by a real lake: the Newsletter tool shows a signed-in editor the subscriber
// counts and each interview's send log (sent, retrying with the server's answer, not sent and why), and no address.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { openStudioSession, type StudioSession } from './studio-session.ts'

let session: StudioSession

beforeAll(async () => {
  // As `npm start` makes them: the newsletter's dataset is private.
  session = await openStudioSession('studio-newsletter', {
    datasets: ['production', { name: 'newsletter', aclMode: 'private' }],
  })
  const newsletter = session.editor.withConfig({ dataset: 'newsletter' })
  const now = new Date().toISOString()
  const subscriber = (key: string, status: string, email?: string) => ({
    _id: `subscriber.${key}`,
    _type: 'newsletterSubscriber',
    status,
    ...(email ? { email } : {}),
    ...(status === 'confirmed' ? { confirmedAt: now, subscription: `s-${key}` } : {}),
  })
  const delivery = (interviewId: string, key: string, status: string, extra: object = {}) => ({
    _id: `delivery.${interviewId}.${key}`,
    _type: 'newsletterDelivery',
    interviewId,
    subscriber: key,
    status,
    attempts: 1,
    nextAttemptAt: now,
    ...extra,
  })
  await newsletter
    .transaction()
    .create(subscriber('a1', 'confirmed', 'ada@example.com'))
    .create(subscriber('b2', 'confirmed', 'grace@example.com'))
    .create(subscriber('c3', 'pending', 'lin@example.com'))
    .create(subscriber('d4', 'unsubscribed'))
    .create({
      _id: 'issue.interview-live',
      _type: 'newsletterIssue',
      interviewId: 'interview-live',
      title: 'What the storage team learned this year',
      slug: 'storage-year',
      wentLiveAt: now,
      status: 'sending',
      recipients: 2,
    })
    .create(delivery('interview-live', 'a1', 'sent', { sentAt: now }))
    .create(delivery('interview-live', 'b2', 'retry', { lastError: 'attempt 1 failed: 451 Try again later' }))
    .create({
      _id: 'issue.interview-archive',
      _type: 'newsletterIssue',
      interviewId: 'interview-archive',
      title: 'An interview from the archive',
      slug: 'from-the-archive',
      wentLiveAt: now,
      status: 'skipped',
      reason: 'dated 2021-03-05, more than 7 days before it went live: an archive import, not news',
    })
    .commit()
}, 600_000)

afterAll(async () => {
  await session?.close()
})

test('a signed-in editor sees the counts and each interview’s send log in the Newsletter tool, and no address', async () => {
  const { page, lake } = session
  const newsletterRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/data/query/newsletter')) newsletterRequests.push(decodeURIComponent(request.url()))
  })
  await page.goto(`${lake.tlsUrl}/studio/newsletter`)
  await page.getByRole('heading', { name: 'Newsletter' }).waitFor()
  await page.locator('[data-count="Confirmed subscribers"]').waitFor()
  expect(await page.locator('[data-count="Confirmed subscribers"]').textContent()).toBe('2')
  expect(await page.locator('[data-count="Waiting for confirmation"]').textContent()).toBe('1')
  expect(await page.locator('[data-count="Unsubscribed"]').textContent()).toBe('1')

  const live = page.locator('[data-issue="interview-live"]')
  await expect(live.textContent()).resolves.toContain('What the storage team learned this year')
  const text = (await live.textContent()) ?? ''
  expect(text).toContain('1 sent')
  expect(text).toContain('1 waiting or retrying')
  expect(text).toContain('451 Try again later')
  await expect(page.locator('[data-issue="interview-archive"]').textContent()).resolves.toContain(
    'Not sent: dated 2021-03-05',
  )

  // Nothing on the page, and nothing it asked the lake for, carries an address.
  expect(await page.locator('body').textContent()).not.toMatch(/@example\.com/)
  expect(newsletterRequests.length).toBeGreaterThan(0)
  expect(newsletterRequests.join('\n')).not.toMatch(/\bemail\b/)
}, 120_000)
