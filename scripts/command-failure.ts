// How the content commands (schedule, newsletter) end on an error: one line naming the command and what to do.

/** Prints why `command` failed and exits 1; a refused connection is the usual first mistake, so it says what to start. */
export function exitWithFailure(command: string, apiHost: string | undefined) {
  return (error: Error & { cause?: { code?: string } }): never => {
    const unreachable = error.message === 'fetch failed' || error.cause?.code === 'ECONNREFUSED'
    console.error(
      unreachable
        ? `${command}: cannot reach the content API at ${apiHost || 'hosted Sanity'}; is the lake running (npm start or npm run lake)?`
        : `${command}: ${error.message}`,
    )
    process.exit(1)
  }
}
