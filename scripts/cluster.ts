// `npm run cluster -- [--instances N]`: the production topology on this machine. The lake (the content tier, as
// `npm start` runs it), Redis, N `next start` instances sharing their ISR cache through it, and nginx caching in front
// of them on PORT; prints the URLs and stops everything on Ctrl-C or SIGTERM. It installs nothing: a missing Debian
// package is named, and nothing starts.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startNewsletterSender } from '../lib/newsletter/sender.ts'
import { newsletterService } from '../lib/newsletter/service.ts'
import { startScheduler } from '../lib/scheduling/scheduler.ts'
import { createWriteClient } from '../lib/scheduling/write-client.ts'
import { missingPackages } from './cluster/requirements.ts'
import { startTopology } from './cluster/topology.ts'
import { loadEnvironment, otherLakeAddress, type Environment } from './environment.ts'
import { startEmbeddedLake } from './start/embedded-lake.ts'
import { buildIfStale } from './start/site-build.ts'
import { stopOnSignals } from './start/shutdown.ts'

const root = resolve(import.meta.dirname, '..')

const { values } = parseArgs({ options: { instances: { type: 'string', default: '2' } } })
const instanceCount = Number(values.instances)
if (!Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > 16) {
  console.error(`--instances takes a whole number from 1 to 16, not "${values.instances}".`)
  process.exit(2)
}
const missing = missingPackages()
if (missing.length > 0) {
  console.error(`The topology needs Debian packages this machine lacks. Install them, then run this again:`)
  console.error(`  sudo apt-get install -y ${missing.join(' ')}`)
  process.exit(1)
}

const { env, embeddedLake } = loadEnvironment(root)
const port = Number(env.PORT || 3000)
const siteUrl = env.SITE_URL || `http://localhost:${port}`

const { running, stopAll, stopping } = stopOnSignals()

async function main(): Promise<void> {
  let siteEnv: Environment = { ...env, SITE_URL: siteUrl }
  let lakeUrl: string | undefined
  if (embeddedLake) {
    const conflict = otherLakeAddress(siteEnv)
    if (conflict) throw new Error(conflict)
    // Publishes reach the proxy, which hands the webhook to one instance; the shared cache does the rest.
    const lake = await startEmbeddedLake(root, siteEnv, `http://127.0.0.1:${port}`)
    running.push({ name: 'the lake', stop: () => lake.close() })
    lakeUrl = lake.url
    siteEnv.SANITY_API_HOST = lake.url
  }
  siteEnv = await buildIfStale(root, siteEnv)

  const topology = await startTopology({
    root,
    env: siteEnv,
    instances: instanceCount,
    proxyListen: `127.0.0.1:${port}`,
    onLine: (source, line) => console.log(`[${source}] ${line}`),
  })
  running.push({ name: 'the topology', stop: () => topology.stop() })

  if (siteEnv.SANITY_API_WRITE_TOKEN) {
    const scheduler = startScheduler({ client: createWriteClient(siteEnv), log: (line) => console.log(line) })
    running.push({ name: 'the scheduler', stop: async () => scheduler.stop() })
    if (siteEnv.NEWSLETTER_SECRET) {
      const sender = startNewsletterSender(newsletterService(siteEnv).deliveries)
      running.push({ name: 'the newsletter sender', stop: async () => sender.stop() })
    }
  }

  console.log('')
  console.log(`  Site (nginx, caching): ${siteUrl}`)
  for (const instance of topology.instances) console.log(`  ${instance.name} (next start): ${instance.url}`)
  console.log(`  Shared cache (Redis):  ${topology.redis.url}`)
  console.log(`  Studio: ${siteEnv.SANITY_STUDIO_URL || `${siteUrl}/studio`}`)
  if (lakeUrl) console.log(`  Lake:   ${lakeUrl} (HTTP API)`)
  console.log('  Ctrl-C stops everything.')
  console.log('')

  // Any part that stops on its own takes the rest down with it, as `npm start` does with its site.
  const exited = await Promise.race([
    ...topology.instances.map((instance) => instance.server.exited.then((code) => `${instance.name} (${code})`)),
    topology.proxy.server.exited.then((code) => `nginx (${code})`),
  ])
  if (!stopping()) {
    console.error(`${exited} stopped; stopping the rest.`)
    await stopAll(1)
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  await stopAll(1)
})
