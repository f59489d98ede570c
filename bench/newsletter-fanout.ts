// `node bench/newsletter-fanout.ts [subscribers]`: time from an interview's go-live (the publish in the lake) to the last
// of N subscribers' emails accepted by a real SMTP server (smtp-server on a free port), through the lake's signed webhook
// and the site's newsletter handlers, every message claimed and logged in the store. Baseline in the same run: the same N
// messages sent straight through one nodemailer pool to the same server, with no store at all.
// Writes bench/results/newsletter-fanout.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import nodemailer from 'nodemailer'
import { interviewMessage } from '../lib/newsletter/messages.ts'
import { newsletterWebhook } from '../lib/newsletter/published-webhook.ts'
import {
  siteEnvironment,
  startNewsletterSite,
  type NewsletterSite,
} from '../tests/newsletter/support/newsletter-site.ts'
import { draftInterview, publish } from '../tests/newsletter/support/interviews.ts'
import { startSmtpSink } from '../tests/newsletter/support/smtp-sink.ts'
import { addConfirmedSubscribers } from '../tests/newsletter/support/subscribers.ts'
import { seedSampleContent } from '../tests/site/support/sample-content.ts'
import { startTestLake, type TestLake } from '../tests/site/support/test-lake.ts'

const count = Number(process.argv[2] ?? 1000)
const webhookSecret = 'bench-webhook-secret'
const linkSecret = 'bench-link-secret'
const emails = Array.from({ length: count }, (_, i) => `reader-${i}@example.com`)

const smtp = await startSmtpSink()
let lake: TestLake | undefined
const site: NewsletterSite = await startNewsletterSite(() =>
  siteEnvironment({ lakeUrl: lake!.url, siteUrl: site.url, smtpUrl: smtp.url, webhookSecret, linkSecret }),
)
lake = await startTestLake({ webhooks: [newsletterWebhook(site.url, webhookSecret)] })

try {
  await lake.editor.datasets.create('newsletter')
  await seedSampleContent(lake.editor)
  await lake.webhooks.idle()

  // Baseline: the same number of messages of the same shape, straight to the server through one pool.
  const pool = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    pool: true,
    maxConnections: 5,
    maxMessages: 500,
  })
  const baselineStart = performance.now()
  await Promise.all(
    emails.map((to, i) =>
      pool.sendMail(
        interviewMessage({
          from: 'bench@parley.test',
          to,
          siteTitle: 'Parley',
          siteUrl: site.url,
          interview: {
            _id: 'baseline',
            title: 'Baseline',
            slug: 'baseline',
            standfirst: 'A baseline message.',
            speaker: { name: 'Ada' },
          },
          unsubscribeUrl: `${site.url}/api/newsletter/unsubscribe?token=baseline-${i}`,
          messageId: `<baseline-${i}@parley.test>`,
        }),
      ),
    ),
  )
  const baselineMs = performance.now() - baselineStart
  pool.close()

  await addConfirmedSubscribers(site.service().subscriptions.client, linkSecret, emails)
  const interview = await draftInterview(lake.editor, 'Fanout')
  const goLive = Date.now()
  await publish(lake.editor, interview.id)
  const received = await smtp.waitFor(count, 300_000, (m) => m.subject === interview.title)
  const last = Math.max(...received.map((m) => m.acceptedAt)) - goLive
  const first = Math.min(...received.map((m) => m.acceptedAt)) - goLive
  await site.idle()
  const distinct = new Set(received.map((m) => m.to)).size

  console.log(`subscribers: ${count}; emails received: ${received.length} (${distinct} distinct addresses)`)
  console.log(`baseline, ${count} messages straight through one nodemailer pool: ${(baselineMs / 1000).toFixed(2)} s`)
  console.log(`go-live → first email accepted: ${(first / 1000).toFixed(2)} s`)
  console.log(
    `go-live → last of ${count} emails accepted: ${(last / 1000).toFixed(2)} s (${(last / baselineMs).toFixed(2)}x the baseline)`,
  )
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/newsletter-fanout.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        count,
        baselineMs,
        firstMs: first,
        lastMs: last,
        received: received.length,
        distinct,
      },
      null,
      2,
    ),
  )
} finally {
  await lake.close()
  await site.close()
  await smtp.close()
}
