// The one module that parses request URLs: strips Sanity's `/v<version>` prefix and reads the API version.
import { badRequest } from './errors.ts'

export type ParsedUrl = {
  /** Path without the version prefix, e.g. `/data/query/production`. */
  path: string
  /** The requested API version without the `v` (`2025-02-19`, `1`, `X`), or null when unversioned. */
  apiVersion: string | null
  search: URLSearchParams
}

const versionPrefix = /^\/v([^/]+)(?=\/|$)/

export function parseRequestUrl(rawUrl: string): ParsedUrl {
  let url: URL
  try {
    url = new URL(rawUrl.startsWith('/') ? `http://lake.invalid${rawUrl}` : rawUrl, 'http://lake.invalid')
  } catch {
    throw badRequest('invalidUrl', `Cannot parse the request URL "${rawUrl.slice(0, 200)}"`)
  }
  const match = versionPrefix.exec(url.pathname)
  const path = match ? url.pathname.slice(match[0].length) || '/' : url.pathname
  return { path, apiVersion: match?.[1] ?? null, search: url.searchParams }
}

/**
 * Whether a request's API version is at least the given date; `X` (experimental) counts as newest,
 * `1` as oldest. Used where Sanity's defaults changed between versions (e.g. the default perspective).
 */
export function isVersionAtLeast(apiVersion: string | null, date: string): boolean {
  if (apiVersion === null) return false
  if (apiVersion === 'X') return true
  if (!/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) return false
  return apiVersion >= date
}
