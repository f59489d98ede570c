// Runs webhook attempts in the background with a global and a per-webhook concurrency limit, and waits out retry delays without holding a slot, so one slow target never holds up the others.

export type DeliveryQueue = {
  /** Runs `job` when a slot for `key` (the webhook) is free, after `delayMs` if given. */
  push(key: string, job: () => Promise<void>, delayMs?: number): void
  /** Resolves when nothing is queued, waiting for a retry, or running. */
  idle(): Promise<void>
  /** Drops queued and waiting jobs; resolves when the running ones have finished. */
  close(): Promise<void>
}

export function createDeliveryQueue(limits: { total: number; perKey: number }): DeliveryQueue {
  const queued: { key: string; job: () => Promise<void> }[] = []
  const timers = new Set<NodeJS.Timeout>()
  const runningByKey = new Map<string, number>()
  let running = 0
  let closed = false
  let idleWaiters: (() => void)[] = []

  const settleIfIdle = () => {
    if (running === 0 && queued.length === 0 && timers.size === 0) {
      for (const resolve of idleWaiters) resolve()
      idleWaiters = []
    }
  }

  const pump = () => {
    for (let index = 0; index < queued.length && running < limits.total;) {
      const { key, job } = queued[index] as (typeof queued)[number]
      const forKey = runningByKey.get(key) ?? 0
      if (forKey >= limits.perKey) {
        index++
        continue
      }
      queued.splice(index, 1)
      running++
      runningByKey.set(key, forKey + 1)
      job()
        .catch((error: unknown) => console.error('[lake] webhook delivery failed unexpectedly', error))
        .finally(() => {
          running--
          runningByKey.set(key, (runningByKey.get(key) ?? 1) - 1)
          pump()
          settleIfIdle()
        })
    }
  }

  return {
    push(key, job, delayMs = 0) {
      if (closed) return
      if (delayMs <= 0) {
        queued.push({ key, job })
        pump()
        return
      }
      const timer = setTimeout(() => {
        timers.delete(timer)
        if (closed) return settleIfIdle()
        queued.push({ key, job })
        pump()
      }, delayMs)
      timers.add(timer)
    },
    idle() {
      if (running === 0 && queued.length === 0 && timers.size === 0) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    close() {
      closed = true
      queued.length = 0
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      settleIfIdle()
      return this.idle()
    },
  }
}
