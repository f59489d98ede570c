// Limits subscribe requests per client (by address), so a flood from one client is answered 429 without touching the
// content store or the mail server. In memory, per site instance: each instance bounds what reaches it.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export type ClientLimit = {
  consume(client: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>
}

export function clientLimit(points: number, durationSeconds: number): ClientLimit {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds })
  return {
    async consume(client) {
      try {
        await limiter.consume(client)
        return { allowed: true }
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
      }
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
