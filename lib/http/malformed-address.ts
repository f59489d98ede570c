// An address whose path cannot be read: a broken percent-escape, or an escaped control character.
import { standalonePage, standalonePageHeaders } from './standalone-page.ts'

export const malformedAddressPage = standalonePage(
  'This address can’t be read',
  `<p>Part of the address you followed is garbled: a “%” in it isn’t followed by a valid encoded character, or stands
for a control character. It may have been cut short or mangled when it was copied or shared.</p>
<p><a href="/interviews">Browse all interviews</a> · <a href="/search">Search</a> · <a href="/">Go to the home page</a></p>`,
)

export const malformedAddressHeaders = standalonePageHeaders

/**
 * Whether the path part of a URL (`/interviews/%E0%A4%A`, not its query, which pages read as it is) fails to decode, or
 * decodes to a control character, which no address of the site has. Next.js answers the first with a bare 500 and
 * looks the second up (then fails to write a cache file named with it).
 */
export function isMalformedPath(path: string): boolean {
  if (!path.includes('%')) return false
  try {
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(path))
  } catch {
    return true
  }
}
