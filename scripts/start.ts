// `npm start` (and `npm run dev`): the lake with the sample content, the Studio, a production build of the site if
// needed, and the site itself; prints the URLs and stops everything on Ctrl-C or SIGTERM.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { newsletterWebhook } from '../lib/newsletter/webhook.ts'
import { startNewsletterSender } from '../lib/newsletter/sender.ts'
import { newsletterService } from '../lib/newsletter/service.ts'
import { revalidationWebhook } from '../lib/revalidation/webhook.ts'
import { defaultNewsletterDataset } from '../schemas/newsletterRecords.ts'
import { startScheduler } from '../lib/scheduling/scheduler.ts'
import { createWriteClient } from '../lib/scheduling/write-client.ts'
import { lakeAddress } from '../lake/cli/environment.ts'
import { loadEnvironment, otherLakeAddress, type Environment } from './environment.ts'
import { buildSite, buildStamp, isBuildCurrent } from './start/site-build.ts'
import { runStep, startServer, type Server } from './start/processes.ts'
import { importSampleIfEmpty } from './start/sample-content.ts'

const root = resolve(import.meta.dirname, '..')
const dev = process.argv.includes('--dev')
const nextBin = resolve(root, 'node_modules/next/dist/bin/next')
const { env, embeddedLake } = loadEnvironment(root)
const port = Number(env.PORT || 3000)
const siteUrl = `http://localhost:${port}`

type Stoppable = { name: string; stop(): Promise<void> }
const running: Stoppable[] = []
let stopping = false

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    // Stop in reverse order of starting: the site before the lake it reads from.
    for (const service of running.reverse()) {
      await service.stop().catch((error: unknown) => console.error(`Could not stop ${service.name}:`, error))
    }
  }
  process.exit(code)
}
process.on('SIGINT', () => void stopAll(0))
process.on('SIGTERM', () => void stopAll(0))

async function startEmbeddedLake(siteEnv: Environment): Promise<{ url: string; studioUrl: string | null }> {
  const { startLake } = await import('../lake/index.ts')
  const dataDir = resolve(root, siteEnv.LAKE_DATA_DIR || '.data/lake')
  const studioDir = resolve(root, '.data/studio')
  const { port: lakePort, tlsPort } = lakeAddress(siteEnv)
  const options = {
    port: lakePort,
    tlsPort,
    dataDir,
    readToken: siteEnv.SANITY_API_READ_TOKEN,
    writeToken: siteEnv.SANITY_API_WRITE_TOKEN,
    projectId: siteEnv.NEXT_PUBLIC_SANITY_PROJECT_ID || 'parley',
    // The site's dataset and the newsletter's (subscribers kept apart from content) exist from the start, as they
    // do in a hosted project.
    datasets: [
      siteEnv.NEXT_PUBLIC_SANITY_DATASET || 'production',
      siteEnv.NEWSLETTER_DATASET || defaultNewsletterDataset,
    ],
    sitePort: port,
    studioDir,
    // The lake signs every publish to the site's revalidation route (published documents only).
    webhooks: [
      revalidationWebhook(`http://127.0.0.1:${port}`, siteEnv.SANITY_REVALIDATE_SECRET || ''),
      // An interview's first publish starts its newsletter issue (lib/newsletter).
      newsletterWebhook(`http://127.0.0.1:${port}`, siteEnv.SANITY_REVALIDATE_SECRET || ''),
    ],
  }
  const lake = await startLake(options as Parameters<typeof startLake>[0])
  running.push({ name: 'the lake', stop: () => lake.close() })
  await importSampleIfEmpty(
    lake,
    resolve(root, 'content/parley-sample.tar.gz'),
    siteEnv.NEXT_PUBLIC_SANITY_DATASET || 'production',
    siteEnv.SANITY_API_READ_TOKEN,
  )
  if (!existsSync(resolve(studioDir, 'index.html'))) {
    console.log('Building the Studio into .data/studio (first run only)…')
    await runStep('The Studio build', 'npm', ['run', 'build:studio'], { cwd: root, env: siteEnv })
  }
  return { url: lake.url, studioUrl: lake.studioUrl }
}

async function main(): Promise<void> {
  const siteEnv: Environment = { ...env }
  let lakeUrls: { url: string; studioUrl: string | null } | undefined
  if (embeddedLake) {
    const conflict = otherLakeAddress(siteEnv)
    if (conflict) throw new Error(conflict)
    lakeUrls = await startEmbeddedLake(siteEnv)
    siteEnv.SANITY_API_HOST = lakeUrls.url
  }

  let site: Server
  if (dev) {
    site = startServer(process.execPath, [nextBin, 'dev', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: siteEnv,
    })
  } else {
    const stamp = buildStamp(root, siteEnv)
    if (!isBuildCurrent(root, stamp)) {
      console.log('Building the site (next build)…')
      await buildSite(root, siteEnv, stamp)
    }
    site = startServer(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: siteEnv,
    })
  }
  running.push({ name: 'the site', stop: () => site.stop() })

  // The scheduler (lib/scheduling) publishes due scheduled interviews while the app runs; it starts after the site
  // so each publish's revalidation webhook finds the site (a build in between would miss it), and needs the write token.
  if (siteEnv.SANITY_API_WRITE_TOKEN) {
    const scheduler = startScheduler({ client: createWriteClient(siteEnv), log: (line) => console.log(line) })
    running.push({ name: 'the scheduler', stop: async () => scheduler.stop() })
    // The newsletter sender retries what the site could not send at once (an SMTP outage) and what a stopped site left.
    if (siteEnv.NEWSLETTER_SECRET) {
      const sender = startNewsletterSender(newsletterService(siteEnv).deliveries)
      running.push({ name: 'the newsletter sender', stop: async () => sender.stop() })
    }
  } else {
    console.log(
      'Scheduler: off (SANITY_API_WRITE_TOKEN is not set); an external cron can call /api/cron/publish-due instead.',
    )
  }

  console.log('')
  console.log(`  Site:   ${siteUrl}`)
  console.log(`  Studio: ${siteEnv.SANITY_STUDIO_URL || `${siteUrl}/studio`}`)
  if (lakeUrls) console.log(`  Lake:   ${lakeUrls.url} (HTTP API)`)
  if (siteEnv.SANITY_API_WRITE_TOKEN) console.log('  Scheduler: on (publishes scheduled interviews at their time)')
  if (siteEnv.NEWSLETTER_SECRET)
    console.log(
      `  Newsletter: ${siteEnv.SMTP_URL ? `mail via ${new URL(siteEnv.SMTP_URL).host}` : `no SMTP_URL, each email is written to ${siteEnv.MAIL_OUTBOX_DIR || '.data/mail'}/ as an .eml file`}`,
    )
  console.log('  Ctrl-C stops everything.')
  console.log('')

  const code = await site.exited
  if (!stopping) {
    console.error(`The site stopped (exit code ${code}); stopping the rest.`)
    await stopAll(code || 1)
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  await stopAll(1)
})
