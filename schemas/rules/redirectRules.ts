// What a redirect may be: a site path to a path or a web address, never to itself and never round a loop. One source
// for the Studio's validation and the site that answers redirects.

export type RedirectRule = { from: string; to: string }

/** A path as redirects compare it: percent-escapes decoded (`/%40ada` is `/@ada`), no trailing slash but the root's. */
export function normalizeRedirectPath(path: string): string {
  const decoded = path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment // a broken escape is compared as written
      }
    })
    .join('/')
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded
}

export function fromProblem(from: unknown): string | null {
  if (typeof from !== 'string' || !from)
    return 'Enter the old path, starting with /, for example /blog/2021/interview-with-ada.'
  if (!from.startsWith('/') || from.startsWith('//'))
    return 'The old path must start with a single /, like /blog/old-post (no domain).'
  if (/[\s?#]/.test(from)) return 'The old path cannot contain spaces, ? or #: give the path only.'
  if (normalizeRedirectPath(from) === '/') return 'The home page cannot be redirected.'
  return null
}

export function toProblem(to: unknown): string | null {
  if (typeof to !== 'string' || !to)
    return 'Enter where readers go: a path on this site (/interviews/…) or a full https:// address.'
  if (to.startsWith('/') && !to.startsWith('//')) return /\s/.test(to) ? 'The new path cannot contain spaces.' : null
  try {
    const url = new URL(to)
    if (url.protocol === 'https:' || url.protocol === 'http:') return null
  } catch {
    // falls through to the message below
  }
  return 'Readers can only be sent to a path on this site (starting with /) or an http(s):// address.'
}

/**
 * Why `rule` cannot be added beside `others`: it points at itself, or following the redirects from its target leads
 * back to where it starts (a loop a browser would follow until it gives up). Null when it is fine.
 */
export function loopProblem(rule: RedirectRule, others: readonly RedirectRule[]): string | null {
  const from = normalizeRedirectPath(rule.from)
  if (!rule.to.startsWith('/')) return null
  const next = new Map(others.map((other) => [normalizeRedirectPath(other.from), other.to]))
  const chain = [from]
  let at = rule.to
  while (at.startsWith('/') && !at.startsWith('//')) {
    const path = normalizeRedirectPath(at.split(/[?#]/)[0]!)
    chain.push(path)
    if (path === from)
      return chain.length === 2
        ? `This redirect points to itself (${from}).`
        : `This makes a loop: ${chain.join(' → ')}. Point it somewhere that does not lead back here.`
    if (chain.indexOf(path) < chain.length - 1) return null // a loop elsewhere, that redirect's own problem
    const target = next.get(path)
    if (target === undefined) return null
    at = target
  }
  return null
}
