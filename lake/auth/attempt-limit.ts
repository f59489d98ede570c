// Slows password guessing at the sign-in form: after too many failures in a minute, further attempts are refused until the oldest failure is a minute old.

export type AttemptLimit = {
  /** Seconds to wait before the next attempt is heard, or 0 when it may go ahead. */
  retryAfterSeconds(now?: number): number
  recordFailure(now?: number): void
}

export function createAttemptLimit(
  options: { maxFailures: number; windowMs: number } = { maxFailures: 10, windowMs: 60_000 },
): AttemptLimit {
  let failures: number[] = []
  const recent = (now: number) => (failures = failures.filter((at) => now - at < options.windowMs))
  return {
    retryAfterSeconds(now = Date.now()) {
      const kept = recent(now)
      if (kept.length < options.maxFailures) return 0
      return Math.max(1, Math.ceil(((kept[0] as number) + options.windowMs - now) / 1000))
    },
    recordFailure(now = Date.now()) {
      recent(now).push(now)
    },
  }
}
