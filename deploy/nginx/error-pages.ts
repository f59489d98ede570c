// The pages nginx answers with itself, made from the site's own page (lib/error-pages.ts): pages/ holds them
// as files for a proxy set up by hand, and a test keeps those files the same as these.
import { malformedAddressPage, standalonePage } from '../../lib/error-pages.ts'

export const unavailablePage = standalonePage(
  'Temporarily unavailable',
  `<p>This page can’t be shown right now: the service behind it isn’t answering. It’s on our side, not your
connection. Please try again shortly.</p>
<p><a href="">Try again</a> · <a href="/">Go to the home page</a></p>`,
)

/** File name in pages/ → its HTML. */
export const errorPages: Record<string, string> = {
  'unavailable.html': unavailablePage,
  'bad-address.html': malformedAddressPage,
}
