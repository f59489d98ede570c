// Decides, for one changed document, whether a webhook fires and what it sends: the operation, the filter and the projection evaluated with groq-js, with before()/after() and delta:: bound to the change.
import { isDraftId, isVersionId } from '../document-ids.ts'
import { evaluate, parse, type ExprNode } from 'groq-js'
import type { WebhookDefinition, WebhookOperation } from './definitions.ts'

type Doc = Record<string, unknown>

export type DocumentChange = { id: string; before: Doc | null; after: Doc | null }

export type WebhookPayload = { operation: WebhookOperation; documentId: string; body: unknown }

export function operationOf(change: DocumentChange): WebhookOperation | null {
  if (change.before && change.after) return 'update'
  if (change.after) return 'create'
  if (change.before) return 'delete'
  return null
}

/** Drafts (`drafts.…`) and release versions (`versions.…`) are not sent unless the webhook includes drafts. */
export function isDraftLike(id: string): boolean {
  return isDraftId(id) || isVersionId(id)
}

/** Parsed filter and projection, compiled once per definition. */
export type CompiledWebhook = { definition: WebhookDefinition; filter: ExprNode | null; projection: ExprNode | null }

export function compileWebhook(definition: WebhookDefinition): CompiledWebhook {
  return {
    definition,
    // A filter is an expression evaluated with the document as `@`, like the body of `*[…]`.
    filter: definition.filter ? parse(definition.filter, { mode: 'delta' }) : null,
    projection: definition.projection ? parse(definition.projection, { mode: 'delta' }) : null,
  }
}

export type SelectionContext = {
  dataset: string
  projectId: string
  transactionTime: string
  identity: string
  /** Resolves `->` in filters and projections against the dataset as committed. */
  dereference: (ref: { _ref: string }) => Doc | null
}

/**
 * The payload this webhook sends for this change, or null when it does not fire (other dataset,
 * operation not subscribed, a draft, or the filter does not match).
 */
export async function selectPayload(
  webhook: CompiledWebhook,
  change: DocumentChange,
  context: SelectionContext,
): Promise<WebhookPayload | null> {
  const { definition } = webhook
  if (definition.dataset !== '*' && definition.dataset !== context.dataset) return null
  const operation = operationOf(change)
  if (!operation || !definition.on.includes(operation)) return null
  if (!definition.includeDrafts && isDraftLike(change.id)) return null
  // The document the expressions see: as it is now, or as it was for a delete (as Sanity does).
  const document = (change.after ?? change.before) as Doc
  const options = {
    root: document,
    dataset: [document],
    before: change.before ?? undefined,
    after: change.after ?? undefined,
    timestamp: new Date(context.transactionTime),
    identity: context.identity,
    sanity: { projectId: context.projectId, dataset: context.dataset },
    dereference: context.dereference,
  }
  if (webhook.filter) {
    const matched = await (await evaluate(webhook.filter, options)).get()
    if (matched !== true) return null
  }
  const body = webhook.projection ? await (await evaluate(webhook.projection, options)).get() : document
  return { operation, documentId: change.id, body }
}
