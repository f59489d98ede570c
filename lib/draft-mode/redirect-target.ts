// Keeps draft mode's redirect on this site: only a same-site relative path is followed, anything else goes home.

export function sameSiteRedirectTarget(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/'
  try {
    // Resolving against a placeholder origin catches paths that a browser would still read as another host.
    const url = new URL(raw, 'http://parley.invalid')
    if (url.origin !== 'http://parley.invalid') return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
