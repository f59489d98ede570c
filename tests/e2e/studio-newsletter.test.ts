// In a real Chromium, the built Studio served by a real lake: the Newsletter tool shows a signed-in editor the subscriber
// counts and each interview's send log (sent, retrying with the server's answer, not sent and why), and no address.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createClient } from '@sanity/client'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { startLake, type Lake } from '../../lake/index.ts'
import { ensureStudioBuilt } from '../../scripts/studio-build.ts'

const WRITE_TOKEN = 'studio-newsletter-e2e-write-token'
let lake: Lake
let dataDir: string
let profileDir: string
let browser: BrowserContext

beforeAll(async () => {
  const studioDir = await ensureStudioBuilt()
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-studio-newsletter-lake-'))
  profileDir = await mkdtemp(path.join(tmpdir(), 'parley-studio-newsletter-profile-'))
  // As `npm start` makes them: the newsletter's dataset is private.
  lake = await startLake({
    port: 0,
    tlsPort: 0,
    dataDir,
    studioDir,
    durability: 'normal',
    writeToken: WRITE_TOKEN,
    datasets: ['production', { name: 'newsletter', aclMode: 'private' }],
  })
  const newsletter = createClient({
    projectId: 'parley',
    dataset: 'newsletter',
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token: WRITE_TOKEN,
  })
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

  const minted = await fetch(`${lake.url}/auth/session`, {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITE_TOKEN}` },
  })
  const { token } = (await minted.json()) as { token: string }
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
    ],
  })
  await browser.addInitScript(
    (value) => window.localStorage.setItem('__studio_auth_token_parley', JSON.stringify({ token: value })),
    token,
  )
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await lake?.close()
  for (const dir of [dataDir, profileDir]) if (dir) await rm(dir, { recursive: true, force: true })
})

test('a signed-in editor sees the counts and each interview’s send log in the Newsletter tool, and no address', async () => {
  const page = await browser.newPage()
  page.setDefaultTimeout(60_000)
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
  await page.close()
}, 120_000)
