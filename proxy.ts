// Next.js's proxy, run before any route: answers an unreadable address with a 400 page instead of letting Next fail
// on it, and names the instance that answered (x-parley-instance) when several run behind one proxy.
import { NextResponse, type NextRequest } from 'next/server'
import { isMalformedPath, malformedAddressHeaders, malformedAddressPage } from './lib/http/malformed-address.ts'

export function proxy(request: NextRequest): NextResponse {
  // The raw path as the reader sent it: Next's parsed URL may already have tried to decode it.
  const path = new URL(request.url).pathname
  const response = isMalformedPath(path)
    ? new NextResponse(request.method === 'HEAD' ? null : malformedAddressPage, {
        status: 400,
        headers: malformedAddressHeaders,
      })
    : NextResponse.next()
  const instance = process.env.PARLEY_INSTANCE
  if (instance) response.headers.set('x-parley-instance', instance)
  return response
}

// Scripts, styles and images carry a content hash and need neither check.
export const config = { matcher: ['/((?!_next/static/|_next/image).*)'] }
