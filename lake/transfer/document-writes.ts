// Commits whole documents (create / createOrReplace / createIfNotExists) as one transaction, and tells the commit bus.
import type { CommitBus, DocumentChange } from '../commits.ts'
import { LakeError, transactionError } from '../http/errors.ts'
import { randomId } from '../mutations/identifiers.ts'
import { assertReferencesKept } from '../mutations/reference-integrity.ts'
import type { SanityDocument, Store } from '../store/store.ts'

export type WriteMode = 'create' | 'createOrReplace' | 'createIfNotExists'
export type DocumentWrite = { document: SanityDocument; mode: WriteMode }

export type WriteOptions = {
  identity: string
  /**
   * Keep `_createdAt`/`_updatedAt` from the written document (an import restores content as it was);
   * otherwise they are set from the transaction time as for any mutation. `_rev` is always the transaction id.
   */
  keepTimestamps?: boolean
}

/** The store, and in a running lake its commit bus and write lock (the CLI writes to a data folder with neither). */
export type WriterContext = {
  store: Store
  commits?: CommitBus
  writeLock?: { run<T>(work: () => Promise<T> | T): Promise<T> }
}

export type WriteOutcome = {
  transactionId: string | null
  /** Every written document as stored, and for createIfNotExists on an existing id the existing document. */
  documents: SanityDocument[]
}

/**
 * All or nothing: an existing id under `create` fails the whole transaction (409, Sanity's mutationError shape)
 * before anything is written. From the first read to the commit the work is synchronous and under the lake's
 * write lock, so no other writer in this process can slip in between.
 */
export function commitDocumentWrites(
  lake: WriterContext,
  dataset: string,
  writes: readonly DocumentWrite[],
  options: WriteOptions,
): Promise<WriteOutcome> {
  // Inside a running lake every writer takes its write lock, so no mutation commits between our read and our commit.
  return lake.writeLock
    ? lake.writeLock.run(() => writeNow(lake, dataset, writes, options))
    : Promise.resolve().then(() => writeNow(lake, dataset, writes, options))
}

function writeNow(
  lake: WriterContext,
  dataset: string,
  writes: readonly DocumentWrite[],
  options: WriteOptions,
): WriteOutcome {
  const existing = lake.store.getDocuments(
    dataset,
    writes.map((write) => write.document._id),
  )
  const conflicts = writes.flatMap((write, index) =>
    write.mode === 'create' && existing.has(write.document._id)
      ? [
          {
            index,
            error: {
              type: 'documentAlreadyExistsError',
              description: `Document by ID "${write.document._id}" already exists`,
              id: write.document._id,
            },
          },
        ]
      : [],
  )
  if (conflicts.length > 0) throw transactionError(409, 'mutationError', conflicts)
  const seen = new Set<string>()
  for (const write of writes) {
    if (seen.has(write.document._id))
      throw new LakeError(400, 'mutationError', `Document "${write.document._id}" is written twice in one transaction`)
    seen.add(write.document._id)
  }

  const transactionId = randomId()
  const timestamp = new Date().toISOString()
  const changes: DocumentChange[] = []
  const documents: SanityDocument[] = []
  const mutations: unknown[] = []
  for (const { document, mode } of writes) {
    const before = existing.get(document._id) ?? null
    if (before && mode === 'createIfNotExists') {
      documents.push(before)
      continue
    }
    const createdAt =
      options.keepTimestamps && typeof document._createdAt === 'string'
        ? document._createdAt
        : ((before?._createdAt as string | undefined) ?? timestamp)
    const updatedAt =
      options.keepTimestamps && typeof document._updatedAt === 'string' ? document._updatedAt : timestamp
    const after: SanityDocument = { ...document, _createdAt: createdAt, _updatedAt: updatedAt, _rev: transactionId }
    changes.push({ id: document._id, before, after })
    documents.push(after)
    mutations.push({ [mode]: document })
  }
  if (changes.length === 0) return { transactionId: null, documents }
  // An import is held to the same strong references as any transaction: they resolve within the dataset as it ends up.
  assertReferencesKept(lake.store, dataset, changes, 'mutationError', (id) =>
    writes.findIndex((write) => write.document._id === id),
  )
  lake.store.commit(dataset, { transactionId, timestamp, identity: options.identity, changes, mutations })
  lake.commits?.publish({
    dataset,
    transactionId,
    timestamp,
    identity: options.identity,
    documents: changes,
    mutations,
  })
  return { transactionId, documents }
}
