// The reader site end to end: a production build served by `next start`, reading a real lake that sends the signed
// revalidation webhook, driven over HTTP and in real Chromium.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { AxeBuilder } from '@axe-core/playwright'
import { encodeSignatureHeader } from '@sanity/webhook'
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret'
import { distDir, secrets, startSiteUnderTest, type SiteUnderTest } from './site-support/site-under-test.ts'
import { launchChromium } from './site-support/browser.ts'
import { sample } from '../site/support/sample-content.ts'
import { rawResponse } from '../site/support/raw-response.ts'
import { writeToken } from '../site/support/test-lake.ts'

let site: SiteUnderTest
let chromium: Awaited<ReturnType<typeof launchChromium>>

beforeAll(async () => {
  site = await startSiteUnderTest()
  chromium = await launchChromium()
}, 400_000)

afterAll(async () => {
  await chromium?.close()
  await site?.stop()
})

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${site.url}${path}`, { headers, redirect: 'manual' })
const text = async (path: string, headers: Record<string, string> = {}) => (await get(path, headers)).text()

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`)
}

const readerPaths = [
  '/',
  '/interviews',
  '/speakers',
  '/topics',
  '/series',
  `/interviews/${sample.interviewSlug}`,
  `/interviews/${sample.secondSlug}`,
  `/speakers/${sample.speakerSlug}`,
  `/topics/${sample.topicSlug}`,
  `/series/${sample.seriesSlug}`,
  '/search?q=graph',
]

test('every reader route answers 200, and an unknown address is a helpful 404', async () => {
  for (const path of [...readerPaths, '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/robots.txt']) {
    expect([path, (await get(path)).status]).toEqual([path, 200])
  }
  for (const path of [
    '/no-such-page',
    '/interviews/no-such-interview',
    '/speakers/nobody',
    '/topics/nothing',
    '/series/none',
  ]) {
    const missing = await get(path)
    expect([path, missing.status]).toEqual([path, 404])
    const html = await missing.text()
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    // The server HTML itself carries the 404 page, for readers without JavaScript and for crawlers (an unknown slug
    // of a dynamic route included: see app/_components/not-found-answer.tsx); a second fetch comes from the cache.
    expect([path, html.includes('<h1 class="page-title">This page isn’t here</h1>')]).toEqual([path, true])
    expect([path, (await text(path)).includes('<h1 class="page-title">This page isn’t here</h1>')]).toEqual([
      path,
      true,
    ])
  }
  // And in the browser, after the JavaScript has run, it is still the 404 page with its search and the directories.
  const page = await chromium.browser.newPage()
  await page.goto(`${site.url}/interviews/no-such-interview`)
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This page isn’t here')
  expect(await page.getByRole('search', { name: 'Interviews' }).count()).toBe(1)
  await expect(page.getByRole('link', { name: 'all interviews' }).getAttribute('href')).resolves.toBe('/interviews')
  await page.close()
})

const getRaw = (path: string, acceptEncoding: string) => rawResponse(`${site.url}${path}`, acceptEncoding)

test('pages, feeds and scripts go out compressed by Next itself (gzip) when the browser accepts it', async () => {
  const path = `/interviews/${sample.interviewSlug}`
  const plain = Buffer.from(await text(path, { 'accept-encoding': 'identity' }))
  for (const asset of [path, '/feed.xml', '/sitemap.xml']) {
    const browser = await getRaw(asset, 'gzip, deflate, br, zstd')
    expect([asset, browser.headers['content-encoding'], browser.headers.vary?.includes('Accept-Encoding')]).toEqual([
      asset,
      'gzip',
      true,
    ])
    const identity = asset === path ? plain.toString() : await text(asset, { 'accept-encoding': 'identity' })
    expect([asset, gunzipSync(browser.body).toString() === identity]).toEqual([asset, true])
  }
  const script = /<script src="(\/_next\/static\/chunks\/[^"?]+\.js)/.exec(plain.toString())![1]!
  const response = await getRaw(script, 'gzip, deflate, br')
  expect(response.headers['content-encoding']).toBe('gzip')
  // Brotli, and compressing each cached page once, are the caching proxy's (deploy/nginx, tests/e2e/topology.test.ts).
  expect((await getRaw(path, 'br')).headers['content-encoding']).toBeUndefined()
})

test('an address with a broken percent-escape or an escaped control character is a 400 that says so, from proxy.ts (Next.js alone answers a bare 500)', async () => {
  for (const path of [
    '/interviews/%E0%A4%A',
    '/speakers/%E0',
    '/topics/%zz',
    '/%',
    '/topics/%00',
    '/interviews/a%0Ab',
    '/series/%7F',
  ]) {
    const response = await get(path)
    expect([path, response.status, response.headers.get('cache-control')]).toEqual([path, 400, 'no-store'])
    const html = await response.text()
    expect(html).toContain('<h1>This address can’t be read</h1>')
    expect(html).toContain('<meta name="robots" content="noindex">')
  }
  const head = await fetch(`${site.url}/interviews/%E0`, { method: 'HEAD' })
  expect([head.status, await head.text()]).toEqual([400, ''])
  // Well-formed escapes go on to the pages.
  expect((await get('/interviews/caf%C3%A9')).status).toBe(404)
  // A bad escape in the query alone is read as it is by the page.
  expect((await get('/search?q=%E0%A4%A')).status).toBe(200)
})

test('a published edit appears on its page, the index and the feed within 3 s, with no restart', async () => {
  const title = `Building the graph, edited ${Date.now()}`
  await site.lake.editor.patch('interview-graph').set({ title }).commit()
  const elapsed = await waitUntil(
    'the edit going live',
    async () => {
      const [page, index, feed] = await Promise.all([
        text(`/interviews/${sample.interviewSlug}`),
        text('/'),
        text('/feed.xml'),
      ])
      return page.includes(title) && index.includes(title) && feed.includes(title)
    },
    3000,
  )
  console.log(`publish-to-live: ${elapsed} ms`)
})

/** A page as a reader's browser gets it: the HTML, or with `RSC: 1` the RSC payload of a client-side navigation. */
async function anonymousBody(path: string, rsc: boolean): Promise<string> {
  // Next answers `RSC: 1` with a redirect to a cache-busting `_rsc` URL; follow it to the payload itself.
  const response = await fetch(`${site.url}${path}`, { headers: rsc ? { RSC: '1' } : {} })
  const isPage = !/\.(xml|json)$/.test(path)
  if (rsc && isPage) expect([path, response.headers.get('content-type')]).toEqual([path, 'text/x-component'])
  return response.text()
}

test('a draft never appears in any anonymous response: pages, RSC payloads, feeds, sitemap, search', async () => {
  const paths = [
    ...readerPaths,
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    `/interviews/${sample.draftOnlySlug}`,
  ]
  for (const path of paths) {
    for (const rsc of [false, true]) {
      const body = await anonymousBody(path, rsc)
      expect([path, rsc, body.length > 500, body.includes(sample.draftTitleMarker)]).toEqual([path, rsc, true, false])
    }
  }
  // The published version of the interview that has a newer draft is what both forms carry.
  expect(await anonymousBody(`/interviews/${sample.secondSlug}`, true)).toContain('How do you sleep?')
  // Search echoes the reader's words, so here the proof is that words only drafts contain find nothing.
  for (const words of ['unpublished draft marker', 'secret', 'hidden']) {
    for (const rsc of [false, true]) {
      const body = await anonymousBody(`/search?q=${encodeURIComponent(words)}`, rsc)
      expect([words, rsc, body.includes('No interviews match'), body.includes(sample.draftOnlySlug)]).toEqual([
        words,
        rsc,
        true,
        false,
      ])
    }
  }
  expect((await get(`/interviews/${sample.draftOnlySlug}`)).status).toBe(404)
  expect(await text('/sitemap.xml')).not.toContain(sample.draftOnlySlug)
})

test('no secret or token value appears in the browser assets of the build', () => {
  const values = [
    secrets.SANITY_REVALIDATE_SECRET,
    secrets.SANITY_PREVIEW_SECRET,
    secrets.SANITY_API_READ_TOKEN,
    writeToken,
  ]
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files.push(path)
    }
  }
  walk(join(distDir, 'static'))
  expect(files.length).toBeGreaterThan(5)
  const leaks = files.flatMap((file) => {
    const content = readFileSync(file, 'latin1')
    return values.filter((value) => content.includes(value)).map((value) => `${file}: ${value}`)
  })
  expect(leaks).toEqual([])
})

test('the feeds parse as RSS 2.0, Atom and JSON Feed with every published interview, each whole', async () => {
  const paths = [`/interviews/${sample.interviewSlug}`, `/interviews/${sample.secondSlug}`]
  const rss = parseRssFeed(await text('/feed.xml'))
  expect((rss.items ?? []).map((item) => new URL(item.link ?? '').pathname)).toEqual(paths)
  expect(rss.items?.[0]?.content?.encoded).toContain('<h3>What we measured</h3>')

  const atom = parseAtomFeed(await text('/atom.xml'))
  expect((atom.entries ?? []).map((entry) => new URL(entry.links?.[0]?.href ?? '').pathname)).toEqual(paths)

  // Parsed here rather than by Response.json(), whose objects come from another realm than the test's.
  const json = parseJsonFeed(JSON.parse(await text('/feed.json')))
  expect((json.items ?? []).map((item) => new URL(item.url ?? '').pathname)).toEqual(paths)
  expect(json.items?.[0]).toMatchObject({
    url: `${site.url}/interviews/${sample.interviewSlug}`,
    content_html: expect.stringContaining('<h2>Why rebuild the graph?</h2>'),
  })
})

test('an interview page carries its canonical URL, Open Graph and Twitter cards, a social image and Article JSON-LD', async () => {
  const html = await text(`/interviews/${sample.interviewSlug}`)
  expect(html).toContain(`<link rel="canonical" href="${site.url}/interviews/${sample.interviewSlug}"/>`)
  // The images' origin (here the lake) is preconnected while the HTML streams.
  expect(html).toContain(`<link rel="preconnect" href="${site.lake.url}"/>`)
  expect(html).toMatch(/<meta property="og:type" content="article"\/>/)
  expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"\/>/)
  const ogImage = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1]
  expect(ogImage).toBeDefined()
  const image = await fetch(ogImage!.replace(/&amp;/g, '&'))
  expect(image.headers.get('content-type')).toBe('image/png')
  expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(10_000)
  const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!)
  expect(jsonLd).toMatchObject({
    '@type': 'Article',
    about: { '@type': 'Person', name: 'Ada Okafor', jobTitle: 'Staff Engineer' },
  })
})

test('search ranks matching interviews and says when nothing matches', async () => {
  expect(await text('/search?q=runbooks')).toContain(`/interviews/${sample.secondSlug}`)
  expect(await text('/search?q=zzzzqqq')).toContain('No interviews match')
})

test('axe finds no accessibility violations on any reader route, in light and dark mode', async () => {
  const everyRoute = [...readerPaths, '/search?q=zzzzqqq', '/interviews/no-such-interview']
  // Dark mode changes only colours, so its contrast is checked on the two templates that carry every component.
  for (const [colorScheme, paths] of [
    ['light', everyRoute],
    ['dark', ['/', `/interviews/${sample.interviewSlug}`]],
  ] as const) {
    const context = await chromium.browser.newContext({ colorScheme })
    const page = await context.newPage()
    for (const path of paths) {
      await page.goto(`${site.url}${path}`)
      const results = await new AxeBuilder({ page }).analyze()
      expect([
        colorScheme,
        path,
        results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
      ]).toEqual([colorScheme, path, []])
    }
    await context.close()
  }
}, 180_000)

test('draft mode: the preview secret turns it on with a banner and drafts', async () => {
  // Which JavaScript each side loads (visual editing for editors only) is tests/e2e/presentation.test.ts's.
  const context = await chromium.browser.newContext()
  const page = await context.newPage()
  await page.goto(`${site.url}/interviews/${sample.secondSlug}`)
  expect(await page.locator('.draft-banner').count()).toBe(0)

  expect((await page.goto(`${site.url}/api/draft-mode/enable?secret=wrong&redirect=/`))?.status()).toBe(401)
  await page.goto(
    `${site.url}/api/draft-mode/enable?secret=${secrets.SANITY_PREVIEW_SECRET}&redirect=/interviews/${sample.secondSlug}`,
  )
  expect(new URL(page.url()).pathname).toBe(`/interviews/${sample.secondSlug}`)
  await expect(page.getByRole('status').textContent()).resolves.toContain('Draft mode.')
  await expect(page.locator('h1').textContent()).resolves.toContain(sample.draftTitleMarker)
  await page.goto(`${site.url}/interviews/${sample.draftOnlySlug}`)
  await expect(page.locator('h1').textContent()).resolves.toContain(sample.draftTitleMarker)

  await page.goto(`${site.url}/api/draft-mode/disable`)
  await page.goto(`${site.url}/interviews/${sample.secondSlug}`)
  expect(await page.locator('.draft-banner').count()).toBe(0)
  expect(await page.content()).not.toContain(sample.draftTitleMarker)
  await context.close()
})

test('draft mode: a Studio preview secret turns it on in the browser; unknown secrets and tokens are refused with no cookie', async () => {
  const { secret } = await createPreviewSecret(
    site.lake.editor,
    'parley-open-preview',
    'https://localhost:3334/studio',
    'e2e-editor',
  )
  const context = await chromium.browser.newContext()
  const page = await context.newPage()
  await page.goto(
    `${site.url}/api/draft-mode/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=/interviews/${sample.secondSlug}`,
  )
  expect(new URL(page.url()).pathname).toBe(`/interviews/${sample.secondSlug}`)
  await expect(page.getByRole('status').textContent()).resolves.toContain('Draft mode.')
  await expect(page.locator('h1').textContent()).resolves.toContain(sample.draftTitleMarker)
  await context.close()

  for (const query of [
    'sanity-preview-secret=not-a-secret&sanity-preview-pathname=/',
    `sanity-preview-secret=${secret}x&sanity-preview-pathname=/`,
    `token=${writeToken}&redirect=/`,
  ]) {
    const refused = await get(`/api/draft-mode/enable?${query}`)
    expect([query, refused.status, refused.headers.get('set-cookie') ?? '']).toEqual([query, 401, ''])
  }
  const accepted = await get(
    `/api/draft-mode/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=//evil.example/x`,
  )
  expect([accepted.status, new URL(accepted.headers.get('location')!, site.url).toString()]).toEqual([
    307,
    `${site.url}/x`,
  ])
  expect(accepted.headers.get('set-cookie')).toContain('__prerender_bypass')
})

test('draft mode only redirects within the site', async () => {
  const offSite = await get(`/api/draft-mode/enable?secret=${secrets.SANITY_PREVIEW_SECRET}&redirect=//evil.example/x`)
  expect(offSite.status).toBe(307)
  expect(new URL(offSite.headers.get('location')!, site.url).toString()).toBe(`${site.url}/`)
})

test('the revalidation route refuses an unsigned or wrongly signed webhook and leaves pages as they were', async () => {
  const body = JSON.stringify({ _type: 'interview', slug: sample.interviewSlug })
  const post = (signature?: string) =>
    fetch(`${site.url}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'sanity-webhook-signature': signature } : {}) },
      body,
    })
  expect((await post()).status).toBe(401)
  expect((await post(await encodeSignatureHeader(body, Date.now(), 'not-the-secret'))).status).toBe(401)
  const signed = await post(await encodeSignatureHeader(body, Date.now(), secrets.SANITY_REVALIDATE_SECRET))
  expect(await signed.json()).toMatchObject({ revalidated: [`interview:${sample.interviewSlug}`, 'interviews'] })
})

test('/studio sends editors to the Studio the lake serves, with the path and query as they were sent', async () => {
  for (const path of [
    'structure/interview',
    'intent/edit/id=abc;type=interview',
    'structure/a;b,inspect=x?perspective=published',
  ]) {
    const response = await get(`/studio/${path}`)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`${site.lake.studioUrl}${path}`)
  }
})

/** A browser context signed in to the Studio with the write token, as the README's automation sign-in does. */
async function studioPage() {
  const context = await chromium.browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1440, height: 1000 },
  })
  const studioOrigin = new URL(site.lake.studioUrl!).origin
  await context.addInitScript(
    ([origin, token]) => {
      if (location.origin === origin) localStorage.setItem('__studio_auth_token_parley', JSON.stringify({ token }))
    },
    [studioOrigin, writeToken] as const,
  )
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  return { context, page }
}

const sampleInterview = () =>
  site.lake.editor.fetch<{ _id: string; title: string }>(
    '*[_type == "interview" && slug.current == $slug && !(_id in path("drafts.**"))][0]{_id, title}',
    { slug: sample.interviewSlug },
  )

test('Studio links through the site open what they name: an intent link, a deep structure path with ; and , and ?perspective=', async () => {
  const interview = await sampleInterview()
  const { context, page } = await studioPage()
  const title = page.locator('[data-testid="field-title"] input')
  try {
    // An intent link, as the Studio and the site write them.
    await page.goto(`${site.url}/studio/intent/edit/id=${interview._id};type=interview`)
    await title.waitFor()
    expect(await title.inputValue()).toBe(interview.title)

    // A pane chain (`;`) ending in a document with a pane option (`,inspect=`): the History inspector opens beside it.
    const deep = `structure/interviews;published;${interview._id},inspect=sanity%2Fstructure%2Fhistory`
    await page.goto(`${site.url}/studio/${deep}?perspective=published`)
    await title.waitFor()
    expect(page.url()).toBe(`${site.lake.studioUrl}${deep}?perspective=published`)
    expect(await title.inputValue()).toBe(interview.title)
    await page.getByText('History').first().waitFor()
  } finally {
    await context.close()
  }
}, 180_000)

// Sanity 6.16's two hard-coded calls out (a version check, a feedback probe) are refused by the browser before they are
// sent, by the lake's content security policy for the Studio; @sanity/sdk's users/me and telemetry consent calls go to the
// project host name, parley.localhost, which browsers resolve to this machine: the lake answers them there.
test('the Studio opened through the site, with a document, loads scripts, styles and fonts only from the lake, and sends no request to any other host', async () => {
  const interview = await sampleInterview()
  const { context, page } = await studioPage()
  const studioHost = new URL(site.lake.studioUrl!)
  const projectHost = `parley.localhost:${studioHost.port}`
  const ownHosts = new Set([new URL(site.url).host, new URL(site.lake.url).host, studioHost.host, projectHost])
  const elsewhere: { url: string; type: string }[] = []
  const failedAtHome: string[] = []
  context.on('request', (request) => {
    if (!ownHosts.has(new URL(request.url()).host)) elsewhere.push({ url: request.url(), type: request.resourceType() })
  })
  context.on('requestfailed', (request) => {
    if (new URL(request.url()).host === projectHost)
      failedAtHome.push(`${request.url()} ${request.failure()?.errorText}`)
  })
  try {
    await page.goto(`${site.url}/studio/intent/edit/id=${interview._id};type=interview`)
    await page.locator('[data-testid="field-title"] input').waitFor()
    await page.waitForTimeout(5_000) // the Studio's checks run shortly after it starts
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family)
    })
    expect(fonts).toContain('Inter')
    expect(elsewhere.map(({ type, url }) => `${type} ${url}`)).toEqual([])
    expect(failedAtHome).toEqual([])
  } finally {
    await context.close()
  }
}, 180_000)
