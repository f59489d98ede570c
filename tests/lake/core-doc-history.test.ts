// The doc endpoint (with `omitted`) and history: documents at a revision or time, transactions as NDJSON.
import { startTestLake, READ_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

test('getDocument(s) return documents and null for missing ids; anonymous callers cannot see drafts', async () => {
  await t.writer.transaction().create({ _id: 'a', _type: 'thing' }).create({ _id: 'drafts.a', _type: 'thing' }).commit()
  expect(await t.writer.getDocuments(['a', 'drafts.a', 'missing'])).toEqual([
    expect.objectContaining({ _id: 'a' }),
    expect.objectContaining({ _id: 'drafts.a' }),
    null,
  ])
  const res = await t.request('/v2025-02-19/data/doc/production/a,drafts.a,missing')
  expect(await res.json()).toEqual({
    documents: [expect.objectContaining({ _id: 'a' })],
    omitted: [
      { id: 'drafts.a', reason: 'permission' },
      { id: 'missing', reason: 'existence' },
    ],
  })
  expect(await t.anonymous.getDocument('drafts.a')).toBeUndefined()
})

test('history returns a document as it was at a revision and at a time', async () => {
  const first = await t.writer.create({ _id: 'h', _type: 'thing', v: 1 })
  await new Promise((resolve) => setTimeout(resolve, 5))
  const between = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  await t.writer.patch('h').set({ v: 2 }).commit()
  const atRev = await t.request(`/v2025-02-19/data/history/production/documents/h?revision=${first._rev}`, {
    token: READ_TOKEN,
  })
  expect((await atRev.json()).documents).toEqual([expect.objectContaining({ _id: 'h', v: 1, _rev: first._rev })])
  const atTime = await t.request(`/v2025-02-19/data/history/production/documents/h?time=${between}`, {
    token: READ_TOKEN,
  })
  expect((await atTime.json()).documents[0].v).toBe(1)
  const unknown = await t.request('/v2025-02-19/data/history/production/documents/h?revision=nope', {
    token: READ_TOKEN,
  })
  expect(unknown.status).toBe(404)
})

test('history transactions are NDJSON with author, document ids, effects and mutations', async () => {
  await t.writer.transaction().create({ _id: 'tx-doc', _type: 'thing', v: 1 }).transactionId('hist-1').commit()
  await t.writer
    .transaction()
    .patch('tx-doc', (patch) => patch.set({ v: 2 }))
    .transactionId('hist-2')
    .commit()
  const res = await t.request(
    '/v2025-02-19/data/history/production/transactions/tx-doc?reverse=true&effectFormat=mendoza',
    { token: READ_TOKEN },
  )
  expect(res.headers.get('content-type')).toMatch(/ndjson/)
  const lines = (await res.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
  expect(lines).toHaveLength(2)
  expect(lines[0].id).toBe('hist-2')
  expect(lines[1]).toMatchObject({
    id: 'hist-1',
    author: 'parley-editor',
    documentIDs: ['tx-doc'],
    mutations: [{ create: expect.objectContaining({ _id: 'tx-doc' }) }],
  })
  expect(lines[0].effects['tx-doc'].revert).toEqual([0, expect.objectContaining({ v: 1 })])
  expect(lines[0].effects['tx-doc'].apply).toEqual([0, expect.objectContaining({ v: 2 })])
})

test('history needs a token', async () => {
  const anonymous = await t.request('/v2025-02-19/data/history/production/documents/h?revision=x')
  expect(anonymous.status).toBe(401)
})
