// The production topology end to end, against the real processes: nginx from deploy/nginx caching in front of two
// `next start` instances of one build that share their ISR cache in Redis, reading a real lake (behind a stand-in for
// the API CDN) that sends its signed webhook through the proxy. The last tests take parts down, one at a time.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { createClient, type SanityClient } from '@sanity/client'
import { encodeSignatureHeader } from '@sanity/webhook'
import { createClient as createRedisClient } from '@redis/client'
import { retryAfterSeconds } from '../../lib/outage/content-api-unavailable.ts'
import { sample } from '../site/support/sample-content.ts'
import { rawResponse } from '../site/support/raw-response.ts'
import { secrets } from './site-support/site-under-test.ts'
import { cdnStaleMs, startTopologyUnderTest, type TopologyUnderTest } from './topology-support/topology-under-test.ts'

let topology: TopologyUnderTest
/** An editor whose writes pass through the API CDN stand-in, so it knows when to start answering stale. */
let editor: SanityClient

beforeAll(async () => {
  topology = await startTopologyUnderTest({ instances: 2 })
  editor = topology.lake.editor.withConfig({ apiHost: topology.cdn.url })
}, 400_000)

afterAll(async () => {
  await topology?.close()
})

const interviewPath = `/interviews/${sample.interviewSlug}`
const secondPath = `/interviews/${sample.secondSlug}`
const get = (base: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers, redirect: 'manual' })
const text = async (base: string, path: string) => (await get(base, path)).text()
const everyServer = () => [topology.url, ...topology.instances.map((instance) => instance.url)]

/** Polls until `check` holds; returns the milliseconds it took, or fails saying what did not happen. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`)
}

test('each instance names itself in x-parley-instance, and the proxy keeps the page it got from one of them', async () => {
  for (const instance of topology.instances) {
    const response = await get(instance.url, interviewPath)
    expect([instance.name, response.status, response.headers.get('x-parley-instance')]).toEqual([
      instance.name,
      200,
      instance.name,
    ])
  }
  await waitUntil(
    'the proxy answering from its cache',
    async () => (await get(topology.url, interviewPath)).headers.get('x-cache-status') === 'HIT',
    5000,
  )
  const cached = await get(topology.url, interviewPath)
  expect(topology.instances.map((instance) => instance.name)).toContain(cached.headers.get('x-parley-instance'))
  expect(await cached.text()).toContain('Building the graph')

  // Next sends its metadata routes as `max-age=0, must-revalidate`; the proxy keeps them like the pages.
  for (const path of ['/sitemap.xml', '/robots.txt']) {
    await waitUntil(
      `the proxy answering ${path} from its cache`,
      async () => (await get(topology.url, path)).headers.get('x-cache-status') === 'HIT',
      5000,
    )
  }
})

test('the proxy compresses each page once per encoding (brotli, gzip), keeps a plain copy, and never serves HTML for an RSC request or back', async () => {
  const plain = Buffer.from(await text(topology.url, interviewPath))
  for (const [acceptEncoding, encoding, decode] of [
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    // The plain copy is sent from the cache file with sendfile, whole and with its length.
    ['identity', undefined, (body: Buffer) => body],
  ] as const) {
    // The second answer comes from the copy the proxy keeps for that encoding.
    for (let round = 0; round < 2; round++) {
      const response = await rawResponse(`${topology.url}${interviewPath}`, acceptEncoding)
      expect([acceptEncoding, response.status, response.headers['content-encoding']]).toEqual([
        acceptEncoding,
        200,
        encoding,
      ])
      expect(decode(response.body).equals(plain)).toBe(true)
      if (!encoding) expect(response.headers['content-length']).toBe(String(plain.length))
    }
  }

  // A client navigation asks with `RSC: 1`; Next sends it to the `_rsc` address that keys its payload.
  const redirect = await get(topology.url, secondPath, { RSC: '1' })
  expect(redirect.status).toBe(307)
  const rscPath = redirect.headers.get('location')!
  expect(rscPath).toContain('_rsc')
  for (let round = 0; round < 3; round++) {
    const [payload, html] = await Promise.all([get(topology.url, rscPath, { RSC: '1' }), get(topology.url, rscPath)])
    expect([round, payload.headers.get('content-type'), html.headers.get('content-type')]).toEqual([
      round,
      'text/x-component',
      'text/html; charset=utf-8',
    ])
    expect((await html.text()).startsWith('<!DOCTYPE html>')).toBe(true)
    expect((await payload.text()).startsWith('<!DOCTYPE html>')).toBe(false)
  }
})

test('an unreadable address is the site’s 400 page through the proxy, whether nginx or the instance refuses it', async () => {
  for (const path of ['/interviews/%E0%A4%A', '/speakers/%E0', '/topics/%zz', '/topics/%00']) {
    const response = await get(topology.url, path)
    expect([path, response.status, response.headers.get('cache-control')]).toEqual([path, 400, 'no-store'])
    expect(await response.text()).toContain('<h1>This address can’t be read</h1>')
  }
  expect((await get(topology.url, '/search?q=%E0%A4%A')).status).toBe(200)
})

// How fast is bench:site-publish's to measure; here a loaded machine only needs to show it happens, long before the hour
// the pages are kept for.
test('a publish reaches every instance and the proxy, not an hour later', async () => {
  for (const base of everyServer()) expect(await text(base, interviewPath)).toContain('Building the graph')
  const title = `Building the graph, edited ${Date.now()}`
  await editor.patch('interview-graph').set({ title }).commit()
  const published = Date.now()
  const live = await Promise.all(
    everyServer().flatMap((base) =>
      [interviewPath, '/', '/feed.xml'].map(async (path) => {
        await waitUntil(`${title} on ${base}${path}`, async () => (await text(base, path)).includes(title), 15_000)
        return Date.now() - published
      }),
    ),
  )
  console.log(`publish → live on every instance and the proxy: ${Math.max(...live)} ms`)
})

test('publishes in quick succession: every server ends on the last one, none is left one behind', async () => {
  // Gaps shorter and longer than a render, so that one render is in flight when the next publish lands.
  const gaps = [0, 120, 400, 60]
  const titles = gaps.map((_, n) => `Building the graph, take ${n} ${Date.now()}`)
  for (const [n, title] of titles.entries()) {
    await editor.patch('interview-graph').set({ title }).commit()
    await new Promise((resolve) => setTimeout(resolve, gaps[n]))
  }
  const last = titles.at(-1)!
  for (const base of everyServer())
    for (const path of [interviewPath, '/'])
      await waitUntil(`${last} on ${base}${path}`, async () => (await text(base, path)).includes(last), 15_000)
  // A render that started before the last publish must not be kept as if it came after it.
  await new Promise((resolve) => setTimeout(resolve, 3000))
  for (const base of everyServer())
    for (const path of [interviewPath, '/'])
      expect([base, path, (await text(base, path)).includes(last)]).toEqual([base, path, true])
}, 45_000)

test('pages re-rendered after a publish read the live API, while the API CDN still answers the previous version', async () => {
  const query = '*[_id == "interview-oncall"][0].title'
  const throughCdn = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: topology.cdn.url,
    useProjectHostname: false,
    useCdn: false,
  })
  const before = await throughCdn.fetch<string>(query)
  expect(before).toBe('On call without tears')
  const staleBefore = topology.cdn.staleAnswers()
  const title = `On call, edited ${Date.now()}`
  await editor.patch('interview-oncall').set({ title }).commit()
  // The hazard is real: right after the publish, the CDN answers the previous version (and so does search, which
  // reads through it per request).
  expect(await throughCdn.fetch<string>(query)).toBe(before)
  expect(topology.cdn.staleAnswers()).toBeGreaterThan(staleBefore)

  // (How fast is the test above's business; here, that the new version arrives at all.)
  for (const base of everyServer()) {
    await waitUntil(
      `the new title on ${base}${secondPath}`,
      async () => (await text(base, secondPath)).includes(title),
      5000,
    )
  }
  // Once the CDN has caught up, nothing rendered during its stale window is left behind in any cache.
  await new Promise((resolve) => setTimeout(resolve, cdnStaleMs))
  expect(await throughCdn.fetch<string>(query)).toBe(title)
  for (const base of everyServer()) {
    for (const path of [secondPath, '/', '/feed.xml']) {
      expect([base, path, (await text(base, path)).includes(title)]).toEqual([base, path, true])
    }
  }
}, 30_000)

/** Every file in the proxy's cache, as text (headers and body of each kept response). */
function proxyCacheContents(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files.push(readFileSync(path, 'latin1'))
    }
  }
  walk(join(topology.proxy.runDir, 'cache'))
  return files
}

test('a draft-mode response never enters the proxy cache, and editors in draft mode never get the cached page', async () => {
  const enable = await get(
    topology.url,
    `/api/draft-mode/enable?secret=${secrets.SANITY_PREVIEW_SECRET}&redirect=${encodeURIComponent(secondPath)}`,
  )
  expect(enable.status).toBe(307)
  const cookie = enable.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  expect(cookie).toContain('__prerender_bypass=')

  for (let round = 0; round < 3; round++) {
    for (const acceptEncoding of ['gzip, deflate, br', 'identity']) {
      const draft = await get(topology.url, secondPath, { cookie, 'accept-encoding': acceptEncoding })
      expect([round, draft.status, draft.headers.get('x-cache-status')]).toEqual([round, 200, 'BYPASS'])
      expect(await draft.text()).toContain(sample.draftTitleMarker)
      const anonymous = await get(topology.url, secondPath, { 'accept-encoding': acceptEncoding })
      expect((await anonymous.text()).includes(sample.draftTitleMarker)).toBe(false)
    }
  }
  const rsc = await get(topology.url, secondPath, { cookie, RSC: '1' })
  await rsc.arrayBuffer()
  const cached = proxyCacheContents()
  expect(cached.length).toBeGreaterThan(3)
  expect(cached.filter((entry) => entry.includes(sample.draftTitleMarker))).toEqual([])
})

/**
 * When the shared cache last stored a page (the cache handler's lastModified), or undefined when it holds none. Next
 * keys a page's entry `/route-cache/APP_PAGE/<hash>/$<path>`; the handler prefixes it with the deployment's namespace.
 */
async function sharedCacheEntryTime(path: string): Promise<number | undefined> {
  const client = createRedisClient({ url: topology.redis.url })
  await client.connect()
  try {
    const keys: string[] = []
    for await (const batch of client.scanIterator({
      MATCH: `parley:${topology.deploymentId}:/route-cache/APP_PAGE/*/$${path}`,
      COUNT: 1000,
    })) {
      keys.push(...batch)
    }
    expect(keys.length).toBeLessThanOrEqual(1)
    const stored = keys[0] ? await client.get(keys[0]) : null
    return stored ? (JSON.parse(stored) as { lastModified: number }).lastModified : undefined
  } finally {
    await client.quit()
  }
}

test('a forged webhook expires nothing and a forged refresh bypasses nothing: the shared cache keeps its pages; a signed webhook replaces them', async () => {
  await text(topology.url, interviewPath)
  const storedAt = await sharedCacheEntryTime(interviewPath)
  expect(storedAt).toEqual(expect.any(Number))
  const body = JSON.stringify({ _type: 'interview', slug: sample.interviewSlug })
  const post = (signature?: string) =>
    fetch(`${topology.url}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'sanity-webhook-signature': signature } : {}) },
      body,
    })
  for (const signature of [undefined, await encodeSignatureHeader(body, Date.now(), 'not-the-secret'), 't=1,v1=x']) {
    const refused = await post(signature)
    expect([signature, refused.status]).toEqual([signature, 401])
    expect((await refused.json()).error.type).toBe('unauthorized')
  }
  // Nor can a reader make the proxy fetch a page anew: only the instances know the refresh secret.
  await waitUntil(
    'the proxy answering from its copy',
    async () => (await get(topology.url, interviewPath)).headers.get('x-cache-status') === 'HIT',
    5000,
  )
  for (const guess of ['', '1', 'not-the-refresh-secret-0123456789']) {
    const response = await get(topology.url, interviewPath, { 'x-parley-refresh': guess })
    expect([guess, response.headers.get('x-cache-status')]).not.toEqual([guess, 'BYPASS'])
  }
  // Long enough for a re-render, had one been triggered; every instance still serves the entry it had.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  for (const base of everyServer()) await text(base, interviewPath)
  expect(await sharedCacheEntryTime(interviewPath)).toBe(storedAt)

  const signed = await post(await encodeSignatureHeader(body, Date.now(), secrets.SANITY_REVALIDATE_SECRET))
  expect(signed.status).toBe(200)
  await waitUntil(
    'the signed webhook re-rendering the page',
    async () => ((await sharedCacheEntryTime(interviewPath)) ?? 0) > storedAt!,
    3000,
  )
})

test('kill -9 of one instance under load: the proxy answers every request, none with a 5xx', async () => {
  const victim = topology.instances[1]!
  const survivor = topology.instances[0]!
  const statuses = new Map<number, number>()
  const servedBy = new Set<string>()
  let requests = 0
  let afterKill = 0
  let cutShort = 0
  let killed = false
  const started = Date.now()
  // Pages from the proxy's cache, and searches (rendered per request) that always reach an instance.
  const paths = [interviewPath, '/', '/feed.xml', secondPath]
  const worker = async (id: number) => {
    for (let n = 0; Date.now() - started < 6000 && n < 2000; n++) {
      const path = n % 2 === 0 ? `/search?q=graph+${id}+${n}` : paths[n % paths.length]!
      // Only a request sent once the victim is gone says who answers without it: one in flight at the kill may
      // still arrive from the victim's socket buffer.
      const sentAfterKill = killed
      let response: Response
      try {
        response = await get(topology.url, path)
        await response.arrayBuffer()
      } catch (error) {
        // A response the victim had begun to send when it died cannot be finished by anyone: nginx retries on the
        // other instance only what it has not started to answer. Such a request is counted; any other failure is not
        // allowed.
        if (sentAfterKill) throw error
        cutShort++
        continue
      }
      requests++
      if (sentAfterKill) afterKill++
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      if (sentAfterKill && path.startsWith('/search')) servedBy.add(response.headers.get('x-parley-instance') ?? '')
    }
  }
  const load = Promise.all(Array.from({ length: 6 }, (_, id) => worker(id)))
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const exited = new Promise((resolve) => victim.server.child.once('exit', resolve))
    process.kill(victim.server.child.pid!, 'SIGKILL')
    await exited
    killed = true
    await load
    console.log(
      `kill -9 under load: ${requests} requests (${afterKill} after the kill), statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${cutShort} in flight from the victim cut short`,
    )
    // At most one response per connection can have been in flight from the victim.
    expect(cutShort).toBeLessThanOrEqual(6)
    // Searches reached the dead instance's port until nginx set it aside, and were answered by the other.
    expect(afterKill).toBeGreaterThan(20)
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([])
    expect(statuses.get(200)).toBe(requests)
    expect([...servedBy]).toEqual([survivor.name])
  } finally {
    // The tests after this one need both instances, whatever happened here.
    await load.catch(() => {})
    await victim.start()
  }
  expect((await get(victim.url, interviewPath)).status).toBe(200)
}, 60_000)

test('with Redis down, every instance still serves pages and says so in its log; back, every instance has the publishes made meanwhile', async () => {
  // Entries the shared cache holds from before the outage, which it keeps across it.
  for (const base of everyServer()) await text(base, `/speakers/${sample.speakerSlug}`)
  await topology.redis.stop()
  const unreachable = (name: string) =>
    topology.output(name).some((line) => /Shared cache: Redis at .* is unreachable/.test(line))
  for (const instance of topology.instances) {
    // Each notices at its next cache read, or its connection's ping.
    await waitUntil(
      `${instance.name} logging that Redis is unreachable`,
      async () => {
        await get(instance.url, interviewPath)
        return unreachable(instance.name)
      },
      10_000,
    )
    for (const path of [interviewPath, '/', `/speakers/${sample.speakerSlug}`, '/feed.xml']) {
      const response = await get(instance.url, path)
      expect([instance.name, path, response.status]).toEqual([instance.name, path, 200])
    }
  }
  for (const path of [interviewPath, '/', '/search?q=graph']) {
    expect([path, (await get(topology.url, path)).status]).toEqual([path, 200])
  }
  // A publish now reaches only the instance that takes its webhook; its expiry cannot reach Redis.
  const name = `Ada Okafor, renamed ${Date.now()}`
  await editor.patch('person-ada').set({ name }).commit()
  await topology.lake.webhooks.idle()

  await topology.redis.start()
  for (const instance of topology.instances) {
    await waitUntil(
      `${instance.name} reconnecting to Redis`,
      async () => topology.output(instance.name).filter((line) => line.includes('Shared cache: connected')).length >= 2,
      15_000,
    )
  }
  // The instance that took the webhook clears what Redis held, so no instance serves the speaker's old page from it.
  await waitUntil(
    'the instance that took the webhook clearing the shared cache',
    async () =>
      topology.instances.some((instance) =>
        topology.output(instance.name).some((line) => line.includes('Shared cache: cleared')),
      ),
    5000,
  )
  for (const base of everyServer()) {
    await waitUntil(
      `the rename on ${base}`,
      async () => (await text(base, `/speakers/${sample.speakerSlug}`)).includes(name),
      5000,
    )
  }
}, 60_000)

test('with the lake down, the proxy serves cached pages, a page never rendered is a 503 with Retry-After, never a 500 or a cached 404', async () => {
  const cachedPaths = [interviewPath, secondPath, '/', '/feed.xml', '/sitemap.xml', `/topics/${sample.topicSlug}`]
  for (const path of cachedPaths) expect([path, (await get(topology.url, path)).status]).toEqual([path, 200])
  await topology.lake.stop()

  for (const path of cachedPaths) {
    const response = await get(topology.url, path)
    expect([path, response.status]).toEqual([path, 200])
  }
  const slug = 'arrived-during-the-outage'
  for (const path of [`/interviews/${slug}`, '/search?q=outage']) {
    const response = await get(topology.url, path)
    expect([path, response.status, response.headers.get('retry-after'), response.headers.get('cache-control')]).toEqual(
      [path, 503, String(retryAfterSeconds), 'no-store'],
    )
    expect(await response.text()).toContain('<h1>Temporarily unavailable</h1>')
    // Asked for plain bytes (the proxy's sendfile branch), the same page.
    const plain = await rawResponse(`${topology.url}${path}`, 'identity')
    expect([path, plain.status, plain.headers['retry-after']]).toEqual([path, 503, String(retryAfterSeconds)])
    // Behind it, the instance's render failed: an error, not a 404 that would be kept.
    expect([path, (await get(topology.instances[0]!.url, path)).status]).toEqual([path, 500])
  }

  await topology.lake.restart()
  const original = await topology.lake.editor.getDocument('interview-graph')
  const { _rev, _createdAt, _updatedAt, ...fields } = original!
  await topology.lake.editor.createOrReplace({
    ...fields,
    _id: 'interview-outage',
    title: 'Arrived during the outage',
    slug: { _type: 'slug', current: slug },
    featured: false,
  })
  for (const base of everyServer()) {
    await waitUntil(
      `the interview published after the outage on ${base}`,
      async () => (await text(base, `/interviews/${slug}`)).includes('Arrived during the outage'),
      5000,
    )
  }
}, 60_000)

test('an address holding a word of Cache-Control (a slug made from a title) is kept for the proxy’s second like any page', async () => {
  const { _rev, _createdAt, _updatedAt, ...fields } = (await topology.lake.editor.getDocument('interview-graph'))!
  const wordy = { _id: 'interview-wordy', slug: 'private-no-store-no-cache' }
  await topology.lake.editor.createOrReplace({
    ...fields,
    _id: wordy._id,
    title: 'Private, no-store, no-cache',
    slug: { _type: 'slug', current: wordy.slug },
    featured: false,
  })
  try {
    await waitUntil(
      'the interview with a wordy slug through the proxy',
      async () => (await get(topology.url, `/interviews/${wordy.slug}`)).status === 200,
      10_000,
    )
    expect((await get(topology.url, `/interviews/${wordy.slug}`)).headers.get('cache-control')).toBe(
      's-maxage=1, stale-while-revalidate=1',
    )
  } finally {
    await topology.lake.editor.delete(wordy._id)
  }
}, 30_000)
