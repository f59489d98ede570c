// Compresses what the site sends (pages, feeds, scripts, styles), as Next.js does, but from the site's response hooks,
// so that a cached page can go out already compressed from bytes made once (encode-pages-once.ts): next.config.js
// turns Next's own compression off, which would otherwise compress every page again on every request.
import type { ServerResponse } from 'node:http'
import compression from 'compression'

const compress = compression()

/** The response hook: the same `compression` middleware Next.js uses (brotli or gzip as the reader accepts). */
export function compressResponses(res: ServerResponse): void {
  compress(res.req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {})
}
