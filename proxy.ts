// Next's proxy: answers the redirects editors made (308 permanent, 307 temporary) before any page renders or 404s.
// Redirects live here rather than in pages because a redirect() from a cached page is replayed by Next 16 with its
// Location header twice (vercel/next.js#82117), which proxies in front merge into an address no browser can follow.
import { NextResponse, type NextRequest } from 'next/server'
import { redirectFor } from './lib/redirects/redirect-map.ts'

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const rule = await redirectFor(request.nextUrl.pathname)
  if (!rule) return NextResponse.next()
  return NextResponse.redirect(new URL(rule.to, request.url), rule.kind === 'temporary' ? 307 : 308)
}

// Pages only: not Next's files, the API, the Studio redirect, feeds and crawler files, or the icons.
export const config = {
  matcher: [
    '/((?!_next/|api/|studio|favicon\\.ico|icon\\.svg|robots\\.txt|sitemap\\.xml|feed\\.xml|atom\\.xml|feed\\.json).*)',
  ],
}
