// GET /check/cors — whether the calling page's origin may use the lake; the client asks when an event stream fails.
import type { Route } from '../router.ts'
import { isAllowedOrigin } from '../cors.ts'

/**
 * `{result: {allowed, withCredentials}}`. The answer itself is readable from any origin (it carries no data),
 * so a page the lake refuses learns why its stream failed instead of seeing an opaque network error.
 */
export const checkCorsRoute: Route = {
  method: 'GET',
  path: '/check/cors',
  handle(request) {
    const origin = request.req.headers.origin
    // No Origin: not a browser's cross-origin call, nothing to refuse.
    const allowed = origin === undefined || isAllowedOrigin(request.lake.cors, origin)
    const readableAnywhere: Record<string, string> =
      origin === undefined ? {} : { 'access-control-allow-origin': origin, vary: 'Origin' }
    return {
      headers: readableAnywhere,
      body: { result: { allowed, withCredentials: allowed } },
    }
  },
}
