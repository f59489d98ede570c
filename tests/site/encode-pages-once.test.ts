// The response hook that sends a cached page's UTF-8 bytes from memory, on a real Node HTTP server, and the
// Content-Length measure taken from the same bytes.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encodedPagesHeld, encodePagesOnce, measurePagesOnce, utf8Once } from '../../lib/http/encode-pages-once.ts'

let server: Server
let url: string
let answer: (res: ServerResponse) => void
let stopMeasuring: () => void

beforeAll(async () => {
  stopMeasuring = measurePagesOnce()
  server = createServer((_req, res) => {
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

// Beyond Latin-1 (’ and an emoji), so V8 holds it in two-byte form, like a real interview page.
const page = `<!DOCTYPE html><p>It’s a page 🙂 é</p>${'<p>Some words about the interview.</p>'.repeat(600)}`

test('a large page is measured and goes out byte for byte as UTF-8, and its bytes are made once however often it is sent', async () => {
  const before = encodedPagesHeld()
  answer = (res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    // As Next.js does, just before end().
    res.setHeader('content-length', Buffer.byteLength(page))
    res.end(page)
  }
  for (let i = 0; i < 3; i++) {
    const response = await fetch(url)
    expect(response.headers.get('content-length')).toBe(String(Buffer.from(page, 'utf8').length))
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(page, 'utf8'))).toBe(true)
  }
  expect(encodedPagesHeld()).toEqual({ pages: before.pages + 1, bytes: before.bytes + Buffer.byteLength(page) })
})

test('small bodies, other encodings and callbacks pass through as they were', async () => {
  utf8Once(page)
  const before = encodedPagesHeld()
  answer = (res) => res.end('short and sweet ’')
  expect(await (await fetch(url)).text()).toBe('short and sweet ’')
  const latin1 = `caf${'é'.repeat(20_000)}`
  answer = (res) => res.end(latin1, 'latin1')
  expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(Buffer.from(latin1, 'latin1'))).toBe(true)
  let called = false
  answer = (res) => res.end(page, () => (called = true))
  expect(await (await fetch(url)).text()).toBe(page)
  expect(called).toBe(true)
  // Only the one large UTF-8 page is held, as before: the short body and the Latin-1 one were not kept.
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

test('the memory is bounded: the pages asked for least recently leave first', () => {
  const pages = Array.from({ length: 80 }, (_, i) => `${i} ’`.padEnd(1024 * 1024, '.'))
  const first = utf8Once(pages[0]!)
  const second = utf8Once(pages[1]!)
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
