// Next's proxy, run before any page: answers an unreadable address with a 400 page instead of letting Next fail on it,
// and the redirects editors made (308 permanent, 307 temporary) before any page renders or 404s; and names the
// instance that answered (x-parley-instance) when several run behind one proxy. Redirects live here rather than in
// pages because a redirect() from a cached page is replayed by Next 16 with its Location header twice
// (vercel/next.js#82117), which proxies in front merge into an address no browser can follow.
import { NextResponse, type NextRequest } from 'next/server'
import { isMalformedPath, standalonePageHeaders, malformedAddressPage } from './lib/error-pages.ts'
import { redirectFor } from './lib/redirects/redirect-map.ts'

async function answer(request: NextRequest): Promise<NextResponse> {
  // The raw path as the reader sent it: Next's parsed URL may already have tried to decode it.
  if (isMalformedPath(new URL(request.url).pathname)) {
    return new NextResponse(request.method === 'HEAD' ? null : malformedAddressPage, {
      status: 400,
      headers: standalonePageHeaders,
    })
  }
  const rule = await redirectFor(request.nextUrl.pathname)
  if (!rule) return NextResponse.next()
  return NextResponse.redirect(new URL(rule.to, request.url), rule.kind === 'temporary' ? 307 : 308)
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = await answer(request)
  const instance = process.env.PARLEY_INSTANCE
  if (instance) response.headers.set('x-parley-instance', instance)
  return response
}

// Pages only: not Next's files, the API, the Studio redirect, feeds and crawler files, or the icons.
export const config = {
  matcher: [
    '/((?!_next/|api/|studio|favicon\\.ico|icon\\.svg|robots\\.txt|sitemap\\.xml|feed\\.xml|atom\\.xml|feed\\.json).*)',
  ],
}
