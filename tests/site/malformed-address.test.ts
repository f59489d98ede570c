// Which addresses proxy.ts answers with the 400 page: a path that does not decode, or decodes to a control character.
import { isMalformedPath, standalonePageHeaders, malformedAddressPage } from '../../lib/error-pages.ts'

test('a path with a broken escape or an escaped control character is malformed', () => {
  for (const path of [
    '/interviews/%E0%A4%A',
    '/speakers/%E0',
    '/topics/%zz',
    '/%',
    '/search/%C3%28',
    '/topics/%00',
    '/interviews/a%0Ab',
    '/series/%7F',
  ]) {
    expect([path, isMalformedPath(path)]).toEqual([path, true])
  }
})

test('well-formed paths are not, escaped or not', () => {
  for (const path of [
    '/',
    '/interviews/building-the-graph',
    '/interviews/caf%C3%A9',
    '/topics/a%2Fb',
    '/search',
    '/%25',
  ]) {
    expect([path, isMalformedPath(path)]).toEqual([path, false])
  }
})

test('the 400 page says what is wrong, is never kept, and is not indexed', () => {
  expect(standalonePageHeaders).toEqual({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  expect(malformedAddressPage).toContain('<h1>This address can’t be read</h1>')
  expect(malformedAddressPage).toContain('<meta name="robots" content="noindex">')
})
