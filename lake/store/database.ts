// Opens the lake's SQLite file in WAL mode and creates its tables; durability is chosen here.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/**
 * `full` (default): every commit fsyncs the WAL before the answer, so an acknowledged transaction
 * survives a kill -9 of the process *and* a power loss / OS crash.
 * `normal`: WAL appends are written (to the OS) at commit but fsynced only at checkpoints; that also
 * survives kill -9 of the process (the OS still holds the written pages) but not a power loss.
 */
export type Durability = 'full' | 'normal'

const schema = `
CREATE TABLE IF NOT EXISTS datasets (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS documents (
  dataset TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (dataset, id)
) WITHOUT ROWID;

-- One row per scalar at an object-key path (and per _ref under '@ref'): what queries narrow candidates with.
-- kind: s string, n number, b boolean (0/1), o anything present but not indexed (object, array, null, long string).
CREATE TABLE IF NOT EXISTS doc_values (
  dataset TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  value ANY,
  id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_values_lookup ON doc_values (dataset, path, kind, value, id);
CREATE INDEX IF NOT EXISTS doc_values_by_doc ON doc_values (dataset, id);

-- How many documents of a _type have a value of a kind at a path: tells the planner when an
-- index order is complete (no document of the type lacks the path or holds another kind there).
CREATE TABLE IF NOT EXISTS path_stats (
  dataset TEXT NOT NULL,
  type TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  docs INTEGER NOT NULL,
  PRIMARY KEY (dataset, type, path, kind)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS transactions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset TEXT NOT NULL,
  id TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  identity TEXT NOT NULL,
  document_ids TEXT NOT NULL,
  mutations TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS transactions_by_id ON transactions (dataset, id);

-- Every version of every document (body NULL = deleted), for history and revision lookups.
CREATE TABLE IF NOT EXISTS revisions (
  dataset TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  rev TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  body TEXT,
  PRIMARY KEY (dataset, doc_id, seq)
) WITHOUT ROWID;
`

export function openDatabase(dataDir: string, durability: Durability = 'full'): DatabaseSync {
  mkdirSync(dataDir, { recursive: true })
  const db = new DatabaseSync(join(dataDir, 'lake.sqlite'))
  db.exec('PRAGMA journal_mode = WAL')
  db.exec(`PRAGMA synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`)
  db.exec('PRAGMA foreign_keys = OFF')
  db.exec('PRAGMA busy_timeout = 5000')
  db.exec('PRAGMA cache_size = -65536')
  db.exec(schema)
  return db
}
