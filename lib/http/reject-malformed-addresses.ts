// Answers 400 for an address whose path has a broken percent-escape, which Next.js would answer with a bare 500, or
// an escaped control character, which no address of the site has.
import type { ServerResponse } from 'node:http'
import { standalonePage, standalonePageHeaders } from './standalone-page.ts'

export const malformedAddressPage = standalonePage(
  'This address can’t be read',
  `<p>Part of the address you followed is garbled: a “%” in it isn’t followed by a valid encoded character, or stands
for a control character. It may have been cut short or mangled when it was copied or shared.</p>
<p><a href="/interviews">Browse all interviews</a> · <a href="/search">Search</a> · <a href="/">Go to the home page</a></p>`,
)

/**
 * Next.js decodes a dynamic route's parameters before any page code runs and answers a malformed escape
 * (`/interviews/%E0%A4%A`) with "Internal Server Error", logging nothing; it is the reader's address that is wrong, so
 * the answer is a 400 that says so. An escaped control character (`/topics/%00`) gets the same answer: Next would look
 * it up, answer 404 and log a failure to write a cache file named with it. Checked on the path only (Next reads a
 * query's bad escapes as they are), and only when the path has a `%` at all. Returns true when it answered, so Next
 * never sees the request.
 */
export function rejectMalformedAddresses(res: ServerResponse): boolean {
  const url = res.req.url ?? '/'
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  if (!path.includes('%') || decodesToText(path)) return false
  res.writeHead(400, { ...standalonePageHeaders, 'content-length': String(Buffer.byteLength(malformedAddressPage)) })
  res.end(res.req.method === 'HEAD' ? undefined : malformedAddressPage)
  return true
}

/** Whether the path's escapes decode, to no control characters. */
function decodesToText(path: string): boolean {
  try {
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(path))
  } catch {
    return false
  }
}
