// Runs webhooks after each committed transaction: selects payloads per changed document, signs and delivers them in the background (bounded concurrency), and logs every attempt — never in the way of the mutation itself.
import type { DatabaseSync } from 'node:sqlite'
import type { WebhookDefinition } from './definitions.ts'
import { DeliveryLog } from './delivery-log.ts'
import { DEFAULT_RETRY_POLICY, deliverWithRetries, type RetryPolicy } from './delivery.ts'
import { compileWebhook, selectPayload, type CompiledWebhook, type DocumentChange } from './selection.ts'
import { SIGNATURE_HEADER, webhookSignature } from './signature.ts'

export type CommittedChanges = {
  dataset: string
  transactionId: string
  timestamp: string
  identity: string
  documents: DocumentChange[]
}

export type WebhookDispatcher = {
  deliveries: DeliveryLog
  definitions: readonly WebhookDefinition[]
  /** Handles one committed transaction (register it with the lake's onCommit). */
  dispatch(transaction: CommittedChanges): Promise<void>
  /** Resolves when no delivery is queued or in flight (tests, shutdown). */
  idle(): Promise<void>
  close(): Promise<void>
}

const MAX_CONCURRENT_DELIVERIES = 8

export function createWebhookDispatcher(options: {
  definitions: readonly WebhookDefinition[]
  db: DatabaseSync
  projectId: string
  getDocument: (dataset: string, id: string) => Record<string, unknown> | null
  retryPolicy?: Partial<RetryPolicy>
  /** One line per finished delivery, for the CLI's output. */
  report?: (line: string) => void
}): WebhookDispatcher {
  const deliveries = new DeliveryLog(options.db)
  const webhooks: CompiledWebhook[] = options.definitions.map(compileWebhook)
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy }
  const stopping = new AbortController()
  const queue: (() => Promise<void>)[] = []
  let running = 0
  let idleWaiters: (() => void)[] = []

  const settleIfIdle = () => {
    if (running === 0 && queue.length === 0) {
      for (const resolve of idleWaiters) resolve()
      idleWaiters = []
    }
  }
  const pump = () => {
    while (running < MAX_CONCURRENT_DELIVERIES && queue.length > 0) {
      const job = queue.shift() as () => Promise<void>
      running++
      job()
        .catch((error: unknown) => console.error('[lake] webhook delivery failed unexpectedly', error))
        .finally(() => {
          running--
          pump()
          settleIfIdle()
        })
    }
  }

  async function deliver(webhook: WebhookDefinition, transaction: CommittedChanges, documentId: string, operation: string, body: unknown): Promise<void> {
    const id = `${webhook.name}:${transaction.dataset}:${transaction.transactionId}:${documentId}`
    const payload = JSON.stringify(body ?? null)
    deliveries.start({
      id,
      webhook: webhook.name,
      url: webhook.url,
      dataset: transaction.dataset,
      documentId,
      transactionId: transaction.transactionId,
      operation,
      createdAt: new Date().toISOString(),
    })
    const buildRequest = () => {
      const headers: Record<string, string> = {
        ...webhook.headers,
        'content-type': 'application/json',
        'user-agent': 'Sanity.io webhook delivery (Parley local Content Lake)',
        'sanity-operation': operation,
        'sanity-document-id': documentId,
        'sanity-transaction-id': transaction.transactionId,
        'sanity-transaction-time': transaction.timestamp,
        'sanity-dataset': transaction.dataset,
        'sanity-project-id': options.projectId,
        'sanity-webhook-id': webhook.name,
        'idempotency-key': id,
      }
      if (webhook.secret) headers[SIGNATURE_HEADER] = webhookSignature(webhook.secret, payload, Date.now())
      return { url: webhook.url, headers, body: payload }
    }
    let last = ''
    const delivered = await deliverWithRetries(
      buildRequest,
      policy,
      (attempt) => {
        last = attempt.error ?? `${attempt.statusCode}`
        deliveries.recordAttempt(id, attempt)
      },
      stopping.signal,
    )
    deliveries.finish(id, delivered ? 'delivered' : 'failed', new Date().toISOString())
    options.report?.(`[lake] webhook ${webhook.name} ${operation} ${documentId} → ${delivered ? 'delivered' : `FAILED (${last})`} (${webhook.url})`)
  }

  return {
    deliveries,
    definitions: options.definitions,
    async dispatch(transaction) {
      if (stopping.signal.aborted || webhooks.length === 0) return
      const context = {
        dataset: transaction.dataset,
        projectId: options.projectId,
        transactionTime: transaction.timestamp,
        identity: transaction.identity,
        dereference: ({ _ref }: { _ref: string }) => options.getDocument(transaction.dataset, _ref),
      }
      for (const change of transaction.documents) {
        for (const webhook of webhooks) {
          let payload
          try {
            payload = await selectPayload(webhook, change, context)
          } catch (error) {
            // A filter that fails on one document (e.g. a type error) skips that delivery and says why.
            options.report?.(`[lake] webhook ${webhook.definition.name} skipped ${change.id}: ${(error as Error).message}`)
            continue
          }
          if (!payload) continue
          const { operation, documentId, body } = payload
          queue.push(() => deliver(webhook.definition, transaction, documentId, operation, body))
        }
      }
      pump()
    },
    idle() {
      if (running === 0 && queue.length === 0) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    async close() {
      stopping.abort()
      queue.length = 0
      settleIfIdle()
      await this.idle()
    },
  }
}
