// The response hooks that send a cached page's UTF-8 and compressed bytes from memory, on a real Node HTTP server with
// the real compression middleware, as instrumentation.ts installs them; and the Content-Length measure taken from the
// same bytes.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { compressResponses } from '../../lib/http/compress-responses.ts'
import { rawResponse } from './support/raw-response.ts'
import {
  bytesOnce,
  encodedPagesHeld,
  encodePagesOnce,
  measurePagesOnce,
  utf8Once,
} from '../../lib/http/encode-pages-once.ts'

let server: Server
let url: string
let answer: (res: ServerResponse) => void
let stopMeasuring: () => void

beforeAll(async () => {
  stopMeasuring = measurePagesOnce()
  server = createServer((_req, res) => {
    compressResponses(res)
    encodePagesOnce(res)
    answer(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  // Buffer is shared with the other test files of this worker.
  stopMeasuring()
  await new Promise((resolve) => server.close(resolve))
})

const get = (acceptEncoding: string | undefined, method?: string) => rawResponse(url, acceptEncoding, method)

// Beyond Latin-1 (’ and an emoji), so V8 holds it in two-byte form, like a real interview page.
const page = `<!DOCTYPE html><p>It’s a page 🙂 é</p>${'<p>Some words about the interview.</p>'.repeat(600)}`
const pageBytes = Buffer.from(page, 'utf8')

/** As Next.js sends a cached page: type, the length it measures just before `end()`, the string. */
function sendPage(res: ServerResponse, body = page): void {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

test('a large page goes out compressed as the reader accepts (brotli first), with its true length, made once however often it is sent', async () => {
  const before = encodedPagesHeld()
  answer = (res) => sendPage(res)
  for (let i = 0; i < 3; i++) {
    const browser = await get('gzip, deflate, br, zstd')
    expect([browser.status, browser.headers['content-encoding'], browser.headers.vary]).toEqual([
      200,
      'br',
      'Accept-Encoding',
    ])
    expect(browser.headers['content-length']).toBe(String(browser.body.length))
    expect(brotliDecompressSync(browser.body).equals(pageBytes)).toBe(true)
    expect(browser.body.length).toBeLessThan(pageBytes.length / 10)

    const gzipOnly = await get('gzip')
    expect([gzipOnly.headers['content-encoding'], gzipOnly.headers['content-length']]).toEqual([
      'gzip',
      String(gzipOnly.body.length),
    ])
    expect(gunzipSync(gzipOnly.body).equals(pageBytes)).toBe(true)

    for (const plain of [await get(undefined), await get('identity'), await get('br;q=0, gzip;q=0')]) {
      expect([plain.headers['content-encoding'], plain.headers['content-length']]).toEqual([
        undefined,
        String(pageBytes.length),
      ])
      expect(plain.body.equals(pageBytes)).toBe(true)
    }
  }
  const made = Buffer.byteLength(page) + bytesOnce(page, 'br').length + bytesOnce(page, 'gzip').length
  expect(encodedPagesHeld()).toEqual({ pages: before.pages + 1, bytes: before.bytes + made })
})

test('a HEAD request is answered with the headers alone, as Next.js sends it', async () => {
  answer = (res) => {
    res.setHeader('content-length', Buffer.byteLength(page))
    res.end(null)
  }
  const head = await get('br', 'HEAD')
  expect([head.status, head.headers['content-encoding'], head.headers['content-length'], head.body.length]).toEqual([
    200,
    undefined,
    String(pageBytes.length),
    0,
  ])
})

test('everything else goes through the compression middleware as before, and is not kept', async () => {
  utf8Once(page)
  const before = encodedPagesHeld()
  const medium = `${'A feed entry, streamed in parts. '.repeat(200)}’`
  answer = (res) => {
    res.setHeader('content-type', 'application/xml')
    res.write(medium)
    res.end(medium)
  }
  const streamed = await get('gzip, br')
  expect(streamed.headers['content-encoding']).toBe('br')
  expect(brotliDecompressSync(streamed.body).toString()).toBe(medium + medium)

  answer = (res) => res.end('short and sweet ’')
  expect((await get('gzip, br')).body.toString()).toBe('short and sweet ’')
  const latin1 = `caf${'é'.repeat(20_000)}`
  answer = (res) => res.end(latin1, 'latin1')
  expect((await get(undefined)).body.equals(Buffer.from(latin1, 'latin1'))).toBe(true)
  let called = false
  answer = (res) => res.end(page, () => (called = true))
  expect((await get(undefined)).body.equals(pageBytes)).toBe(true)
  expect(called).toBe(true)
  // Only the one large UTF-8 page is held, as before: the streamed, short and Latin-1 bodies were not kept.
  expect(encodedPagesHeld()).toEqual(before)
})

test('measuring gives every value its true byte length, and keeps only large UTF-8 strings', () => {
  const large = `${page} measured`
  const before = encodedPagesHeld()
  const cases: [Parameters<typeof Buffer.byteLength>[0], BufferEncoding | undefined, number][] = [
    ['short ’', undefined, Buffer.from('short ’').length],
    [large, 'latin1', Buffer.from(large, 'latin1').length],
    [large, 'utf16le', Buffer.from(large, 'utf16le').length],
    [Buffer.from(large), undefined, Buffer.from(large).length],
    [large, undefined, Buffer.from(large).length],
    [large, 'utf8', Buffer.from(large).length],
  ]
  for (const [value, encoding, length] of cases) expect(Buffer.byteLength(value, encoding)).toBe(length)
  expect(encodedPagesHeld()).toEqual({ pages: before.pages + 1, bytes: before.bytes + Buffer.from(large).length })
})

test('the memory is bounded: the pages asked for least recently leave first, with all their forms', () => {
  const pages = Array.from({ length: 80 }, (_, i) => `${i} ’`.padEnd(1024 * 1024, '.'))
  const first = utf8Once(pages[0]!)
  const second = utf8Once(pages[1]!)
  bytesOnce(pages[1]!, 'gzip')
  for (const one of pages.slice(2)) {
    utf8Once(one)
    // Asked for again all along, the first page stays the most recently used.
    expect(utf8Once(pages[0]!)).toBe(first)
  }
  const held = encodedPagesHeld()
  expect(held.bytes).toBeLessThanOrEqual(64 * 1024 * 1024)
  expect(held.pages).toBeLessThan(80)
  expect(utf8Once(pages[0]!)).toBe(first)
  // The second page was the oldest: it left, and is encoded afresh (to the same bytes) when asked for.
  const again = utf8Once(pages[1]!)
  expect(again).not.toBe(second)
  expect(again.equals(second)).toBe(true)
})
