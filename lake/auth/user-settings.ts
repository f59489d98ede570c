// Per-user settings the Studio keeps on the server (/users/me/keyvalue): recent searches, pane layouts, in the lake's SQLite.
import type { DatabaseSync } from 'node:sqlite'

export type KeyValuePair = { key: string; value: unknown }

export class UserSettings {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
    db.exec(
      'CREATE TABLE IF NOT EXISTS user_settings (user_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (user_id, key)) WITHOUT ROWID',
    )
  }

  get(userId: string, keys: readonly string[]): KeyValuePair[] {
    const statement = this.#db.prepare('SELECT value FROM user_settings WHERE user_id = ? AND key = ?')
    return keys.map((key) => {
      const row = statement.get(userId, key) as { value: string } | undefined
      return { key, value: row ? (JSON.parse(row.value) as unknown) : null }
    })
  }

  set(userId: string, pairs: readonly KeyValuePair[]): KeyValuePair[] {
    const upsert = this.#db.prepare(
      'INSERT INTO user_settings (user_id, key, value) VALUES (?, ?, ?) ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value',
    )
    const remove = this.#db.prepare('DELETE FROM user_settings WHERE user_id = ? AND key = ?')
    for (const { key, value } of pairs) {
      if (value === null || value === undefined) remove.run(userId, key)
      else upsert.run(userId, key, JSON.stringify(value))
    }
    return pairs.map(({ key, value }) => ({ key, value: value ?? null }))
  }
}
