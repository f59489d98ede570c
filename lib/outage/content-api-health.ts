// Remembers when a content fetch last failed for want of the content API, so such a failed render is answered 503.

/**
 * One record per server process. It lives on `globalThis` because Next bundles the instrumentation hook, the pages and
 * the route handlers separately: each bundle has its own copy of this module, but they all share the one process.
 */
type Health = { lastFailureAt: number | null }

const key = Symbol.for('parley.content-api-health')
const globals = globalThis as typeof globalThis & { [key]?: Health }

function health(): Health {
  globals[key] ??= { lastFailureAt: null }
  return globals[key]
}

/**
 * How long a failure counts. A render that fails for want of content records its failure moments before its 5xx is
 * written, so a short window suffices; successes are not recorded because most "successful" fetches are answered
 * from Next's data cache and say nothing about the content API.
 */
export const outageMemoryMs = 15_000

/**
 * Network errors (no HTTP status) and 5xx or 429 answers mean the content API is unavailable; a 4xx is our own
 * mistake (a bad query or token) and stays an error.
 */
export function isContentApiUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const status =
    (error as { statusCode?: unknown }).statusCode ??
    (error as { response?: { statusCode?: unknown } }).response?.statusCode
  if (typeof status !== 'number') return true
  return status >= 500 || status === 429
}

export function recordContentFetchFailure(error: unknown): void {
  if (isContentApiUnavailable(error)) health().lastFailureAt = Date.now()
}

export function contentApiIsDown(now = Date.now()): boolean {
  const { lastFailureAt } = health()
  return lastFailureAt !== null && now - lastFailureAt < outageMemoryMs
}
