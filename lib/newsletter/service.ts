// Wires the newsletter from the environment, once per process: its clients, mailer and the contexts its parts take.
import { hostname } from 'node:os'
import { newsletterClients } from './clients.ts'
import { newsletterConfig, type NewsletterConfig } from './config.ts'
import type { DeliveryContext } from './deliveries.ts'
import type { IssueContext } from './issues.ts'
import { mailerFor } from './mailer.ts'
import { siteTitleQuery } from './messages.ts'
import type { SubscriptionContext } from './subscriptions.ts'

export type NewsletterService = {
  config: NewsletterConfig
  subscriptions: SubscriptionContext
  issues: IssueContext
  deliveries: DeliveryContext
}

export function newsletterService(
  env: Record<string, string | undefined> = process.env,
  log: (line: string) => void = console.log,
): NewsletterService {
  const config = newsletterConfig(env)
  const clients = newsletterClients(env, config.dataset)
  const mailer = mailerFor(config, log)
  const siteTitle = async () => String(await clients.content.fetch(siteTitleQuery, {}, { perspective: 'published' }))
  const issues: IssueContext = { ...clients, config }
  return {
    config,
    subscriptions: { client: clients.newsletter, config, mailer, siteTitle },
    issues,
    deliveries: { ...issues, mailer, siteTitle, sender: `${hostname()}:${process.pid}`, log },
  }
}

let current: NewsletterService | undefined

/** The site's service (route handlers), built on first use so a build without the newsletter's settings still works. */
export function siteNewsletter(): NewsletterService {
  current ??= newsletterService()
  return current
}
