// Matches a request's method and unversioned path against the route table; routes are plain data.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LakeContext } from '../context.ts'
import type { Access } from './access.ts'

/** What a route hands back: a JSON body (default) or raw bytes, with a status and headers. */
export type Reply = {
  status?: number
  headers?: Record<string, string>
  /** Serialised as JSON unless `raw` is given. */
  body?: unknown
  raw?: Buffer | string
}

/** Everything a route adapter needs from one request, independent of the socket (HTTP/1.1 or HTTP/2 compat). */
export type RouteRequest = {
  req: IncomingMessage
  res: ServerResponse
  method: string
  /** Path without the `/v…` prefix. */
  path: string
  /** Named segments from the route pattern (`:dataset`), URL-decoded. */
  params: Record<string, string>
  search: URLSearchParams
  apiVersion: string | null
  access: Access
  lake: LakeContext
}

/**
 * A route: `path` is a pattern like `/data/query/:dataset`; a trailing `*rest` segment takes the remainder.
 * `handle` returns a Reply, or nothing when it wrote to `res` itself (streams such as listen or asset bytes).
 */
export type Route = {
  method: string | readonly string[]
  path: string
  handle: (request: RouteRequest) => Promise<Reply | void> | Reply | void
}

type CompiledRoute = { route: Route; methods: readonly string[]; segments: string[] }

export type RouteMatch = { route: Route; params: Record<string, string> } | { route: null; allowed: string[] }

export function compileRoutes(routes: readonly Route[]): CompiledRoute[] {
  return routes.map((route) => ({
    route,
    methods: typeof route.method === 'string' ? [route.method] : route.method,
    segments: route.path.split('/').filter(Boolean),
  }))
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  // Literal segments and length first: most routes fail here, before any decoding work.
  const rest = pattern.length > 0 && (pattern[pattern.length - 1] as string).startsWith('*')
  if (rest ? actual.length < pattern.length - 1 : actual.length !== pattern.length) return null
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] as string
    if (part.startsWith('*')) break
    if (!part.startsWith(':') && part !== actual[i]) return null
  }
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] as string
    if (part.startsWith('*')) {
      params[part.slice(1)] = actual.slice(i).map(safeDecode).join('/')
      break
    }
    if (part.startsWith(':')) params[part.slice(1)] = safeDecode(actual[i] as string)
  }
  return params
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Finds the route for a method and path; when only the method differs, reports the allowed methods (405). */
export function matchRoute(compiled: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  const actual = path.split('/').filter(Boolean)
  const allowed: string[] = []
  for (const entry of compiled) {
    const params = matchSegments(entry.segments, actual)
    if (!params) continue
    const head = method === 'HEAD' && entry.methods.includes('GET')
    if (entry.methods.includes(method) || head) return { route: entry.route, params }
    allowed.push(...entry.methods)
  }
  return { route: null, allowed }
}
