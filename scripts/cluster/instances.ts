// Runs the site's `next start` instances of the topology, each on its own port, naming itself in x-parley-instance.
import { resolve } from 'node:path'
import type { Environment } from '../environment.ts'
import { startServer, waitUntilReady, type Server } from '../start/processes.ts'

const nextBin = resolve(import.meta.dirname, '../../node_modules/next/dist/bin/next')

export type Instance = {
  name: string
  port: number
  url: string
  server: Server
  /** Stops it (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>
  /** Starts it again on the same port after a stop or a crash. */
  start(): Promise<void>
}

/**
 * `env` is the site's environment (content API, secrets, REDIS_URL, NEXT_DEPLOYMENT_ID and the build's dist dir);
 * each instance adds its name and port.
 */
export async function startInstance(options: {
  root: string
  env: Environment
  name: string
  port: number
  onLine?: (line: string) => void
}): Promise<Instance> {
  const url = `http://127.0.0.1:${options.port}`
  const instance: Instance = {
    name: options.name,
    port: options.port,
    url,
    server: undefined as unknown as Server,
    async stop() {
      await instance.server.stop()
    },
    async start() {
      if (instance.server && instance.server.child.exitCode === null && instance.server.child.signalCode === null)
        return
      instance.server = startServer(
        process.execPath,
        [nextBin, 'start', '-p', String(options.port), '-H', '127.0.0.1'],
        {
          cwd: options.root,
          env: { ...options.env, PARLEY_INSTANCE: options.name },
          ...(options.onLine ? { onLine: options.onLine } : {}),
        },
      )
      await waitUntilReady(`${options.name} (next start on ${url})`, instance.server, async () => {
        return (await fetch(`${url}/robots.txt`)).ok
      })
    },
  }
  await instance.start()
  return instance
}
