// Positions in the transaction log as live event ids, and the changes since a position (for `Last-Event-ID` resume).
import type { DocumentChange } from '../commits.ts'
import type { Store } from '../store/store.ts'

/** A point in the log: the `seq` of the last transaction seen, with its id so a reset data folder is noticed. */
export type Position = { seq: number; transactionId: string }

export const START: Position = { seq: 0, transactionId: '' }

/** Opaque to clients, like Sanity's (base64 of `seq|transaction`). */
export function encodePosition(position: Position): string {
  return Buffer.from(`${position.seq}|${position.transactionId}`).toString('base64url')
}

export function decodePosition(eventId: string): Position | null {
  const match = /^(\d+)\|(.*)$/s.exec(Buffer.from(eventId, 'base64url').toString('utf8'))
  if (!match) return null
  return { seq: Number(match[1]), transactionId: match[2] as string }
}

/** The newest transaction of the whole log (seq numbers are shared by every dataset). */
export function currentPosition(store: Store): Position {
  const row = store.statement('SELECT seq, id FROM transactions ORDER BY seq DESC LIMIT 1').get()
  return row ? { seq: Number(row.seq), transactionId: row.id as string } : START
}

export function positionOf(store: Store, dataset: string, transactionId: string): Position | null {
  const row = store.statement('SELECT seq FROM transactions WHERE dataset = ? AND id = ?').get(dataset, transactionId)
  return row ? { seq: Number(row.seq), transactionId } : null
}

/** Whether the log still holds this position (a data folder replaced since is a different log). */
export function isKnownPosition(store: Store, position: Position): boolean {
  if (position.seq === 0) return position.transactionId === ''
  const row = store.statement('SELECT id FROM transactions WHERE seq = ?').get(position.seq)
  return row?.id === position.transactionId
}

export type LoggedTransaction = { position: Position; changes: DocumentChange[] }

/**
 * The dataset's transactions after `position`, each document with only its `_type` before and after (all
 * that sync tags need); null when there are more than `limit` (the reader had better start over).
 */
export function transactionsSince(
  store: Store,
  dataset: string,
  position: Position,
  limit: number,
): LoggedTransaction[] | null {
  const rows = store
    .statement('SELECT seq, id, document_ids FROM transactions WHERE dataset = ? AND seq > ? ORDER BY seq LIMIT ?')
    .all(dataset, position.seq, limit + 1)
  if (rows.length > limit) return null
  const typeAt = store.statement(
    `SELECT json_extract(body, '$._type') AS type FROM revisions
     WHERE dataset = ? AND doc_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1`,
  )
  const versionOf = (id: string, seq: number) => {
    const row = typeAt.get(dataset, id, seq)
    return typeof row?.type === 'string' ? { _type: row.type } : null
  }
  return rows.map((row) => {
    const seq = Number(row.seq)
    const ids = JSON.parse(row.document_ids as string) as string[]
    return {
      position: { seq, transactionId: row.id as string },
      changes: ids.map((id) => ({ id, before: versionOf(id, seq - 1), after: versionOf(id, seq) })),
    }
  })
}
