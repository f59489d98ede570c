// A lake file whose index an earlier version wrote is rebuilt from the documents when the lake opens it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync, type SQLInputValue } from 'node:sqlite'
import { startLake } from '../../lake/index.ts'
import { INDEX_VERSION } from '../../lake/store/indexed-values.ts'
import { lakeClient } from './core-lake.ts'

const WRITE_TOKEN = 'upgrade-test-write-token'
let dataDir: string

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-lake-upgrade-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const clientFor = (url: string) => lakeClient(url, { token: WRITE_TOKEN })

test('an index of an earlier version is rebuilt on open, and queries answer from the rebuilt one', async () => {
  const first = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN })
  await clientFor(first.url)
    .transaction()
    .create({ _id: 'topic-1', _type: 'topic' })
    .create({ _id: 'topic-9', _type: 'topic' })
    .create({ _id: 'iv-1', _type: 'interview', recordedAt: `2024-06-01${'x'.repeat(250)}` })
    .create({
      _id: 'iv-2',
      _type: 'interview',
      recordedAt: '2024-07-01',
      topics: [{ _key: 'a', _type: 'reference', _ref: 'topic-1', nested: { _ref: 'topic-9' } }],
    })
    .commit()
  await first.close()

  // What version 1 wrote: long strings counted as objects, and no count of documents whose @ref rows
  // (every `_ref`, for reference integrity) hold more than references() sees (a reference inside a reference).
  const db = new DatabaseSync(join(dataDir, 'lake.sqlite'))
  db.exec("DELETE FROM path_stats WHERE path = '@ref' AND kind = 'o'")
  db.exec("UPDATE path_stats SET kind = 'o' WHERE kind = 'l'")
  db.exec('PRAGMA user_version = 1')
  db.close()

  const reopened = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN })
  try {
    const client = clientFor(reopened.url)
    // With the old statistics the range would trust the index and miss iv-1's long string.
    expect(await client.fetch('*[_type == "interview" && recordedAt > "2024"] | order(_id)._id')).toEqual([
      'iv-1',
      'iv-2',
    ])
    // With the old statistics the count would trust the @ref rows and include iv-2, which references() does not see.
    expect(await client.fetch('count(*[_type == "interview" && references("topic-9")])')).toBe(0)
    expect(await client.fetch('count(*[_type == "interview" && references("topic-1")])')).toBe(1)
    expect(reopened.store.db.prepare('PRAGMA user_version').get()?.user_version).toBe(INDEX_VERSION)
  } finally {
    await reopened.close()
  }
})

test('an index of version 2 (values declared ANY, so "9" was stored as a number) is made again with values as written', async () => {
  const first = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN })
  await clientFor(first.url)
    .transaction()
    .create({ _id: 'c-1', _type: 'code', code: '9' })
    .create({ _id: 'c-2', _type: 'code', code: '10' })
    .commit()
  await first.close()

  // The table as version 2 declared it, its rows as that column stored them.
  const db = new DatabaseSync(join(dataDir, 'lake.sqlite'))
  const rows = db.prepare('SELECT * FROM doc_index').all()
  db.exec('DROP TABLE doc_index')
  db.exec(
    'CREATE TABLE doc_index (dataset TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL, value ANY NOT NULL, id TEXT NOT NULL, PRIMARY KEY (dataset, path, kind, value, id)) WITHOUT ROWID',
  )
  const insert = db.prepare('INSERT INTO doc_index VALUES (?, ?, ?, ?, ?)')
  for (const row of rows) insert.run(...([row.dataset, row.path, row.kind, row.value, row.id] as SQLInputValue[]))
  db.exec('PRAGMA user_version = 2')
  db.close()

  const reopened = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN })
  try {
    // "10" < "9" as strings; stored as numbers, the index said otherwise.
    expect(await clientFor(reopened.url).fetch('*[_type == "code" && code < "9"]._id')).toEqual(['c-2'])
    const stored = reopened.store.db.prepare("SELECT typeof(value) AS type FROM doc_index WHERE path = 'code'").all()
    expect(stored.map((row) => row.type)).toEqual(['text', 'text'])
  } finally {
    await reopened.close()
  }
})
