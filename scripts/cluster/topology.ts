// Starts the rendering tier of the production topology on this machine: Redis, N `next start` instances sharing their
// ISR cache through it, and nginx caching in front of them; stops them in reverse.
import { randomBytes } from 'node:crypto'
import type { Environment } from '../environment.ts'
import { startInstance, type Instance } from './instances.ts'
import { startNginx, type RunningProxy } from './nginx.ts'
import { freePort } from './ports.ts'
import { startRedis, type RunningRedis } from './redis.ts'

export type Topology = { proxy: RunningProxy; redis: RunningRedis; instances: Instance[]; stop(): Promise<void> }

export type TopologyOptions = {
  root: string
  /** The built site's environment: content API, secrets, SITE_URL (the proxy's public URL), dist dir. */
  env: Environment
  instances: number
  /** nginx's address for readers: a port, or address:port. */
  proxyListen: string
  /** Where Redis keeps its data across a stop and start (tests); in memory only without it. */
  redisDataDir?: string
  /** Receives every line the parts print, with the part's name. */
  onLine?: (source: string, line: string) => void
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const started: { stop(): Promise<void> }[] = []
  const stop = async () => {
    for (const part of started.splice(0).reverse()) await part.stop().catch(() => undefined)
  }
  const lines = (source: string) => (options.onLine ? { onLine: (line: string) => options.onLine!(source, line) } : {})
  try {
    // Known to nginx and to the instances only: with it, a publish's warm-up refreshes the proxy's copies.
    const refreshSecret = randomBytes(24).toString('base64url')
    const proxyPort = options.proxyListen.split(':').at(-1)
    const siteEnv = {
      ...options.env,
      PARLEY_PROXY_URL: `http://127.0.0.1:${proxyPort}`,
      PARLEY_PROXY_REFRESH_SECRET: refreshSecret,
    }
    const redis = await startRedis({
      port: await freePort(),
      ...(options.redisDataDir ? { dataDir: options.redisDataDir } : {}),
      ...lines('redis'),
    })
    started.push(redis)
    const instances: Instance[] = []
    for (let index = 1; index <= options.instances; index++) {
      const name = `site-${index}`
      const instance = await startInstance({
        root: options.root,
        env: { ...siteEnv, REDIS_URL: redis.url },
        name,
        port: await freePort(),
        ...lines(name),
      })
      started.push(instance)
      instances.push(instance)
    }
    const proxy = await startNginx({
      listen: options.proxyListen,
      instances: instances.map((instance) => `127.0.0.1:${instance.port}`),
      compressPort: await freePort(),
      refreshSecret,
      ...lines('nginx'),
    })
    started.push(proxy)
    return { proxy, redis, instances, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
