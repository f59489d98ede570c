// The long-running sender inside `npm start`: sends due deliveries, wakes for the next retry (or every poll interval),
// and picks up what a stopped instance left claimed once its lease runs out.
import { startWakeLoop, untilJustAfter } from '../background/wake-loop.ts'
import { deliverDue, type DeliveryContext } from './deliveries.ts'

export function startNewsletterSender(
  context: DeliveryContext,
  { pollIntervalMs = 2000, log = console.log }: { pollIntervalMs?: number; log?: (line: string) => void } = {},
): { stop: () => void } {
  return startWakeLoop(
    async () => {
      const tally = await deliverDue(context)
      if (tally.sent + tally.failed + tally.retrying + tally.skipped > 0)
        log(
          `newsletter: sent ${tally.sent}, retrying ${tally.retrying}, failed ${tally.failed}, skipped ${tally.skipped}`,
        )
      return tally.nextDueAt ? untilJustAfter(tally.nextDueAt) : null
    },
    { pollIntervalMs, onError: (error) => log(`newsletter: could not send (${error.message}); trying again`) },
  )
}
