// Limits subscribe requests per client (by address), so a flood from one client is answered 429 without touching the
// content store or the mail server. With REDIS_URL (several site instances) the count is shared in Redis, so a client
// gets the same allowance however the proxy spreads its requests; while Redis is unreachable each instance counts in
// its own memory (rate-limiter-flexible's insurance limiter) and still bounds what reaches it.
import { createClient } from '@redis/client'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

export type ClientLimit = {
  consume(client: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>
  /** Closes the Redis connection, if any. */
  close(): Promise<void>
}

/** How long connecting to Redis may take before requests are counted in memory instead. */
const connectTimeoutMs = 1000

export function clientLimit(
  points: number,
  durationSeconds: number,
  options: { redisUrl?: string | undefined; log?: (message: string) => void } = {},
): ClientLimit {
  const memory = new RateLimiterMemory({ points, duration: durationSeconds })
  let limiter: RateLimiterAbstract = memory
  let redis: ReturnType<typeof createClient> | undefined
  let connected = Promise.resolve()
  if (options.redisUrl) {
    const log = options.log ?? console.error
    let unreachable = false
    redis = createClient({
      url: options.redisUrl,
      // Keep trying, never more than a second apart; requests meanwhile are counted in memory.
      socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 1000), connectTimeout: connectTimeoutMs },
      disableOfflineQueue: true,
    })
    redis.on('error', (error: Error) => {
      if (unreachable) return
      unreachable = true
      log(
        `newsletter: Redis at ${options.redisUrl} is unreachable (${error.message}); subscribe limits count per instance`,
      )
    })
    redis.on('ready', () => {
      if (unreachable) log(`newsletter: Redis at ${options.redisUrl} is back; subscribe limits are shared again`)
      unreachable = false
    })
    // The first requests of an instance wait (a connect timeout at most) for the connection rather than be counted
    // in this instance's memory, where they would not count against the others.
    connected = Promise.race([
      new Promise<void>((resolve) => redis!.once('ready', () => resolve())),
      new Promise<void>((resolve) => setTimeout(resolve, connectTimeoutMs).unref()),
    ])
    redis.connect().catch(() => {})
    limiter = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: 'parley:newsletter:subscribe',
      points,
      duration: durationSeconds,
      insuranceLimiter: memory,
    })
  }
  return {
    async consume(client) {
      await connected
      try {
        await limiter.consume(client)
        return { allowed: true }
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
      }
    },
    async close() {
      if (redis?.isOpen) await redis.close()
      else redis?.destroy()
    },
  }
}

/**
 * The client's address: the last entry of X-Forwarded-For, the one the proxy in front appends from its connection (a
 * client can prepend what it likes, never change that one). With nothing in front, Next fills the header from the
 * connection only when the client sent none: deploy a proxy in front of a public site.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')
  const last = forwarded?.split(',').at(-1)?.trim()
  return last || request.headers.get('x-real-ip') || 'unknown'
}
