// Renders the pages a publish expired, and has the caching proxy in front (if any) fetch them anew.

/** The copies the proxy keeps of a page: one per encoding it sends (deploy/nginx). */
const proxyEncodings = ['br', 'gzip', 'identity']

export type CachingProxy = { url: string; refreshSecret: string }

/** The proxy in front of this instance, when its address and refresh secret are configured (npm run cluster). */
export function cachingProxy(env: Record<string, string | undefined> = process.env): CachingProxy | undefined {
  const url = env.PARLEY_PROXY_URL
  const refreshSecret = env.PARLEY_PROXY_REFRESH_SECRET
  return url && refreshSecret ? { url, refreshSecret } : undefined
}

/**
 * Asks `origin` (this instance) for each path, in order, so that it renders it into the cache while the content API is
 * known to be up; then the proxy for each of its copies, with the refresh secret, so that it replaces them now rather
 * than when they age out. Failures are left for readers' requests to retry.
 */
export async function warmPages(paths: readonly string[], origin: string, proxy?: CachingProxy): Promise<void> {
  const settle = (response: Promise<Response>) => response.then((answer) => answer.arrayBuffer()).catch(() => null)
  for (const path of paths) {
    await settle(fetch(new URL(path, origin), { headers: { 'x-parley-warm': '1' } }))
    if (!proxy) continue
    await Promise.all(
      proxyEncodings.map((encoding) =>
        settle(
          fetch(new URL(path, proxy.url), {
            headers: { 'x-parley-refresh': proxy.refreshSecret, 'accept-encoding': encoding },
          }),
        ),
      ),
    )
  }
}
