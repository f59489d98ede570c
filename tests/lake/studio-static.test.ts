// The built Studio served by the lake at /studio on its HTTPS origin: right content types, index.html for client-side routes, long-lived caching for hashed bundles only, and no way out of the folder.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { ClientHttp2Session } from 'node:http2'
import { STUDIO_CONTENT_SECURITY_POLICY } from '../../lake/http/routes/studio.ts'
import { startLake, type Lake } from '../../lake/index.ts'
import { http2Request, openHttp2Session } from './http2-client.ts'

let lake: Lake
let dataDir: string
let studioDir: string
let session: ClientHttp2Session

const INDEX_HTML =
  '<!doctype html><html><head><script src="/studio/static/sanity-a1b2c3d4.js" type="module"></script></head><body><div id="sanity"></div></body></html>'
const BUNDLE = `console.log(${JSON.stringify('studio '.repeat(400))})`

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-studio-data-'))
  studioDir = await mkdtemp(path.join(tmpdir(), 'parley-studio-build-'))
  await mkdir(path.join(studioDir, 'static'), { recursive: true })
  await writeFile(path.join(studioDir, 'index.html'), INDEX_HTML)
  await writeFile(path.join(studioDir, 'static', 'sanity-a1b2c3d4.js'), BUNDLE)
  await writeFile(path.join(studioDir, 'static', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  lake = await startLake({ port: 0, tlsPort: 0, dataDir, studioDir, durability: 'normal' })
  session = await openHttp2Session(lake.tlsUrl as string)
})

afterAll(async () => {
  session?.close()
  await lake?.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(studioDir, { recursive: true, force: true })
})

test('the lake reports the Studio URL on its HTTPS origin', () => {
  expect(lake.studioUrl).toBe(`https://localhost:${lake.tlsPort}/studio/`)
})

test('serves index.html at /studio and for client-side routes, never cached stale', async () => {
  for (const route of [
    '/studio',
    '/studio/',
    '/studio/structure/interview',
    '/studio/structure/interview;drafts.abc',
  ]) {
    const response = await http2Request(session, route)
    expect([route, response.status]).toEqual([route, 200])
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(INDEX_HTML)
  }
})

test('the Studio page may connect to this machine only: a call to another host is refused by the browser, unsent', async () => {
  const policy = (await http2Request(session, '/studio/structure/interview')).headers['content-security-policy']
  expect(policy).toBe(STUDIO_CONTENT_SECURITY_POLICY)
  const connectSources = String(policy).split(' ').slice(1)
  expect(connectSources).toContain("'self'")
  expect(
    connectSources.filter((source) => !/^(https?|wss?):\/\/(localhost|127\.0\.0\.1|\*\.localhost):\*$/.test(source)),
  ).toEqual(["'self'"])
  // Bundles are not documents: the policy they run under is the page's.
  expect(
    (await http2Request(session, '/studio/static/sanity-a1b2c3d4.js')).headers['content-security-policy'],
  ).toBeUndefined()
})

test('serves hashed bundles as JavaScript with a year-long immutable cache, gzipped when asked', async () => {
  const plain = await http2Request(session, '/studio/static/sanity-a1b2c3d4.js')
  expect(plain.status).toBe(200)
  expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8')
  expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(plain.body).toBe(BUNDLE)

  const zipped = await new Promise<Buffer>((resolve, reject) => {
    const stream = session.request({ ':path': '/studio/static/sanity-a1b2c3d4.js', 'accept-encoding': 'gzip, br' })
    const chunks: Buffer[] = []
    stream.on('response', (headers) => expect(headers['content-encoding']).toBe('gzip'))
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
    stream.end()
  })
  expect(gunzipSync(zipped).toString('utf8')).toBe(BUNDLE)

  const icon = await http2Request(session, '/studio/static/favicon.svg')
  expect(icon.headers['content-type']).toBe('image/svg+xml')
})

test('serves the icons the Studio’s HTML links at /static/ on the root, and nothing else there', async () => {
  const icon = await http2Request(session, '/static/favicon.svg')
  expect(icon.status).toBe(200)
  expect(icon.headers['content-type']).toBe('image/svg+xml')
  expect(icon.headers['cache-control']).toBe('no-cache') // not content-hashed, so never cached as immutable
  expect((await http2Request(session, '/static/structure/interview')).status).toBe(404)
})

test('answers a revalidation with 304 when the ETag still matches', async () => {
  const first = await http2Request(session, '/studio/')
  const again = await http2Request(session, '/studio/', { 'if-none-match': String(first.headers.etag) })
  expect(again.status).toBe(304)
  expect(again.body).toBe('')
})

test('a missing bundle is a 404, not the HTML page', async () => {
  const response = await http2Request(session, '/studio/static/sanity-00000000.js')
  expect(response.status).toBe(404)
  expect(response.json().message).toContain('No Studio file')
})

test('paths cannot leave the Studio folder', async () => {
  for (const attempt of [
    '/studio/%2e%2e/%2e%2e/etc/passwd',
    '/studio/..%2f..%2fetc%2fpasswd',
    '/studio/static/..%5c..%5clake.sqlite',
  ]) {
    const response = await http2Request(session, attempt)
    expect([attempt, response.status]).toEqual([attempt, 404])
    expect(response.body).not.toContain('root:')
  }
})

test('a Studio folder without a build answers 404 saying how to build it', async () => {
  const emptyStudio = await mkdtemp(path.join(tmpdir(), 'parley-studio-empty-'))
  const emptyData = await mkdtemp(path.join(tmpdir(), 'parley-studio-empty-data-'))
  const unbuilt = await startLake({ port: 0, dataDir: emptyData, studioDir: emptyStudio, durability: 'normal' })
  try {
    const response = await fetch(`${unbuilt.url}/studio/structure`)
    expect(response.status).toBe(404)
    const { message } = await response.json()
    expect(message).toContain('The Studio is not built')
    expect(message).toContain(emptyStudio)
  } finally {
    await unbuilt.close()
    await rm(emptyStudio, { recursive: true, force: true })
    await rm(emptyData, { recursive: true, force: true })
  }
})
