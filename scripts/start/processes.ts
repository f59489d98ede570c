// Runs the child processes of `npm start` and `npm run cluster` by process id: one-off steps to completion, servers
// until told to stop.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Environment } from '../environment.ts'

/** Runs a step (a build) with inherited output; rejects with what failed and how. */
export function runStep(
  what: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Environment },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, stdio: 'inherit' })
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)))
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${what} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see its output above.`),
          ),
    )
  })
}

export type Server = { child: ChildProcess; exited: Promise<number>; stop(): Promise<void> }

export type ServerOptions = {
  cwd: string
  env: Environment
  /** Receives each line the server prints (stdout and stderr); without it the output is inherited as it is. */
  onLine?: (line: string) => void
  /** The signal that stops it gracefully (nginx finishes its requests on SIGQUIT). */
  stopSignal?: NodeJS.Signals
}

/** Starts a long-running server; `stop()` sends SIGTERM (or `stopSignal`) to that one pid and SIGKILL after 10 s. */
export function startServer(command: string, args: string[], options: ServerOptions): Server {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    stdio: options.onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  })
  if (options.onLine) {
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', options.onLine)
  }
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    // A command that is not there never exits: it fails to spawn.
    child.once('error', () => resolve(127))
  })
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
      child.kill(options.stopSignal ?? 'SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Polls `ready` every 100 ms until it holds, the server exits, or `timeoutMs` passes. */
export async function waitUntilReady(
  what: string,
  server: Server,
  ready: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | undefined
  void server.exited.then((code) => (exitCode = code))
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${what} exited (code ${exitCode}) before it was ready.`)
    if (await ready().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s.`)
}
