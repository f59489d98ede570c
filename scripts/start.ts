// `npm start` (and `npm run dev`): the lake with the sample content, the Studio, a production build of the site if
// needed, and the site itself; prints the URLs and stops everything on Ctrl-C or SIGTERM.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startNewsletterSender } from '../lib/newsletter/sender.ts'
import { newsletterService } from '../lib/newsletter/service.ts'
import { startScheduler } from '../lib/scheduling/scheduler.ts'
import { createWriteClient } from '../lib/scheduling/write-client.ts'
import { loadEnvironment, otherLakeAddress, type Environment } from './environment.ts'
import { startEmbeddedLake } from './start/embedded-lake.ts'
import { buildIfStale } from './start/site-build.ts'
import { startServer, type Server } from './start/processes.ts'
import { stopOnSignals } from './start/shutdown.ts'

const root = resolve(import.meta.dirname, '..')
const dev = parseArgs({ options: { dev: { type: 'boolean', default: false } } }).values.dev
const nextBin = resolve(root, 'node_modules/next/dist/bin/next')
const { env, embeddedLake } = loadEnvironment(root)
const port = Number(env.PORT || 3000)
const siteUrl = `http://localhost:${port}`

const { running, stopAll, stopping } = stopOnSignals()

async function main(): Promise<void> {
  let siteEnv: Environment = { ...env }
  let lakeUrls: { url: string; studioUrl: string | null } | undefined
  if (embeddedLake) {
    const conflict = otherLakeAddress(siteEnv)
    if (conflict) throw new Error(conflict)
    const lake = await startEmbeddedLake(root, siteEnv, `http://127.0.0.1:${port}`)
    running.push({ name: 'the lake', stop: () => lake.close() })
    lakeUrls = lake
    siteEnv.SANITY_API_HOST = lakeUrls.url
  }

  let site: Server
  if (dev) {
    site = startServer(process.execPath, [nextBin, 'dev', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: siteEnv,
    })
  } else {
    siteEnv = await buildIfStale(root, siteEnv)
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
  if (!stopping()) {
    console.error(`The site stopped (exit code ${code}); stopping the rest.`)
    await stopAll(code || 1)
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  await stopAll(1)
})
