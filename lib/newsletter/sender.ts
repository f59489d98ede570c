// The long-running sender inside `npm start`: sends due deliveries, wakes for the next retry (or every poll interval),
// and picks up what a stopped instance left claimed once its lease runs out.
import { deliverDue, type DeliveryContext } from './deliveries.ts'

export function startNewsletterSender(
  context: DeliveryContext,
  { pollIntervalMs = 2000, log = console.log }: { pollIntervalMs?: number; log?: (line: string) => void } = {},
): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = async () => {
    let wait = pollIntervalMs
    try {
      const tally = await deliverDue(context)
      const done = tally.sent + tally.failed + tally.retrying + tally.skipped
      if (done > 0)
        log(
          `newsletter: sent ${tally.sent}, retrying ${tally.retrying}, failed ${tally.failed}, skipped ${tally.skipped}`,
        )
      if (tally.nextDueAt) wait = Math.max(0, Math.min(wait, tally.nextDueAt.getTime() - Date.now() + 5))
    } catch (error) {
      log(`newsletter: could not send (${(error as Error).message}); trying again`)
    }
    if (!stopped) timer = setTimeout(run, wait)
  }
  timer = setTimeout(run, 0)
  return {
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}
