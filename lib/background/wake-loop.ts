// A background job that runs, then sleeps until it is next needed (or at most a poll interval), until stopped: the
// scheduler's and the newsletter sender's loop.

/** Runs `pass` now and again after each pass, waiting what it returns (ms, capped at `pollIntervalMs`). */
export function startWakeLoop(
  pass: () => Promise<number | null>,
  { pollIntervalMs, onError }: { pollIntervalMs: number; onError: (error: Error) => void },
): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = async () => {
    let wait = pollIntervalMs
    try {
      const wanted = await pass()
      if (wanted !== null) wait = Math.max(0, Math.min(wait, wanted))
    } catch (error) {
      onError(error as Error)
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

/** Milliseconds until `at`, a few past it so the pass finds it due. */
export const untilJustAfter = (at: Date) => at.getTime() - Date.now() + 5
