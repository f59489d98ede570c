// Stops what a command started, in reverse order of starting (the site before the lake it reads from), once: on
// Ctrl-C or SIGTERM, or when the command asks; then exits.

export type Stoppable = { name: string; stop(): Promise<void> }

export function stopOnSignals(): { running: Stoppable[]; stopAll(code: number): Promise<never>; stopping(): boolean } {
  const running: Stoppable[] = []
  let stopping = false
  async function stopAll(code: number): Promise<never> {
    if (!stopping) {
      stopping = true
      for (const part of running.reverse()) {
        await part.stop().catch((error: unknown) => console.error(`Could not stop ${part.name}:`, error))
      }
    }
    process.exit(code)
  }
  process.on('SIGINT', () => void stopAll(0))
  process.on('SIGTERM', () => void stopAll(0))
  return { running, stopAll, stopping: () => stopping }
}
