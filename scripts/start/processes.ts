// Runs the child processes of `npm start` by process id: one-off steps to completion, servers until told to stop.
import { spawn, type ChildProcess } from 'node:child_process'
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

/** Starts a long-running server; `stop()` sends SIGTERM to that one pid and SIGKILL if it has not gone in 10 s. */
export function startServer(command: string, args: string[], options: { cwd: string; env: Environment }): Server {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, stdio: 'inherit' })
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  )
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
