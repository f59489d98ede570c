// No input crashes the lake or yields a 500: odd requests get 4xx answers in Sanity's shape, and the store is unchanged.
import { READ_TOKEN, snapshot, startTestLake, WRITE_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
  await t.writer.create({ _id: 'a', _type: 'thing', list: [{ _key: 'k', v: 1 }] })
})

afterAll(() => t.stop())

const json = (body: unknown) => ({
  method: 'POST',
  token: WRITE_TOKEN,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
const q = (query: string, extra = '') => `/v2025-02-19/data/query/production?query=${encodeURIComponent(query)}${extra}`

const odd: [string, string, RequestInit & { token?: string }][] = [
  ['unterminated order()', q('*[_type == "a"] | order('), { token: WRITE_TOKEN }],
  ['deeply nested brackets', q('['.repeat(3000)), { token: WRITE_TOKEN }],
  ['unknown function', q('*[frobnicate(_id)]'), { token: WRITE_TOKEN }],
  ['slice bounded by a missing param', q('*[_type == "a"][0...$n]'), { token: WRITE_TOKEN }],
  ['raw inside a perspective list', q('*', '&perspective=drafts,raw'), { token: WRITE_TOKEN }],
  ['a bad percent escape in the path', '/v1/data/query/%E0%A4%A?query=*', { token: WRITE_TOKEN }],
  ['a query body that is an array', '/v1/data/query/production', json([])],
  ['a query that is a number', '/v1/data/query/production', json({ query: 1 })],
  ['a null mutation', '/v1/data/mutate/production', json({ mutations: [null] })],
  ['a null patch', '/v1/data/mutate/production', json({ mutations: [{ patch: null }] })],
  ['a create that is an array', '/v1/data/mutate/production', json({ mutations: [{ create: [] }] })],
  [
    'insert items that are not an array',
    '/v1/data/mutate/production',
    json({ mutations: [{ patch: { id: 'a', insert: { after: 'list[-1]', items: 'no' } } }] }),
  ],
  [
    'unset that is a string',
    '/v1/data/mutate/production',
    json({ mutations: [{ patch: { id: 'a', unset: 'list' } }] }),
  ],
  ['a numeric transaction id', '/v1/data/mutate/production', json({ mutations: [], transactionId: 5 })],
  ['mutations that is an object', '/v1/data/mutate/production', json({ mutations: {} })],
  ['a null action', '/v1/data/actions/production', json({ actions: [null] })],
  [
    'an edit whose set is a string',
    '/v1/data/actions/production',
    json({
      actions: [
        { actionType: 'sanity.action.document.edit', draftId: 'drafts.a', publishedId: 'a', patch: { set: 'x' } },
      ],
    }),
  ],
  [
    'an edit without a patch',
    '/v1/data/actions/production',
    json({ actions: [{ actionType: 'sanity.action.document.edit', draftId: 'drafts.a', publishedId: 'a' }] }),
  ],
  ['doc without ids', '/v1/data/doc/production/,', { token: WRITE_TOKEN }],
  ['history at a bogus time', '/v1/data/history/production/documents/a?time=yesterday', { token: WRITE_TOKEN }],
  ['listen with a non-JSON param', '/v1/data/listen/production?query=*&%24p=bad', { token: WRITE_TOKEN }],
  ['listen without a query', '/v1/data/listen/production', { token: WRITE_TOKEN }],
]

test.each(odd)("%s is a 4xx in Sanity's shape", async (_name, path, init) => {
  const before = snapshot(t.lake)
  const { token, ...rest } = init
  const res = await t.request(path, { ...rest, token })
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  const body = await res.json()
  const message = typeof body.error === 'object' ? body.error.description : body.message
  expect(typeof message).toBe('string')
  expect(message.length).toBeGreaterThan(5)
  expect(snapshot(t.lake)).toEqual(before)
})

test('a reference no document id can match resolves to nothing in every view, and a version id needs a document id', async () => {
  await t.writer.createOrReplace({
    _id: 'weak-odd',
    _type: 'thing',
    r: { _type: 'reference', _ref: 'x y', _weak: true },
  })
  for (const perspective of ['raw', 'published', 'drafts'] as const) {
    const client = t.client({ token: READ_TOKEN, perspective })
    expect([perspective, await client.fetch('*[_id == "weak-odd"][0]{"d": r->}')]).toEqual([perspective, { d: null }])
    expect([perspective, await client.fetch('{"_ref": $r}->', { r: 'no/such' })]).toEqual([perspective, null])
  }
  await expect(t.writer.create({ _id: 'versions.r', _type: 'thing' })).rejects.toThrow(/without a document id/)
})
