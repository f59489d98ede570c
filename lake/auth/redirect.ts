// Decides where a sign-in may send the browser back to: only URLs on an allowed origin, so the lake is no open redirect.

/** The URL to return to with `#sid=…`, or null when `origin` is missing, malformed or not on an allowed origin. */
export function signInReturnUrl(origin: string | null, allowedOrigins: ReadonlySet<string>): URL | null {
  if (!origin) return null
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '') return null
  return allowedOrigins.has(url.origin) ? url : null
}

/** Appends the session id to the return URL's fragment, where the Studio looks for it (`#sid=…`). */
export function withSessionId(url: URL, sid: string): string {
  const target = new URL(url)
  const existing = target.hash.replace(/^#/, '')
  target.hash = existing ? `${existing}&sid=${sid}` : `sid=${sid}`
  return target.toString()
}
