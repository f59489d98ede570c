// The long-running scheduler inside `npm start`: wakes at the next due time (or every poll interval) and publishes.
import type { SanityClient } from '@sanity/client'
import { startWakeLoop, untilJustAfter } from '../background/wake-loop.ts'
import { publishDue, type PublishOutcome } from './publish-due.ts'

export type SchedulerOptions = {
  client: SanityClient
  /** Upper bound between two looks at the schedule; new schedules are seen within it. */
  pollIntervalMs?: number
  log?: (line: string) => void
}

export function describeOutcome(outcome: PublishOutcome): string {
  switch (outcome.outcome) {
    case 'published':
      return `published ${outcome.id} (due ${outcome.publishAt}, transaction ${outcome.transactionId})`
    case 'failed':
      return `did not publish ${outcome.id}: ${outcome.reasons.join('; ')}`
    case 'skipped':
      return `skipped ${outcome.id}: ${outcome.reason}`
    case 'retry':
      return `will retry ${outcome.id}: ${outcome.error}`
  }
}

export function startScheduler({ client, pollIntervalMs = 5000, log = console.log }: SchedulerOptions): {
  stop: () => void
} {
  return startWakeLoop(
    async () => {
      const { outcomes, nextDueAt } = await publishDue(client)
      for (const outcome of outcomes) log(`scheduler: ${describeOutcome(outcome)}`)
      const retryIn = outcomes.some((o) => o.outcome === 'retry') ? 2000 : null
      // Wake exactly at the next due time so go-live is not late by a poll interval.
      const dueIn = nextDueAt ? untilJustAfter(nextDueAt) : null
      return retryIn === null ? dueIn : Math.min(retryIn, dueIn ?? retryIn)
    },
    {
      pollIntervalMs,
      onError: (error) => log(`scheduler: could not read the schedule (${error.message}); trying again`),
    },
  )
}
