// The server-side guard that answers 503 instead of 500 while the content API is down, on a real Node HTTP server.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerOutagesWith503 } from '../../lib/outage/answer-outages-with-503.ts'
import {
  contentApiIsDown,
  isContentApiUnavailable,
  outageMemoryMs,
  recordContentFetchFailure,
} from '../../lib/outage/content-api-health.ts'

let server: Server
let url: string
/** What the next request's handler does, standing in for a render that fails (or not) in its own way. */
let answer: (res: ServerResponse) => void

beforeAll(async () => {
  server = createServer((_req, res) => {
    answerOutagesWith503(res)
    answer(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

const connectionRefused = Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' })

test('with no content fetch failure on record, a 500 stays a 500', async () => {
  answer = (res) => {
    res.statusCode = 500
    res.end('a real bug')
  }
  const response = await fetch(url)
  expect([response.status, await response.text()]).toEqual([500, 'a real bug'])
})

test('only network errors, 5xx and 429 count as the content API being unavailable', () => {
  expect(isContentApiUnavailable(connectionRefused)).toBe(true)
  expect(isContentApiUnavailable({ statusCode: 502 })).toBe(true)
  expect(isContentApiUnavailable({ statusCode: 429 })).toBe(true)
  expect(isContentApiUnavailable({ statusCode: 400 })).toBe(false)
  expect(isContentApiUnavailable({ statusCode: 401 })).toBe(false)
  recordContentFetchFailure({ statusCode: 400 })
  expect(contentApiIsDown()).toBe(false)
})

test('a 500 written after a content fetch failed becomes the uncacheable 503 page with Retry-After', async () => {
  recordContentFetchFailure(connectionRefused)
  answer = (res) => {
    res.setHeader('cache-control', 's-maxage=3600')
    res.statusCode = 500
    res.write('<html>Internal Server Error')
    res.end('</html>')
  }
  const response = await fetch(url)
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('30')
  expect(response.headers.get('cache-control')).toBe('no-store')
  const body = await response.text()
  expect(body).toContain('Temporarily unavailable')
  expect(body).toContain('try again shortly')
  expect(body).not.toContain('Internal Server Error')
})

test('the 503 also replaces an explicit writeHead(500) and answers HEAD without a body', async () => {
  recordContentFetchFailure({ statusCode: 503 })
  answer = (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end('boom')
  }
  expect((await fetch(url)).status).toBe(503)
  const head = await fetch(url, { method: 'HEAD' })
  expect([head.status, await head.text()]).toEqual([503, ''])
})

test('other answers pass untouched during an outage, and a failure older than the window no longer counts', async () => {
  recordContentFetchFailure(connectionRefused)
  answer = (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('cached page')
  const cached = await fetch(url)
  expect([cached.status, await cached.text()]).toEqual([200, 'cached page'])
  answer = (res) => res.writeHead(404).end('not here')
  expect((await fetch(url)).status).toBe(404)
  expect(contentApiIsDown()).toBe(true)
  expect(contentApiIsDown(Date.now() + outageMemoryMs + 1)).toBe(false)
})
