// Runs one all-or-nothing transaction: build changes on a working set, stamp them, commit durably, announce.
import type { CommitBus, CommittedTransaction, DocumentChange } from '../commits.ts'
import { LakeError, transactionError } from '../http/errors.ts'
import type { Store } from '../store/store.ts'
import { randomId } from './identifiers.ts'
import { assertReferencesKept } from './reference-integrity.ts'
import { stampSystemFields } from './system-fields.ts'
import { WorkingSet } from './working-set.ts'
import type { WriteLock } from './write-lock.ts'

/** A failure of one mutation/action in a transaction; becomes an item of Sanity's mutationError/actionError. */
export class TransactionItemError extends Error {
  readonly index: number
  readonly statusCode: number
  readonly type: string
  readonly id: string | undefined

  constructor(index: number, statusCode: number, type: string, description: string, id?: string) {
    super(description)
    this.index = index
    this.statusCode = statusCode
    this.type = type
    this.id = id
  }
}

export type TransactionContext = { store: Store; commits: CommitBus; writeLock: WriteLock }

export type TransactionRun = {
  dataset: string
  kind: 'mutationError' | 'actionError'
  transactionId?: unknown
  identity: string
  dryRun: boolean
  /** Applies the transaction to the working set; returns the mutations to record (explicit ids, no queries). */
  build: (working: WorkingSet, stamp: { transactionId: string; timestamp: string }) => Promise<unknown[]> | unknown[]
}

export type TransactionOutcome = {
  transactionId: string
  timestamp: string
  changes: DocumentChange[]
  mutations: unknown[]
}

export function runTransaction(context: TransactionContext, run: TransactionRun): Promise<TransactionOutcome> {
  if (
    run.transactionId !== undefined &&
    (typeof run.transactionId !== 'string' || !/^[a-zA-Z0-9._-]{1,128}$/.test(run.transactionId))
  ) {
    return Promise.reject(
      new LakeError(
        400,
        'invalidTransactionId',
        'transactionId must be 1-128 characters of a-z, A-Z, 0-9, ".", "_" or "-"',
      ),
    )
  }
  return context.writeLock.run(async () => {
    const transactionId = (run.transactionId as string | undefined) ?? randomId()
    if (context.store.hasTransaction(run.dataset, transactionId)) {
      throw new LakeError(
        409,
        'conflict',
        `Transaction ID "${transactionId}" has already been used in dataset "${run.dataset}"`,
      )
    }
    const timestamp = new Date().toISOString()
    const working = new WorkingSet(context.store, run.dataset)
    let mutations: unknown[]
    try {
      mutations = await run.build(working, { transactionId, timestamp })
    } catch (error) {
      if (error instanceof TransactionItemError) {
        throw transactionError(error.statusCode, run.kind, [
          {
            index: error.index,
            error: { type: error.type, description: error.message, ...(error.id ? { id: error.id } : {}) },
          },
        ])
      }
      throw error
    }
    const changes = working.changes()
    assertReferencesKept(context.store, run.dataset, changes, run.kind, (id) => working.writerOf(id))
    stampSystemFields(changes, transactionId, timestamp)
    if (!run.dryRun && changes.length > 0) {
      context.store.commit(run.dataset, { transactionId, timestamp, identity: run.identity, changes, mutations })
      const committed: CommittedTransaction = {
        dataset: run.dataset,
        transactionId,
        timestamp,
        identity: run.identity,
        documents: changes,
        mutations,
      }
      context.commits.publish(committed)
    }
    return { transactionId, timestamp, changes, mutations }
  })
}
