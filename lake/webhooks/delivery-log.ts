// Keeps every webhook delivery and its attempts in the lake's SQLite, so "did the site hear about this publish?" has an answer.
import type { DatabaseSync } from 'node:sqlite'

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export type DeliveryAttempt = {
  attempt: number
  startedAt: string
  durationMs: number
  statusCode: number | null
  error: string | null
}

export type Delivery = {
  id: string
  webhook: string
  url: string
  dataset: string
  documentId: string
  transactionId: string
  operation: string
  status: DeliveryStatus
  createdAt: string
  finishedAt: string | null
  attempts: DeliveryAttempt[]
}

/** Finished deliveries kept; older ones are dropped as new ones finish. */
const KEPT_DELIVERIES = 10_000

export class DeliveryLog {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS webhook_deliveries (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      webhook TEXT NOT NULL,
      url TEXT NOT NULL,
      dataset TEXT NOT NULL,
      document_id TEXT NOT NULL,
      transaction_id TEXT NOT NULL,
      operation TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      finished_at TEXT,
      attempts TEXT NOT NULL,
      body TEXT
    )`)
    // The body is kept until delivered, so deliveries cut short by a stop resume on the next start.
    const columns = db.prepare('PRAGMA table_info(webhook_deliveries)').all() as { name: string }[]
    if (!columns.some((column) => column.name === 'body'))
      db.exec('ALTER TABLE webhook_deliveries ADD COLUMN body TEXT')
  }

  start(delivery: Omit<Delivery, 'status' | 'finishedAt' | 'attempts'>, body: string): void {
    this.#db
      .prepare(
        `INSERT INTO webhook_deliveries (id, webhook, url, dataset, document_id, transaction_id, operation, status, created_at, attempts, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, '[]', ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        delivery.id,
        delivery.webhook,
        delivery.url,
        delivery.dataset,
        delivery.documentId,
        delivery.transactionId,
        delivery.operation,
        delivery.createdAt,
        body,
      )
  }

  /** Deliveries a previous run started and did not finish, oldest first, with their bodies. */
  unfinished(): (Delivery & { body: string })[] {
    const rows = this.#db
      .prepare(`SELECT * FROM webhook_deliveries WHERE status = 'pending' AND body IS NOT NULL ORDER BY seq`)
      .all() as Record<string, string | null>[]
    return rows.map((row) => ({ ...toDelivery(row), body: row.body as string }))
  }

  recordAttempt(id: string, attempt: DeliveryAttempt): void {
    const row = this.#db.prepare('SELECT attempts FROM webhook_deliveries WHERE id = ?').get(id) as
      { attempts: string } | undefined
    if (!row) return
    const attempts = [...(JSON.parse(row.attempts) as DeliveryAttempt[]), attempt]
    this.#db.prepare('UPDATE webhook_deliveries SET attempts = ? WHERE id = ?').run(JSON.stringify(attempts), id)
  }

  finish(id: string, status: Exclude<DeliveryStatus, 'pending'>, at: string): void {
    this.#db
      .prepare('UPDATE webhook_deliveries SET status = ?, finished_at = ?, body = NULL WHERE id = ?')
      .run(status, at, id)
    this.#db
      .prepare(
        `DELETE FROM webhook_deliveries WHERE status != 'pending' AND seq <= (SELECT max(seq) FROM webhook_deliveries) - ${KEPT_DELIVERIES}`,
      )
      .run()
  }

  /** Newest first; optionally for one webhook or one document. */
  list(options: { webhook?: string; documentId?: string; limit?: number } = {}): Delivery[] {
    const where: string[] = []
    const args: string[] = []
    if (options.webhook) {
      where.push('webhook = ?')
      args.push(options.webhook)
    }
    if (options.documentId) {
      where.push('document_id = ?')
      args.push(options.documentId)
    }
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
    const rows = this.#db
      .prepare(
        `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${limit}`,
      )
      .all(...args) as Record<string, string | null>[]
    return rows.map(toDelivery)
  }
}

function toDelivery(row: Record<string, string | null>): Delivery {
  return {
    id: row.id as string,
    webhook: row.webhook as string,
    url: row.url as string,
    dataset: row.dataset as string,
    documentId: row.document_id as string,
    transactionId: row.transaction_id as string,
    operation: row.operation as string,
    status: row.status as DeliveryStatus,
    createdAt: row.created_at as string,
    finishedAt: row.finished_at ?? null,
    attempts: JSON.parse(row.attempts as string) as DeliveryAttempt[],
  }
}
