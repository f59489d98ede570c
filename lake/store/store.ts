// The document store: reads documents and commits whole transactions (documents, index, history) atomically.
import type { AclMode } from '../http/access.ts'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { DocumentChange } from '../commits.ts'
import { docIndexTable, openDatabase, type Durability } from './database.ts'
import { INDEX_VERSION, indexEntriesOf, isIndexRow, type IndexEntry } from './indexed-values.ts'

const MAX_CACHED_STATEMENTS = 500

export type SanityDocument = { _id: string; _type?: string; _rev?: string; [key: string]: unknown }

/** What the store writes for one transaction; `changes` hold each touched document's before and after. */
export type TransactionRecord = {
  transactionId: string
  timestamp: string
  identity: string
  changes: DocumentChange[]
  mutations: unknown[]
}

const PARSED_CACHE_SIZE = 20_000

const typeOf = (doc: Record<string, unknown> | null) => (doc && typeof doc._type === 'string' ? doc._type : '')

export class Store {
  readonly db: DatabaseSync
  #statements = new Map<string, StatementSync>()
  #datasets = new Set<string>()
  /** Parsed bodies of recently read documents (insertion-ordered Map used as a FIFO cache). */
  #parsed = new Map<string, SanityDocument>()
  #dataVersion = -1

  constructor(dataDir: string, durability: Durability = 'normal') {
    this.db = openDatabase(dataDir, durability)
    for (const row of this.db.prepare('SELECT name FROM datasets').all()) this.#datasets.add(row.name as string)
    this.#upgradeIndex()
  }

  /** A file written before INDEX_VERSION holds index rows and stats of another shape: rebuild both from the bodies. */
  #upgradeIndex(): void {
    const version = () => Number(this.db.prepare('PRAGMA user_version').get()?.user_version)
    if (version() >= INDEX_VERSION) return
    this.db.exec('BEGIN IMMEDIATE')
    try {
      // Another process opening the same file may have rebuilt it while this one waited for the lock.
      if (version() < INDEX_VERSION) {
        // Made again rather than emptied: the table's definition may have changed too (version 3).
        this.db.exec(`DROP TABLE doc_index; ${docIndexTable} DELETE FROM path_stats`)
        const stats = new Map<string, Map<string, number>>()
        for (const row of this.db.prepare('SELECT dataset, id, body FROM documents').iterate()) {
          const dataset = row.dataset as string
          if (!stats.has(dataset)) stats.set(dataset, new Map())
          this.#reindex(dataset, row.id as string, null, JSON.parse(row.body as string), stats.get(dataset)!)
        }
        for (const [dataset, counts] of stats) this.#writeStats(dataset, counts)
        this.db.exec(`PRAGMA user_version = ${INDEX_VERSION}`)
      }
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
  }

  /**
   * Prepared statements, cached by their SQL text, the most recently used kept: the planner's shapes are few, but a
   * list of ids or values makes one text per length, and readers choose those.
   */
  statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement) {
      this.#statements.delete(sql)
    } else {
      statement = this.db.prepare(sql)
      if (this.#statements.size >= MAX_CACHED_STATEMENTS)
        this.#statements.delete(this.#statements.keys().next().value as string)
    }
    this.#statements.set(sql, statement)
    return statement
  }

  /**
   * Whether the dataset exists. The cached names miss a dataset that another process created in the same
   * data folder (`npm run lake -- import` beside a running lake), so an unknown name is looked up in the table.
   */
  hasDataset(name: string): boolean {
    if (this.#datasets.has(name)) return true
    if (this.statement('SELECT 1 AS found FROM datasets WHERE name = ?').get(name) === undefined) return false
    this.#datasets.add(name)
    return true
  }

  /** Read from the table, not the cache, for the same reason as `hasDataset`; the list is short. */
  listDatasets(): string[] {
    return this.statement('SELECT name FROM datasets ORDER BY name')
      .all()
      .map((row) => row.name as string)
  }

  /** Creates an empty dataset; false when it already exists. */
  createDataset(name: string, aclMode: AclMode = 'public'): boolean {
    const { changes } = this.statement(
      'INSERT OR IGNORE INTO datasets (name, created_at, acl_mode) VALUES (?, ?, ?)',
    ).run(name, new Date().toISOString(), aclMode)
    this.#datasets.add(name)
    return Number(changes) > 0
  }

  /** `private` hides every document from anonymous requests. Read from the table: another process may change it. */
  datasetAclMode(name: string): AclMode {
    const row = this.statement('SELECT acl_mode FROM datasets WHERE name = ?').get(name)
    return row?.acl_mode === 'private' ? 'private' : 'public'
  }

  /** False when the dataset does not exist. */
  setDatasetAclMode(name: string, aclMode: AclMode): boolean {
    return Number(this.statement('UPDATE datasets SET acl_mode = ? WHERE name = ?').run(aclMode, name).changes) > 0
  }

  /** Removes a dataset with its documents, index, history and statistics, in one SQLite transaction; false when absent. */
  deleteDataset(name: string): boolean {
    if (!this.hasDataset(name)) return false
    this.db.exec('BEGIN IMMEDIATE')
    try {
      for (const table of ['documents', 'doc_index', 'path_stats', 'revisions', 'transactions'])
        this.statement(`DELETE FROM ${table} WHERE dataset = ?`).run(name)
      this.statement('DELETE FROM datasets WHERE name = ?').run(name)
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
    this.#datasets.delete(name)
    for (const key of this.#parsed.keys()) if (key.startsWith(`${name}\u0000`)) this.#parsed.delete(key)
    return true
  }

  getDocument(dataset: string, id: string): SanityDocument | null {
    const row = this.statement('SELECT body FROM documents WHERE dataset = ? AND id = ?').get(dataset, id)
    return row ? (JSON.parse(row.body as string) as SanityDocument) : null
  }

  /** Loads documents by id; missing ids are simply absent from the map. One statement for any number of ids. */
  getDocuments(dataset: string, ids: readonly string[]): Map<string, SanityDocument> {
    const found = new Map<string, SanityDocument>()
    if (ids.length === 0) return found
    const rows = this.statement(
      'SELECT id, body FROM documents WHERE dataset = ? AND id IN (SELECT value FROM json_each(?))',
    ).all(dataset, JSON.stringify(ids))
    for (const row of rows) found.set(row.id as string, JSON.parse(row.body as string))
    return found
  }

  /**
   * Documents for query evaluation, from a cache of parsed bodies (invalidated by every commit that touches
   * them). The objects are shared: callers must treat them as read-only (groq-js and the perspective overlay do).
   */
  readDocuments(dataset: string, ids: readonly string[]): Map<string, SanityDocument> {
    this.#noticeOtherWriters()
    const found = new Map<string, SanityDocument>()
    const missing: string[] = []
    for (const id of ids) {
      const cached = this.#parsed.get(`${dataset}\u0000${id}`)
      if (cached) found.set(id, cached)
      else missing.push(id)
    }
    if (missing.length > 0) {
      for (const [id, doc] of this.getDocuments(dataset, missing)) {
        found.set(id, doc)
        this.#remember(dataset, id, doc)
      }
    }
    return found
  }

  /**
   * Another process (e.g. `npm run lake -- import` beside a running lake) may write to the same file;
   * SQLite's data_version changes exactly then, and the parsed bodies cached here may be stale: drop them.
   */
  #noticeOtherWriters(): void {
    const version = Number(this.statement('PRAGMA data_version').get()?.data_version)
    if (version === this.#dataVersion) return
    this.#dataVersion = version
    this.#parsed.clear()
  }

  readDocument(dataset: string, id: string): SanityDocument | null {
    return this.readDocuments(dataset, [id]).get(id) ?? null
  }

  #remember(dataset: string, id: string, doc: SanityDocument): void {
    this.#parsed.set(`${dataset}\u0000${id}`, doc)
    if (this.#parsed.size > PARSED_CACHE_SIZE) this.#parsed.delete(this.#parsed.keys().next().value as string)
  }

  /** Every document of a dataset, in id order (the full scan the planner must agree with). */
  allDocuments(dataset: string): SanityDocument[] {
    return this.statement('SELECT body FROM documents WHERE dataset = ? ORDER BY id')
      .all(dataset)
      .map((row) => JSON.parse(row.body as string))
  }

  /** Runs SQL that selects one number `n` (a count). */
  selectCount(sql: string, args: readonly (string | number | null)[]): number {
    return Number(this.statement(sql).get(...args)?.n ?? 0)
  }

  /** Runs SQL that selects an `id` column and returns the ids. */
  selectIds(sql: string, args: readonly (string | number | null)[]): string[] {
    return this.statement(sql)
      .all(...args)
      .map((row) => row.id as string)
  }

  hasTransaction(dataset: string, transactionId: string): boolean {
    return (
      this.statement('SELECT 1 AS found FROM transactions WHERE dataset = ? AND id = ?').get(dataset, transactionId) !==
      undefined
    )
  }

  /** Writes a transaction in one SQLite transaction: documents, index rows, stats, revisions, log. */
  commit(dataset: string, record: TransactionRecord): void {
    for (const change of record.changes) this.#parsed.delete(`${dataset}\u0000${change.id}`)
    this.db.exec('BEGIN IMMEDIATE')
    try {
      if (!this.#datasets.has(dataset)) {
        this.statement('INSERT OR IGNORE INTO datasets (name, created_at) VALUES (?, ?)').run(dataset, record.timestamp)
      }
      const { lastInsertRowid } = this.statement(
        'INSERT INTO transactions (dataset, id, timestamp, identity, document_ids, mutations) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        dataset,
        record.transactionId,
        record.timestamp,
        record.identity,
        JSON.stringify(record.changes.map((c) => c.id)),
        JSON.stringify(record.mutations),
      )
      const stats = new Map<string, number>()
      for (const change of record.changes) this.#writeChange(dataset, Number(lastInsertRowid), record, change, stats)
      this.#writeStats(dataset, stats)
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
    this.#datasets.add(dataset)
  }

  #writeChange(
    dataset: string,
    seq: number,
    record: TransactionRecord,
    change: DocumentChange,
    stats: Map<string, number>,
  ): void {
    const { id, before, after } = change
    if (after) {
      this.statement(
        'INSERT INTO documents (dataset, id, rev, body) VALUES (?, ?, ?, ?) ON CONFLICT (dataset, id) DO UPDATE SET rev = excluded.rev, body = excluded.body',
      ).run(dataset, id, String(after._rev ?? record.transactionId), JSON.stringify(after))
    } else {
      this.statement('DELETE FROM documents WHERE dataset = ? AND id = ?').run(dataset, id)
    }
    this.#reindex(dataset, id, before, after, stats)
    this.statement('INSERT INTO revisions (dataset, doc_id, seq, rev, timestamp, body) VALUES (?, ?, ?, ?, ?, ?)').run(
      dataset,
      id,
      seq,
      record.transactionId,
      record.timestamp,
      after ? JSON.stringify(after) : null,
    )
  }

  /** Replaces a document's index rows and records the change in (type, path, kind) counts for path_stats. */
  #reindex(
    dataset: string,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    stats: Map<string, number>,
  ): void {
    const oldEntries = before ? indexEntriesOf(before) : []
    const newEntries = after ? indexEntriesOf(after) : []
    const oldRows = new Set(oldEntries.filter(isIndexRow).map(rowKey))
    const newRows = new Set(newEntries.filter(isIndexRow).map(rowKey))
    const remove = this.statement(
      'DELETE FROM doc_index WHERE dataset = ? AND path = ? AND kind = ? AND value = ? AND id = ?',
    )
    const insert = this.statement(
      'INSERT OR IGNORE INTO doc_index (dataset, path, kind, value, id) VALUES (?, ?, ?, ?, ?)',
    )
    for (const entry of oldEntries)
      if (isIndexRow(entry) && !newRows.has(rowKey(entry))) remove.run(dataset, entry.path, entry.kind, entry.value, id)
    for (const entry of newEntries)
      if (isIndexRow(entry) && !oldRows.has(rowKey(entry))) insert.run(dataset, entry.path, entry.kind, entry.value, id)

    const oldShape = shapeOf(typeOf(before), oldEntries)
    const newShape = shapeOf(typeOf(after), newEntries)
    for (const key of oldShape) if (!newShape.has(key)) stats.set(key, (stats.get(key) ?? 0) - 1)
    for (const key of newShape) if (!oldShape.has(key)) stats.set(key, (stats.get(key) ?? 0) + 1)
  }

  /** One upsert per distinct (type, path, kind) per transaction, not per document. */
  #writeStats(dataset: string, stats: Map<string, number>): void {
    const upsert = this.statement(
      'INSERT INTO path_stats (dataset, type, path, kind, docs) VALUES (?, ?, ?, ?, ?) ON CONFLICT (dataset, type, path, kind) DO UPDATE SET docs = docs + excluded.docs',
    )
    for (const [key, delta] of stats) {
      if (delta === 0) continue
      const [type, path, kind] = JSON.parse(key) as [string, string, string]
      upsert.run(dataset, type, path, kind, delta)
    }
  }

  /** The `_type`s of the documents holding a value of `kind` at `path` (from path_stats). */
  typesWithPath(dataset: string, path: string, kind: string): string[] {
    return this.statement('SELECT type FROM path_stats WHERE dataset = ? AND path = ? AND kind = ? AND docs > 0')
      .all(dataset, path, kind)
      .map((row) => row.type as string)
  }

  /**
   * Documents of `type` (of any type when null) holding a value of `kind` at `path` (each document counts
   * once per path and kind).
   */
  countWithPath(dataset: string, type: string | null, path: string, kind: string): number {
    const row =
      type === null
        ? this.statement('SELECT sum(docs) AS docs FROM path_stats WHERE dataset = ? AND path = ? AND kind = ?').get(
            dataset,
            path,
            kind,
          )
        : this.statement('SELECT docs FROM path_stats WHERE dataset = ? AND type = ? AND path = ? AND kind = ?').get(
            dataset,
            type,
            path,
            kind,
          )
    return row ? Number(row.docs) : 0
  }

  close(): void {
    if (this.db.isOpen) this.db.close()
  }
}

const rowKey = (entry: IndexEntry) => `${entry.path}\u0000${entry.kind}\u0000${entry.value}`

function shapeOf(type: string, entries: readonly IndexEntry[]): Set<string> {
  const shape = new Set<string>()
  for (const entry of entries) shape.add(JSON.stringify([type, entry.path, entry.kind]))
  return shape
}
