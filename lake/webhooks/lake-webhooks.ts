// Attaches webhooks to a running lake: validates the definitions, subscribes the dispatcher to committed transactions, and exposes the delivery log route.
import type { LakeContext } from '../context.ts'
import type { Route } from '../http/router.ts'
import { webhookRoutes } from '../http/routes/webhooks.ts'
import { webhookDefinitions } from './definitions.ts'
import { createWebhookDispatcher, type WebhookDispatcher } from './dispatcher.ts'
import type { RetryPolicy } from './delivery.ts'

export type WebhookOptions = {
  /** Sanity-style GROQ webhooks: {name, url, secret, filter, projection, on, includeDrafts, dataset, headers}. */
  webhooks?: readonly unknown[]
  /** Overrides of the retry policy (attempts, initialDelayMs, maxDelayMs, timeoutMs). */
  webhookRetry?: Partial<RetryPolicy>
  /** Where finished deliveries are reported (the CLI prints them); default: nowhere. */
  webhookReport?: (line: string) => void
}

export function webhookSupport(
  context: LakeContext,
  options: WebhookOptions,
): { routes: Route[]; dispatcher: WebhookDispatcher; close(): Promise<void> } {
  const definitions = webhookDefinitions(options.webhooks ?? [], 'the webhooks option')
  const dispatcher = createWebhookDispatcher({
    definitions,
    db: context.store.db,
    projectId: context.projectId,
    getDocument: (dataset, id) => context.store.getDocument(dataset, id),
    retryPolicy: options.webhookRetry,
    report: options.webhookReport,
  })
  const unsubscribe = context.commits.onCommit((transaction) => dispatcher.dispatch(transaction))
  return {
    routes: webhookRoutes(dispatcher),
    dispatcher,
    async close() {
      unsubscribe()
      await dispatcher.close()
    },
  }
}
