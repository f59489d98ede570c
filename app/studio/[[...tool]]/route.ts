// /studio sends editors to the Studio the lake serves (SANITY_STUDIO_URL), keeping the Studio out of the reader site's build.

import { studioUrl } from '../../../lib/sanity/config.ts'

export const dynamic = 'force-dynamic'

export function GET(request: Request): Response {
  const studio = new URL(studioUrl())
  // The path after /studio and the query exactly as the browser sent them: Studio addresses carry `=`, `;` and `,`
  // (intent parameters, pane chains, pane options) that the Studio reads only unencoded. Appended to the Studio's own
  // origin and path as text, so no part of the path can become a scheme or a host.
  const { pathname, search } = new URL(request.url)
  const rest = pathname.replace(/^\/studio(?=\/|$)/, '').replace(/^\/+/, '')
  const base = `${studio.origin}${studio.pathname.replace(/\/+$/, '')}/`
  return Response.redirect(`${base}${rest}${search}`, 307)
}
