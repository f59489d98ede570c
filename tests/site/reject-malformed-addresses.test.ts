// The request hook that answers 400 for a path with a broken percent-escape, on a real Node HTTP server.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rejectMalformedAddresses } from '../../lib/http/reject-malformed-addresses.ts'

let server: Server
let url: string

beforeAll(async () => {
  // Stands in for Next.js: it answers whatever the hook lets through.
  server = createServer((req, res) => {
    if (rejectMalformedAddresses(res)) return
    res.end(`rendered ${req.url}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

test('a path with a broken escape or an escaped control character is a 400 page that says what is wrong, never cached, and goes no further', async () => {
  for (const path of [
    '/interviews/%E0%A4%A',
    '/speakers/%E0',
    '/topics/%zz',
    '/%',
    '/search/%C3%28?q=fine',
    '/topics/%00',
    '/interviews/a%0Ab',
    '/series/%7F',
  ]) {
    const response = await fetch(`${url}${path}`)
    expect([path, response.status]).toEqual([path, 400])
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html).toContain('<h1>This address can’t be read</h1>')
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).not.toContain('rendered')
  }
  const head = await fetch(`${url}/interviews/%E0`, { method: 'HEAD' })
  expect([head.status, await head.text()]).toEqual([400, ''])
})

test('well-formed paths, and bad escapes in the query alone, go on to the site untouched', async () => {
  for (const path of ['/', '/interviews/caf%C3%A9', '/topics/a%2Fb', '/search?q=%E0%A4%A', '/search?q=100%']) {
    const response = await fetch(`${url}${path}`)
    expect([path, response.status, await response.text()]).toEqual([path, 200, `rendered ${path}`])
  }
})
