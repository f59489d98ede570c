// Another process writing the same SQLite file (an import beside a running lake) is seen by the lake's next query.
import { Store } from '../../lake/store/store.ts'
import { startTestLake, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

test('documents committed through a second connection replace what the lake had cached', async () => {
  await t.writer.create({ _id: 'shared', _type: 'thing', v: 1 })
  expect(await t.writer.fetch('*[_id == "shared"][0].v')).toBe(1)
  const other = new Store(t.dataDir)
  try {
    const before = other.getDocument('production', 'shared')
    const after = { ...before, _id: 'shared', v: 2, _rev: 'from-elsewhere' }
    other.commit('production', {
      transactionId: 'from-elsewhere',
      timestamp: new Date().toISOString(),
      identity: 'import',
      changes: [{ id: 'shared', before, after }],
      mutations: [],
    })
    other.commit('imported', {
      transactionId: 'first',
      timestamp: new Date().toISOString(),
      identity: 'import',
      changes: [{ id: 'x', before: null, after: { _id: 'x', _type: 'thing', _rev: 'first' } }],
      mutations: [],
    })
  } finally {
    other.close()
  }
  expect(await t.writer.fetch('*[_id == "shared"][0].v')).toBe(2)
  expect(t.lake.store.hasDataset('imported')).toBe(true)
  expect(await t.client({ token: 'core-test-read-token', dataset: 'imported' }).fetch('*._id')).toEqual(['x'])
})
