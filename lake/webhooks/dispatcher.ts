// Runs webhooks after each committed transaction: selects payloads per changed document, signs and delivers them in the background, retrying with backoff, and logs every attempt — never in the way of the mutation itself.
import type { DatabaseSync } from 'node:sqlite'
import type { WebhookDefinition } from './definitions.ts'
import { DeliveryLog } from './delivery-log.ts'
import { DEFAULT_RETRY_POLICY, attemptOnce, isRetryable, retryDelayMs, type RetryPolicy } from './delivery.ts'
import { createDeliveryQueue } from './delivery-queue.ts'
import { compileWebhook, selectPayload, type CompiledWebhook, type DocumentChange } from './selection.ts'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'

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

/** Attempts in flight at once, in all and per webhook (so a hanging target leaves slots for the others). */
const CONCURRENCY = { total: 8, perKey: 4 }

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
  const queue = createDeliveryQueue(CONCURRENCY)

  type DeliveryTarget = {
    id: string
    dataset: string
    documentId: string
    transactionId: string
    transactionTime: string
    operation: string
  }

  /** Queues a new delivery: logged (with its body) before the first attempt. */
  function enqueue(
    webhook: WebhookDefinition,
    transaction: CommittedChanges,
    documentId: string,
    operation: string,
    body: unknown,
  ): void {
    const target = {
      id: `${webhook.name}:${transaction.dataset}:${transaction.transactionId}:${documentId}`,
      dataset: transaction.dataset,
      documentId,
      transactionId: transaction.transactionId,
      transactionTime: transaction.timestamp,
      operation,
    }
    const payload = JSON.stringify(body ?? null)
    deliveries.start(
      { ...target, webhook: webhook.name, url: webhook.url, createdAt: new Date().toISOString() },
      payload,
    )
    queue.push(webhook.name, () => attempt(webhook, target, payload, 1))
  }

  /** One attempt; on a retryable failure the next one is queued after the backoff delay. */
  async function attempt(
    webhook: WebhookDefinition,
    target: DeliveryTarget,
    payload: string,
    number: number,
  ): Promise<void> {
    const headers: Record<string, string> = {
      ...webhook.headers,
      'content-type': 'application/json',
      'user-agent': 'Sanity.io webhook delivery (Parley local Content Lake)',
      'sanity-operation': target.operation,
      'sanity-document-id': target.documentId,
      'sanity-transaction-id': target.transactionId,
      'sanity-transaction-time': target.transactionTime,
      'sanity-dataset': target.dataset,
      'sanity-project-id': options.projectId,
      'sanity-webhook-id': webhook.name,
      'idempotency-key': target.id,
    }
    // Signed per attempt, so every attempt carries a fresh timestamp.
    if (webhook.secret)
      headers[SIGNATURE_HEADER_NAME] = await encodeSignatureHeader(payload, Date.now(), webhook.secret)
    const result = await attemptOnce(
      { url: webhook.url, headers, body: payload },
      number,
      policy.timeoutMs,
      stopping.signal,
    )
    // Stopped mid-attempt: the delivery stays pending (with its body) for the next start.
    if (stopping.signal.aborted) return
    deliveries.recordAttempt(target.id, result)
    if (result.error === null || !isRetryable(result) || number >= policy.attempts) {
      const delivered = result.error === null
      deliveries.finish(target.id, delivered ? 'delivered' : 'failed', new Date().toISOString())
      options.report?.(
        `[lake] webhook ${webhook.name} ${target.operation} ${target.documentId} → ${delivered ? 'delivered' : `FAILED after ${number} attempt(s): ${result.error}`} (${webhook.url})`,
      )
      return
    }
    queue.push(webhook.name, () => attempt(webhook, target, payload, number + 1), retryDelayMs(policy, number))
  }

  // Deliveries a previous run left unfinished go out again, counting the attempts already made.
  for (const unfinished of deliveries.unfinished()) {
    const webhook = options.definitions.find((definition) => definition.name === unfinished.webhook)
    if (!webhook) {
      deliveries.finish(unfinished.id, 'failed', new Date().toISOString())
      continue
    }
    const target = { ...unfinished, transactionTime: unfinished.createdAt }
    queue.push(webhook.name, () => attempt(webhook, target, unfinished.body, unfinished.attempts.length + 1))
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
            options.report?.(
              `[lake] webhook ${webhook.definition.name} skipped ${change.id}: ${(error as Error).message}`,
            )
            continue
          }
          if (!payload) continue
          enqueue(webhook.definition, transaction, payload.documentId, payload.operation, payload.body)
        }
      }
    },
    idle: () => queue.idle(),
    async close() {
      stopping.abort()
      await queue.close()
    },
  }
}
