// The newsletter's route handlers on a plain HTTP server (what the Next routes call, without a build), with the lake's
// webhook pointed at it: a publish in the lake reaches `handleNewsletterWebhook` exactly as it reaches the site.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { clientLimit, type ClientLimit } from '../../../lib/newsletter/client-limit.ts'
import { subscribeLimits } from '../../../lib/newsletter/config.ts'
import { deliverDue } from '../../../lib/newsletter/deliveries.ts'
import { startIssue } from '../../../lib/newsletter/issues.ts'
import { handleConfirmRequest, handleUnsubscribeRequest } from '../../../lib/newsletter/link-requests.ts'
import { handleNewsletterWebhook } from '../../../lib/newsletter/published-webhook.ts'
import { newsletterService, type NewsletterService } from '../../../lib/newsletter/service.ts'
import { handleSubscribeRequest } from '../../../lib/newsletter/subscribe-request.ts'
import { writeToken } from '../../site/support/test-lake.ts'

export type NewsletterSite = {
  url: string
  service: () => NewsletterService
  /** Resolves when every send started after a webhook has finished. */
  idle(): Promise<void>
  log: string[]
  close(): Promise<void>
}

export async function startNewsletterSite(env: () => Record<string, string | undefined>): Promise<NewsletterSite> {
  const log: string[] = []
  let service: NewsletterService | undefined
  const current = () => (service ??= newsletterService(env(), (line) => log.push(line)))
  // Read as the route reads it, on first use (the environment names the lake, which starts after this server).
  let limit: ClientLimit | undefined
  const limitFor = () => {
    const { subscribeLimit, subscribeWindowSeconds } = subscribeLimits(env())
    return (limit ??= clientLimit(subscribeLimit, subscribeWindowSeconds))
  }
  const sending = new Set<Promise<unknown>>()
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
    })
    const path = new URL(request.url).pathname
    let response: Response
    if (path === '/api/newsletter' && req.method === 'POST')
      response = await handleSubscribeRequest(request, { context: () => current().subscriptions, limit: limitFor() })
    else if (path === '/api/newsletter/confirm') response = await handleConfirmRequest(request, current().subscriptions)
    else if (path === '/api/newsletter/unsubscribe')
      response = await handleUnsubscribeRequest(request, current().subscriptions)
    else if (path === '/api/newsletter/published') {
      const answer = await handleNewsletterWebhook(request, {
        secret: env().SANITY_REVALIDATE_SECRET,
        startIssue: (id) => startIssue(current().issues, id),
      })
      response = answer.response
      if (answer.started) {
        const run = deliverDue(current().deliveries).catch((error: unknown) => log.push(String(error)))
        sending.add(run)
        void run.finally(() => sending.delete(run))
      }
    } else response = new Response('not found', { status: 404 })
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    service: current,
    async idle() {
      while (sending.size > 0) await Promise.all(sending)
    },
    log,
    close: () =>
      new Promise((resolve) => {
        service?.deliveries.mailer.close() // the SMTP pool's open connections would hold the test server's close
        server.close(() => resolve())
      }),
  }
}

/** The environment a newsletter site needs against a test lake (write token, secrets, where mail goes). */
export function siteEnvironment(options: {
  lakeUrl: string
  siteUrl: string
  smtpUrl: string
  webhookSecret: string
  linkSecret: string
  extra?: Record<string, string>
}): Record<string, string> {
  return {
    SANITY_API_HOST: options.lakeUrl,
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'parley',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
    NEXT_PUBLIC_SANITY_API_VERSION: '2025-02-19',
    SANITY_API_WRITE_TOKEN: writeToken,
    SANITY_REVALIDATE_SECRET: options.webhookSecret,
    NEWSLETTER_SECRET: options.linkSecret,
    SITE_URL: options.siteUrl,
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: 'Parley <news@parley.test>',
    ...options.extra,
  }
}
