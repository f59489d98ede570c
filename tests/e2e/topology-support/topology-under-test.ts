// Runs the production topology for end-to-end tests and benchmarks, as `npm run cluster` does but on free ports: a
// real lake (with the signed webhook to the proxy) behind a stand-in for the API CDN, Redis, N `next start` instances
// of one production build sharing their ISR cache, and nginx from deploy/nginx in front. Every line the parts print is
// kept, by part.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { revalidationWebhook } from '../../../lib/revalidation/index.ts'
import { freePort } from '../../site/support/free-port.ts'
import { startTopology, type Topology } from '../../../scripts/cluster/topology.ts'
import { startTestLake, type TestLake } from '../../site/support/test-lake.ts'
import { seedSampleContent } from '../../site/support/sample-content.ts'
import { buildForTest, secrets } from '../site-support/site-under-test.ts'
import { startApiCdnStandIn, type ApiCdnStandIn } from './api-cdn-stand-in.ts'

export const topologyDistDir = '.data/topology-e2e-build'

/** How long the API CDN stand-in answers the previous version after a write. */
export const cdnStaleMs = 5000

export type TopologyUnderTest = Topology & {
  /** The proxy's URL: what readers and the lake's webhook reach. */
  url: string
  lake: TestLake
  cdn: ApiCdnStandIn
  /** NEXT_DEPLOYMENT_ID of the build, which names the instances' namespace in Redis. */
  deploymentId: string
  /** Lines printed so far by a part (`site-1`, `redis`, `nginx`…). */
  output(source: string): string[]
  close(): Promise<void>
}

export async function startTopologyUnderTest(options: { instances?: number } = {}): Promise<TopologyUnderTest> {
  const root = process.cwd()
  const proxyPort = await freePort()
  const url = `http://127.0.0.1:${proxyPort}`
  const lake = await startTestLake({ webhooks: [revalidationWebhook(url, secrets.SANITY_REVALIDATE_SECRET)] })
  await seedSampleContent(lake.editor)
  const cdn = await startApiCdnStandIn(lake.url, { staleMs: cdnStaleMs })
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...secrets,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PARLEY_NEXT_DIST_DIR: topologyDistDir,
    SANITY_API_HOST: lake.url,
    SANITY_API_CDN_HOST: cdn.url,
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'parley',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
    NEXT_PUBLIC_SANITY_API_VERSION: '2025-02-19',
    SITE_URL: url,
    NEXT_DEPLOYMENT_ID: `topology-test-${Date.now()}`,
  }
  delete env.REDIS_URL
  await buildForTest(env as NodeJS.ProcessEnv)
  const lines = new Map<string, string[]>()
  // Redis keeps its data across a stop and start, as a real one would after a network partition.
  const redisDataDir = mkdtempSync(join(tmpdir(), 'parley-redis-'))
  const topology = await startTopology({
    root,
    env,
    redisDataDir,
    instances: options.instances ?? 2,
    proxyListen: `127.0.0.1:${proxyPort}`,
    onLine: (source, line) => {
      if (!lines.has(source)) lines.set(source, [])
      lines.get(source)!.push(line)
    },
  })
  return {
    ...topology,
    url,
    lake,
    cdn,
    deploymentId: env.NEXT_DEPLOYMENT_ID!,
    output: (source) => lines.get(source) ?? [],
    async close() {
      await topology.stop()
      await cdn.close()
      await lake.close()
      rmSync(redisDataDir, { recursive: true, force: true })
    },
  }
}
