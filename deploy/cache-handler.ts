// The ISR cache that several `next start` instances share: Redis, through @fortedigital/nextjs-cache-handler, so that a
// publish's revalidation on one instance expires the page on all; each instance's own memory stands in while Redis is
// unreachable, and the log says when that starts and ends. next.config.js loads it when REDIS_URL is set.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'
import { createClient } from '@redis/client'

/** How long a cache read or write may wait on Redis before the instance carries on without it. */
const redisTimeoutMs = 1000

type Handler = ReturnType<typeof createRedisHandler>

/**
 * Stores a route handler's entry (the feeds, the sitemap) with the tags Next sends in its x-next-cache-tags header, as
 * the library does for pages: 3.3.0 stores it with none (its issue #231), so no publish would ever expire a feed.
 */
function withRouteHandlerTags(handler: Handler): Handler {
  return {
    ...handler,
    set(key, entry, ctx) {
      const value = entry.value
      if (value?.kind !== 'APP_ROUTE' || entry.tags.length > 0) return handler.set(key, entry, ctx)
      const header = value.headers?.['x-next-cache-tags']
      const tags = (Array.isArray(header) ? header.join(',') : String(header ?? '')).split(',').filter(Boolean)
      return handler.set(key, { ...entry, tags }, ctx)
    },
  }
}

/**
 * The Redis handler, with what an outage needs: one log line when Redis goes and one when it is back, and, if this
 * instance expired tags meanwhile (a publish's webhook reached it), the deployment's entries cleared on its return,
 * since those expiries never reached Redis and its copies of the pages would be served as current.
 */
function sharedRedisHandler(url: string, keyPrefix: string): Handler {
  const client = createClient({
    url,
    // Commands fail at once while disconnected rather than queue: the handler then reads this instance's memory.
    disableOfflineQueue: true,
    pingInterval: 5000,
    socket: { connectTimeout: redisTimeoutMs, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  })
  const where = new URL(url).host
  let reachable: boolean | undefined
  let expiredWhileUnreachable = false

  async function clearDeployment(): Promise<void> {
    let cleared = 0
    for await (const keys of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) cleared += await client.unlink(keys)
    }
    console.warn(
      `Shared cache: cleared ${cleared} entries, because publishes reached this instance while Redis was unreachable.`,
    )
  }

  client.on('ready', () => {
    reachable = true
    console.log(`Shared cache: connected to Redis at ${where}.`)
    if (expiredWhileUnreachable) {
      expiredWhileUnreachable = false
      clearDeployment().catch((error: Error) => console.warn(`Shared cache: could not clear it (${error.message}).`))
    }
  })
  client.on('error', (error: NodeJS.ErrnoException) => {
    // node-redis reports every failed reconnection; one line per outage is what an operator needs.
    if (reachable === false) return
    reachable = false
    console.warn(
      `Shared cache: Redis at ${where} is unreachable (${error.code ?? error.message}); this instance serves from ` +
        'its own memory and keeps trying to reconnect.',
    )
  })
  // Resolves once connected; until then (and whenever the connection drops) reads and writes use the memory cache.
  void client.connect().catch(() => undefined)

  const handler = withRouteHandlerTags(createRedisHandler({ client, keyPrefix, timeoutMs: redisTimeoutMs }))
  return {
    ...handler,
    async revalidateTag(tag) {
      try {
        await handler.revalidateTag(tag)
      } catch (error) {
        expiredWhileUnreachable = true
        throw error
      }
    },
  }
}

CacheHandler.onCreation(({ buildId }) => {
  const memory = withRouteHandlerTags(createLruHandler())
  const url = process.env.REDIS_URL
  // `next build` renders from its own memory: its pages are written to the build output, not to the running site's cache.
  if (!url || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [memory] }
  // One namespace per deployment: a new build never reads pages rendered by the previous one.
  const redis = sharedRedisHandler(url, `parley:${process.env.NEXT_DEPLOYMENT_ID || buildId || 'build'}:`)
  // Redis first (the handler reads the first one that answers); every write goes to both.
  return { handlers: [redis, memory] }
})

export default CacheHandler
