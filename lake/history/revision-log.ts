// Reads the store's history tables: every document version (revisions) and every transaction, in commit order.
import type { DocumentChange } from '../commits.ts'
import { draftIdOf, publishedIdOf } from '../document-ids.ts'
import type { SanityDocument, Store } from '../store/store.ts'
import type { TransactionFilter } from './transaction-filter.ts'

/** One committed transaction as the history API reports it, with each reported document's before and after. */
export type LoggedTransaction = {
  seq: number
  id: string
  timestamp: string
  identity: string
  documentIds: string[]
  mutations: unknown[]
  documents: DocumentChange[]
}

type Body = string | null

const parseBody = (body: unknown) => (body === null ? null : (JSON.parse(body as string) as SanityDocument))

/** Where a document stood: at a revision, at a time (the last version written then), or its last state before any deletion. */
export type RevisionPoint = { revision: string } | { time: string } | { lastRevision: true }

/** The document at that point; null when it was deleted then; undefined when it had no version then. */
export function documentAt(
  store: Store,
  dataset: string,
  id: string,
  at: RevisionPoint,
): SanityDocument | null | undefined {
  const row =
    'revision' in at
      ? store
          .statement(
            'SELECT body FROM revisions WHERE dataset = ? AND doc_id = ? AND rev = ? ORDER BY seq DESC LIMIT 1',
          )
          .get(dataset, id, at.revision)
      : 'time' in at
        ? store
            .statement(
              'SELECT body FROM revisions WHERE dataset = ? AND doc_id = ? AND timestamp <= ? ORDER BY seq DESC LIMIT 1',
            )
            .get(dataset, id, at.time)
        : store
            .statement(
              'SELECT body FROM revisions WHERE dataset = ? AND doc_id = ? AND body IS NOT NULL ORDER BY seq DESC LIMIT 1',
            )
            .get(dataset, id)
  return row ? parseBody(row.body) : undefined
}

/** The commit position of a transaction id in a dataset, or undefined when the dataset has no such transaction. */
export function transactionSeq(store: Store, dataset: string, transactionId: string): number | undefined {
  const row = store.statement('SELECT seq FROM transactions WHERE dataset = ? AND id = ?').get(dataset, transactionId)
  return row ? Number(row.seq) : undefined
}

/**
 * Transactions of a dataset in commit order (newest first with `reverse`), narrowed by the filter; with `ids`, only
 * those that touched one of them. `identifiedOnly` reports just those documents (ids, effects) of each transaction.
 */
export function transactionLog(
  store: Store,
  dataset: string,
  ids: readonly string[] | null,
  filter: TransactionFilter,
  identifiedOnly: boolean,
): LoggedTransaction[] {
  const conditions = ['t.dataset = ?', 't.seq >= ?', 't.seq <= ?', 't.timestamp >= ?', 't.timestamp <= ?']
  const args: (string | number)[] = [dataset, filter.fromSeq, filter.toSeq, filter.fromTime, filter.toTime]
  if (filter.authors) {
    conditions.push('t.identity IN (SELECT value FROM json_each(?))')
    args.push(JSON.stringify(filter.authors))
  }
  if (ids) {
    // Through the revisions index first, so a document's log never scans the whole dataset's transactions.
    conditions.push(
      't.seq IN (SELECT seq FROM revisions WHERE dataset = ? AND doc_id IN (SELECT value FROM json_each(?)))',
    )
    args.push(dataset, JSON.stringify(ids))
  }
  const rows = store
    .statement(
      `SELECT t.seq, t.id, t.timestamp, t.identity, t.document_ids, t.mutations FROM transactions t WHERE ${conditions.join(' AND ')} ORDER BY t.seq ${filter.reverse ? 'DESC' : 'ASC'} LIMIT ?`,
    )
    .all(...args, filter.limit)
  const wanted = ids && identifiedOnly ? new Set(ids) : null
  return rows.map((row) => {
    const seq = Number(row.seq)
    const touched = (JSON.parse(row.document_ids as string) as string[]).filter((id) => !wanted || wanted.has(id))
    return {
      seq,
      id: row.id as string,
      timestamp: row.timestamp as string,
      identity: row.identity as string,
      documentIds: touched,
      mutations: JSON.parse(row.mutations as string) as unknown[],
      documents: changesAt(store, dataset, seq, touched),
    }
  })
}

/** Each document's version before and after the transaction at `seq`. */
function changesAt(store: Store, dataset: string, seq: number, ids: readonly string[]): DocumentChange[] {
  const after = store.statement('SELECT body FROM revisions WHERE dataset = ? AND doc_id = ? AND seq = ?')
  const before = store.statement(
    'SELECT body FROM revisions WHERE dataset = ? AND doc_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1',
  )
  return ids.map((id) => ({
    id,
    before: parseBody((before.get(dataset, id, seq)?.body ?? null) as Body),
    after: parseBody((after.get(dataset, id, seq)?.body ?? null) as Body),
  }))
}

/** One version of one document of a group, with the transaction that wrote it. */
export type GroupRevision = {
  seq: number
  transactionId: string
  timestamp: string
  identity: string
  documentId: string
  body: SanityDocument | null
  /** Every document the transaction touched (to find the release a publish came from). */
  transactionDocumentIds: string[]
}

/** Every version of a published id, its draft and its release versions, oldest first. */
export function groupRevisions(store: Store, dataset: string, publishedId: string): GroupRevision[] {
  const suffix = `.${publishedId}`
  return store
    .statement(
      `SELECT r.seq, r.doc_id, r.body, t.id, t.timestamp, t.identity, t.document_ids
       FROM revisions r JOIN transactions t ON t.seq = r.seq
       WHERE r.dataset = ? AND (r.doc_id = ? OR r.doc_id = ? OR (r.doc_id >= 'versions.' AND r.doc_id < 'versions/' AND substr(r.doc_id, -?) = ?))
       ORDER BY r.seq, r.doc_id`,
    )
    .all(dataset, publishedId, draftIdOf(publishedId), suffix.length, suffix)
    .map((row) => ({
      seq: Number(row.seq),
      transactionId: row.id as string,
      timestamp: row.timestamp as string,
      identity: row.identity as string,
      documentId: row.doc_id as string,
      body: parseBody(row.body),
      transactionDocumentIds: JSON.parse(row.document_ids as string) as string[],
    }))
    .filter((revision) => publishedIdOf(revision.documentId) === publishedId)
}

/** A document (e.g. a release) as a given transaction left it, or null. */
export function documentAfter(store: Store, dataset: string, id: string, seq: number): SanityDocument | null {
  const row = store
    .statement('SELECT body FROM revisions WHERE dataset = ? AND doc_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1')
    .get(dataset, id, seq)
  return row ? parseBody(row.body) : null
}
