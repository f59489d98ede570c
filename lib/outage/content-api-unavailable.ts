// Tells an outage of the content API (try again later) from a mistake of ours (a bad query or token).

/** Seconds a client (or a crawler) should wait before asking again; the proxy's 503 page says the same (deploy/nginx). */
export const retryAfterSeconds = 30

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
