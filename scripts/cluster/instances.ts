// Runs one of the topology's `next start` instances on its own port, naming itself in x-parley-instance.
import { resolve } from 'node:path'
import type { Environment } from '../environment.ts'
import { startServer, waitUntilReady, type Server } from '../start/processes.ts'

const nextBin = resolve(import.meta.dirname, '../../node_modules/next/dist/bin/next')

export type Instance = {
  name: string
  port: number
  url: string
  /** The running `next start`, or the last one after it stopped. */
  readonly server: Server
  /** Stops it (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>
  /** Starts it again on the same port after a stop or a crash; does nothing while it runs. */
  start(): Promise<void>
}

export type InstanceOptions = {
  root: string
  /** The site's environment: content API, secrets, REDIS_URL, NEXT_DEPLOYMENT_ID and the build's dist dir. */
  env: Environment
  name: string
  port: number
  onLine?: (line: string) => void
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const url = `http://127.0.0.1:${options.port}`
  const launch = async (): Promise<Server> => {
    const server = startServer(process.execPath, [nextBin, 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
      cwd: options.root,
      env: { ...options.env, PARLEY_INSTANCE: options.name },
      ...(options.onLine ? { onLine: options.onLine } : {}),
    })
    await waitUntilReady(`${options.name} (next start on ${url})`, server, async () => {
      return (await fetch(`${url}/robots.txt`)).ok
    })
    return server
  }
  let server = await launch()
  return {
    name: options.name,
    port: options.port,
    url,
    get server() {
      return server
    },
    stop: () => server.stop(),
    async start() {
      if (server.child.exitCode === null && server.child.signalCode === null) return
      server = await launch()
    },
  }
}
