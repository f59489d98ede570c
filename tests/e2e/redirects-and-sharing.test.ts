// Redirects, sharing and printing through the production build in Chromium: an old address answers 308 or 307 before
// any 404, a redirect published later takes over a cached 404, share links and copy buttons work (and a reader without
// JavaScript sees no dead button), and a printed interview is the conversation alone.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { launchChromium } from './site-support/browser.ts'
import { startSiteUnderTest, type SiteUnderTest } from './site-support/site-under-test.ts'
import { sample } from '../site/support/sample-content.ts'

let site: SiteUnderTest
let chromium: Awaited<ReturnType<typeof launchChromium>>
const interviewPath = `/interviews/${sample.interviewSlug}`

beforeAll(async () => {
  site = await startSiteUnderTest()
  const editor = site.lake.editor
  await editor
    .transaction()
    .create({
      _id: 'redirect-medium',
      _type: 'redirect',
      from: '/@ada/building-the-graph-1a2b3c',
      to: interviewPath,
      kind: 'permanent',
    })
    .create({
      _id: 'redirect-campaign',
      _type: 'redirect',
      from: '/spring',
      to: `/topics/${sample.topicSlug}`,
      kind: 'temporary',
    })
    .create({
      _id: 'redirect-renamed',
      _type: 'redirect',
      from: '/interviews/graph-interview-old-slug',
      to: interviewPath,
      kind: 'permanent',
    })
    .create({
      _id: 'redirect-away',
      _type: 'redirect',
      from: '/talks/2021',
      to: 'https://example.com/talks',
      kind: 'permanent',
    })
    .commit()
  await site.lake.webhooks.idle()
  chromium = await launchChromium()
}, 400_000)

afterAll(async () => {
  await chromium?.close()
  await site?.stop()
})

const head = (path: string) => fetch(`${site.url}${path}`, { redirect: 'manual' })
/** Status and Location, the location relative to the site when it points here. */
const answer = async (path: string) => {
  const response = await head(path)
  return [response.status, response.headers.get('location')?.replace(site.url, '') ?? null]
}

test('old addresses answer 308 or 307 with one Location, before any page or 404; unknown ones are still 404', async () => {
  expect(await answer('/@ada/building-the-graph-1a2b3c')).toEqual([308, interviewPath])
  expect(await answer('/%40ada/building-the-graph-1a2b3c')).toEqual([308, interviewPath])
  expect(await answer('/spring')).toEqual([307, `/topics/${sample.topicSlug}`])
  expect(await answer('/interviews/graph-interview-old-slug')).toEqual([308, interviewPath])
  expect(await answer('/talks/2021')).toEqual([308, 'https://example.com/talks'])
  // One Location header, never the same one twice.
  expect((await head('/spring')).headers.get('location')).not.toContain(',')
  expect((await head('/no/such/page')).status).toBe(404)
  expect((await head('/interviews/no-such-interview')).status).toBe(404)

  const page = await chromium.browser.newPage()
  // With a trailing slash, Next's own 308 to the bare path comes first; the browser follows both.
  await page.goto(`${site.url}/@ada/building-the-graph-1a2b3c/`)
  expect(new URL(page.url()).pathname).toBe(interviewPath)
  await expect(page.locator('h1').textContent()).resolves.toContain('graph')
  await page.close()
})

test('a redirect published for an address that was a cached 404 takes over at once', async () => {
  expect((await head('/blog/2019/an-old-post')).status).toBe(404)
  expect((await head('/blog/2019/an-old-post')).status).toBe(404) // now cached
  await site.lake.editor.create({
    _id: 'redirect-late',
    _type: 'redirect',
    from: '/blog/2019/an-old-post',
    to: interviewPath,
    kind: 'permanent',
  })
  const started = Date.now()
  let status = 404
  while (status !== 308 && Date.now() - started < 10_000) {
    await new Promise((r) => setTimeout(r, 100))
    status = (await head('/blog/2019/an-old-post')).status
  }
  expect(status).toBe(308)
})

test('share links and the copy buttons: plain links without JavaScript, working copy buttons with it', async () => {
  const withoutScripts = await chromium.browser.newContext({ javaScriptEnabled: false })
  const plain = await withoutScripts.newPage()
  await plain.goto(`${site.url}${interviewPath}`)
  const share = plain.getByRole('navigation', { name: 'Share this interview' })
  const pageUrl = encodeURIComponent(`${site.url}${interviewPath}`)
  expect(await share.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toBe(
    `https://www.linkedin.com/sharing/share-offsite/?url=${pageUrl}`,
  )
  expect(await share.getByRole('link', { name: 'X' }).getAttribute('href')).toContain(
    `https://x.com/intent/post?url=${pageUrl}`,
  )
  expect(await share.getByRole('link', { name: 'Email' }).getAttribute('href')).toMatch(/^mailto:\?subject=.+&body=/)
  expect(await plain.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(false)
  expect(await plain.getByRole('button', { name: 'Copy code' }).isVisible()).toBe(false)
  await withoutScripts.close()

  const context = await chromium.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
  const page = await context.newPage()
  await page.goto(`${site.url}${interviewPath}`)
  await page.getByRole('button', { name: 'Copy code' }).click()
  await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('export const answer: number = 42')
  await expect(page.locator('[aria-live="polite"]', { hasText: 'Copied' }).first().textContent()).resolves.toBe(
    'Copied to the clipboard',
  )
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${site.url}${interviewPath}`)

  // Printed, the interview is its conversation: no masthead, sharing, subscribe form or related list.
  await page.emulateMedia({ media: 'print' })
  for (const chrome of ['.site-header', '.site-footer', '.share', '.newsletter', '.related', '.toc'])
    expect([
      chrome,
      await page
        .locator(chrome)
        .first()
        .isVisible()
        .catch(() => false),
    ]).toEqual([chrome, false])
  expect(await page.locator('.qa__question').first().isVisible()).toBe(true)
  await context.close()
})
