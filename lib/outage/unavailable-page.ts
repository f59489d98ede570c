// The page a reader gets while the content API is down and the page they asked for was never cached: a 503, not a 500.
import { standalonePage, standalonePageHeaders } from '../http/standalone-page.ts'

/** Seconds a client (or a crawler) should wait before asking again. */
export const retryAfterSeconds = 30

export const unavailableHeaders: Record<string, string> = {
  ...standalonePageHeaders,
  'retry-after': String(retryAfterSeconds),
}

export const unavailablePage = standalonePage(
  'Temporarily unavailable',
  `<p>This page can’t be loaded right now because our content service isn’t answering. Please try again shortly.</p>
<p><a href="">Try again</a> · <a href="/">Go to the home page</a></p>`,
)
