// What one listener asked for, and the mutation events a committed transaction produces for it.
import { evaluate, type ExprNode } from 'groq-js'
import type { CommittedTransaction } from '../commits.ts'
import type { Access } from '../http/access.ts'
import { isVisibleTo } from '../query/perspectives.ts'
import { isVersionId } from '../document-ids.ts'
import { replaceEffect } from './mendoza.ts'

export type Subscription = {
  tree: ExprNode
  params: Record<string, unknown>
  access: Access
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  includeAllVersions: boolean
  mendozaEffects: boolean
}

export type MutationEvent = Record<string, unknown> & { eventId: string }

/** Whether the listener's query (e.g. `*[_type == "post"]`) selects this document. */
async function matches(subscription: Subscription, doc: Record<string, unknown> | null): Promise<boolean> {
  if (!doc) return false
  const id = String(doc._id)
  if (!isVisibleTo(subscription.access, id)) return false
  if (isVersionId(id) && !subscription.includeAllVersions) return false
  const value = await (
    await evaluate(subscription.tree, {
      dataset: [doc],
      params: subscription.params,
      identity: subscription.access.identity,
    })
  ).get()
  return Array.isArray(value) ? value.length > 0 : Boolean(value)
}

function mutationsFor(mutations: unknown[], id: string): unknown[] {
  return mutations.filter((mutation) => {
    const [body] = Object.values(mutation as Record<string, { _id?: string; id?: string }>)
    return body?._id === id || body?.id === id
  })
}

export async function eventsFor(
  subscription: Subscription,
  transaction: CommittedTransaction,
): Promise<MutationEvent[]> {
  const selected: {
    id: string
    before: Record<string, unknown> | null
    after: Record<string, unknown> | null
    wasIn: boolean
    isIn: boolean
  }[] = []
  for (const change of transaction.documents) {
    const wasIn = await matches(subscription, change.before)
    const isIn = await matches(subscription, change.after)
    if (wasIn || isIn) selected.push({ ...change, wasIn, isIn })
  }
  return selected.map((change, index) => {
    const event: MutationEvent = {
      eventId: `${transaction.transactionId}#${change.id}`,
      documentId: change.id,
      transactionId: transaction.transactionId,
      identity: transaction.identity,
      timestamp: transaction.timestamp,
      previousRev: change.before?._rev,
      resultRev: change.after?._rev ?? transaction.transactionId,
      transition: change.wasIn && change.isIn ? 'update' : change.isIn ? 'appear' : 'disappear',
      visibility: 'query',
      transactionTotalEvents: selected.length,
      transactionCurrentEvent: index + 1,
    }
    if (subscription.includeMutations) event.mutations = mutationsFor(transaction.mutations, change.id)
    // Never a missing effect: the Studio's timeline and document observers read `effects.apply` on every event.
    if (subscription.mendozaEffects) event.effects = replaceEffect(change.before, change.after)
    if (subscription.includeResult && change.isIn) event.result = change.after
    if (subscription.includePreviousRevision && change.before) event.previous = change.before
    return event
  })
}
