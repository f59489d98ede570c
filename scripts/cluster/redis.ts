// Runs Debian's redis-server as a child process for the instances' shared cache, on 127.0.0.1.
import { connect } from 'node:net'
import { commandPath } from './requirements.ts'
import { startServer, waitUntilReady, type Server } from '../start/processes.ts'

export type RunningRedis = { url: string; port: number; stop(): Promise<void>; start(): Promise<void> }

/** Whether a Redis server answers PING on the port. */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.setTimeout(1000, () => socket.destroy())
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => {
      answer += chunk
      if (answer.includes('\r\n')) socket.end()
    })
    socket.once('close', () => resolve(answer.startsWith('+PONG')))
    socket.once('error', () => undefined)
  })
}

/**
 * Starts redis-server on `port`; `stop()` and `start()` take it down and bring it back, as an outage would. With
 * `dataDir` it keeps its data there (append-only file) and comes back with it; without, it holds it in memory only
 * (the cache is rebuilt by rendering).
 */
export async function startRedis(options: {
  port: number
  dataDir?: string
  onLine?: (line: string) => void
}): Promise<RunningRedis> {
  const binary = commandPath('redis-server')
  if (!binary) throw new Error('redis-server is not installed (Debian: apt-get install -y redis-server).')
  let server: Server | undefined
  const start = async () => {
    if (server) return
    const storage = options.dataDir
      ? ['--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'always']
      : ['--appendonly', 'no']
    const running = startServer(
      binary,
      ['--port', String(options.port), '--bind', '127.0.0.1', '--save', '', ...storage, '--daemonize', 'no'],
      { cwd: '/', env: {}, ...(options.onLine ? { onLine: options.onLine } : {}) },
    )
    server = running
    await waitUntilReady('redis-server', running, () => redisAnswers(options.port), 15_000)
  }
  await start()
  return {
    url: `redis://127.0.0.1:${options.port}`,
    port: options.port,
    start,
    async stop() {
      await server?.stop()
      server = undefined
    },
  }
}
