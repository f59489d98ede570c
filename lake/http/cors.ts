// Decides which browser origins may call the lake (the site, the lake's own origins, and any configured) and answers CORS preflights, event streams included.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type CorsPolicy = { allowedOrigins: ReadonlySet<string> }

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'
// What @sanity/client and the Studio send; anything else a browser asks for is echoed for allowed origins.
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-sanity-app',
  'x-sanity-project-id',
  'x-sanity-tag',
  'cache-control',
  'last-event-id',
  'if-none-match',
  'if-match',
]
const EXPOSED_HEADERS = ['content-type', 'content-length', 'etag', 'x-sanity-shard', 'x-served-by']

/**
 * The default origins: the site (`http://localhost:3000`) and the lake's own origins on both
 * ports, under both `localhost` and `127.0.0.1`, plus `LAKE_CORS_ORIGINS` (comma separated).
 */
export function corsPolicy(options: {
  sitePort?: number
  lakePort?: number
  tlsPort?: number
  extraOrigins?: readonly string[]
}): CorsPolicy {
  const origins = new Set<string>()
  const add = (scheme: string, port: number | undefined) => {
    if (port === undefined || port === 0) return
    for (const host of ['localhost', '127.0.0.1']) origins.add(`${scheme}://${host}:${port}`)
  }
  add('http', options.sitePort ?? 3000)
  add('http', options.lakePort)
  add('https', options.tlsPort)
  for (const origin of options.extraOrigins ?? []) {
    const trimmed = origin.trim().replace(/\/+$/, '')
    if (trimmed !== '') origins.add(trimmed)
  }
  return { allowedOrigins: origins }
}

/** Parses `LAKE_CORS_ORIGINS`. */
export function originsFromEnvironment(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
}

export function isAllowedOrigin(policy: CorsPolicy, origin: string | undefined): origin is string {
  return typeof origin === 'string' && policy.allowedOrigins.has(origin)
}

/**
 * Adds CORS headers for an allowed origin, and answers a preflight completely.
 * Returns true when the response is finished (a preflight), so the caller stops there.
 */
export function applyCors(policy: CorsPolicy, request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin
  const isPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined
  if (!isAllowedOrigin(policy, origin)) {
    if (!isPreflight) return false
    const body = JSON.stringify({
      error: {
        type: 'corsError',
        description: `Origin ${origin ?? '(none)'} is not allowed to call this Content Lake. Add it to LAKE_CORS_ORIGINS (comma separated).`,
      },
    })
    response.writeHead(403, { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' })
    response.end(body)
    return true
  }
  response.setHeader('access-control-allow-origin', origin)
  response.setHeader('access-control-allow-credentials', 'true')
  response.setHeader('vary', 'Origin')
  if (!isPreflight) {
    response.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '))
    return false
  }
  const requested = String(request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((header) => header.trim().toLowerCase())
    .filter(Boolean)
  const headers = [...new Set([...ALLOWED_HEADERS, ...requested])]
  response.writeHead(204, {
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': headers.join(', '),
    'access-control-max-age': '600',
  })
  response.end()
  return true
}
