// Opens the lake's SQLite file in WAL mode and creates its tables; durability is chosen here.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/**
 * `normal` (default): WAL with synchronous=NORMAL. COMMIT appends the transaction to the WAL with write()
 * before the answer is sent, so the bytes are in the kernel's page cache: a kill -9 (or crash) of the lake
 * process loses nothing acknowledged (tests/lake/core-durability.test.ts proves it). Only an OS crash or
 * power loss before the next checkpoint's fsync could lose the latest transactions. This keeps single-
 * document writes far above 1,000/s on disks where one fsync costs milliseconds.
 * `full`: synchronous=FULL, an fsync of the WAL per commit: also survives power loss, ~1 fsync per write
 * (in-process 180–500 transactions/s on this machine, against 700–3,200 with `normal`). Choose it with LAKE_DURABILITY=full.
 */
export type Durability = 'full' | 'normal'

/**
 * One row per scalar at an object-key path (and per _ref under '@ref'): what queries narrow candidates with.
 * kind: s string, n number, b boolean (0/1). The table is its own index (WITHOUT ROWID): one B-tree per insert.
 * `value` is BLOB, the one column type SQLite converts nothing into: declared ANY (numeric in an ordinary
 * table), a string such as "9" or "05" was stored as a number, and ranges and orders over strings went wrong.
 */
export const docIndexTable = `CREATE TABLE IF NOT EXISTS doc_index (
  dataset TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  value BLOB NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (dataset, path, kind, value, id)
) WITHOUT ROWID;`

const schema = `
CREATE TABLE IF NOT EXISTS datasets (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  acl_mode TEXT NOT NULL DEFAULT 'public'
) WITHOUT ROWID;

-- Rowid tables for document bodies: rows of a few KB overflow WITHOUT ROWID B-trees and slow every lookup.
CREATE TABLE IF NOT EXISTS documents (
  dataset TEXT NOT NULL,
  id TEXT NOT NULL,
  rev TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (dataset, id)
);

${docIndexTable}

-- How many documents of a _type have a value of a kind at a path (present but not indexed: kind l a long
-- string, kind o an object, array or null): tells the planner when an index order or range is complete,
-- i.e. no document of the type lacks the path or holds another kind there, and how selective a type is.
CREATE TABLE IF NOT EXISTS path_stats (
  dataset TEXT NOT NULL,
  type TEXT NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  docs INTEGER NOT NULL,
  PRIMARY KEY (dataset, type, path, kind)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS transactions (
  -- No AUTOINCREMENT: transactions are never deleted, so rowids only grow, and a commit skips sqlite_sequence.
  seq INTEGER PRIMARY KEY,
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
  body TEXT
);
CREATE INDEX IF NOT EXISTS revisions_by_document ON revisions (dataset, doc_id, seq);
`

export function openDatabase(dataDir: string, durability: Durability = 'normal'): DatabaseSync {
  mkdirSync(dataDir, { recursive: true })
  const db = new DatabaseSync(join(dataDir, 'lake.sqlite'))
  db.exec('PRAGMA journal_mode = WAL')
  db.exec(`PRAGMA synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`)
  db.exec('PRAGMA foreign_keys = OFF')
  db.exec('PRAGMA busy_timeout = 5000')
  db.exec('PRAGMA cache_size = -65536')
  db.exec(schema)
  // Data folders from before private datasets: every dataset in them is public.
  if (
    !db
      .prepare('PRAGMA table_info(datasets)')
      .all()
      .some((column) => column.name === 'acl_mode')
  )
    db.exec("ALTER TABLE datasets ADD COLUMN acl_mode TEXT NOT NULL DEFAULT 'public'")
  return db
}
