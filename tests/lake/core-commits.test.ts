// onCommit: listeners get every committed transaction with before/after, after the response, and cannot break writes.
import type { CommittedTransaction } from '../../lake/index.ts'
import { startTestLake, WRITE_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

test('listeners receive dataset, transaction id, identity and each document before and after', async () => {
  const seen: CommittedTransaction[] = []
  const stop = t.lake.onCommit((transaction) => void seen.push(transaction))
  await t.writer.create({ _id: 'c1', _type: 'thing', v: 1 })
  const { transactionId } = await t.writer
    .transaction()
    .patch('c1', (p) => p.set({ v: 2 }))
    .delete('nothing-here')
    .commit()
  await new Promise((resolve) => setTimeout(resolve, 50))
  stop()
  expect(seen).toHaveLength(2)
  expect(seen[1]).toMatchObject({
    dataset: 'production',
    transactionId,
    identity: 'parley-editor',
    documents: [
      {
        id: 'c1',
        before: expect.objectContaining({ v: 1 }),
        after: expect.objectContaining({ v: 2, _rev: transactionId }),
      },
    ],
    mutations: [{ patch: expect.objectContaining({ id: 'c1' }) }, { delete: { id: 'nothing-here' } }],
  })
})

test('a throwing or slow listener neither fails nor delays the write, and dryRun announces nothing', async () => {
  let calls = 0
  const stopThrowing = t.lake.onCommit(() => {
    calls++
    throw new Error('listener bug')
  })
  const stopSlow = t.lake.onCommit(() => new Promise((resolve) => setTimeout(resolve, 2000)))
  const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
  const started = Date.now()
  await t.writer.create({ _id: 'c2', _type: 'thing' })
  expect(Date.now() - started).toBeLessThan(1500)
  await t.request('/v1/data/mutate/production?dryRun=true', {
    method: 'POST',
    token: WRITE_TOKEN,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mutations: [{ create: { _id: 'c3', _type: 'thing' } }] }),
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  stopThrowing()
  stopSlow()
  errors.mockRestore()
  expect(calls).toBe(1)
  expect(await t.writer.getDocument('c2')).toMatchObject({ _id: 'c2' })
})

test('a malformed JSON query body is a 400 and the server keeps serving', async () => {
  const res = await t.request('/v1/data/query/production', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": ',
  })
  expect(res.status).toBe(400)
  expect((await res.json()).error.description).toMatch(/not valid JSON/)
  expect(await t.anonymous.fetch('count(*)')).toEqual(expect.any(Number))
})
