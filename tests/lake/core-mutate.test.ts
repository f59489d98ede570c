// The mutate endpoint through the real client: every mutation type, options, system fields and refusals.
import { snapshot, startTestLake, READ_TOKEN, WRITE_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

async function rawMutate(body: unknown, query = '', token = WRITE_TOKEN) {
  const res = await t.request(`/v2025-02-19/data/mutate/production${query}`, {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

test('create sets _rev, _createdAt and _updatedAt; the transaction id is the new _rev', async () => {
  const created = await t.writer.create({ _id: 'topic-a', _type: 'topic', title: 'A' })
  expect(created._rev).toEqual(expect.any(String))
  expect(created._createdAt).toBe(created._updatedAt)
  const { transactionId } = await t.writer.patch('topic-a').set({ title: 'A2' }).commit({ returnDocuments: false })
  const after = await t.writer.getDocument('topic-a')
  expect(after?._rev).toBe(transactionId)
  expect(after?._createdAt).toBe(created._createdAt)
  expect((after?._updatedAt ?? '') >= created._updatedAt).toBe(true)
})

test('create without an id generates one; an id ending in "." is a prefix', async () => {
  const generated = await t.writer.create({ _type: 'topic', title: 'no id' })
  expect(generated._id).toMatch(/^[a-zA-Z0-9]{22}$/)
  const prefixed = await rawMutate({ mutations: [{ create: { _id: 'drafts.', _type: 'topic' } }] })
  expect(prefixed.body.results[0].id).toMatch(/^drafts\.[a-zA-Z0-9]{22}$/)
})

test('create of an existing id is a 409 and changes nothing', async () => {
  const before = snapshot(t.lake)
  await expect(t.writer.create({ _id: 'topic-a', _type: 'topic' })).rejects.toMatchObject({ statusCode: 409 })
  expect(snapshot(t.lake)).toEqual(before)
})

test('createIfNotExists leaves an existing document alone; createOrReplace replaces it but keeps _createdAt', async () => {
  const original = await t.writer.getDocument('topic-a')
  await t.writer.createIfNotExists({ _id: 'topic-a', _type: 'topic', title: 'ignored' })
  expect((await t.writer.getDocument('topic-a'))?.title).toBe('A2')
  await t.writer.createIfNotExists({ _id: 'topic-b', _type: 'topic', title: 'B' })
  expect((await t.writer.getDocument('topic-b'))?.title).toBe('B')
  await t.writer.createOrReplace({ _id: 'topic-a', _type: 'topic', description: 'replaced' })
  const replaced = await t.writer.getDocument('topic-a')
  expect(replaced?.title).toBeUndefined()
  expect(replaced?.description).toBe('replaced')
  expect(replaced?._createdAt).toBe(original?._createdAt)
})

test('patch applies setIfMissing, set, unset, inc, dec, insert and diffMatchPatch', async () => {
  await t.writer.create({
    _id: 'doc-patch',
    _type: 'thing',
    count: 1,
    text: 'hello world',
    list: [{ _key: 'a', v: 1 }],
    gone: true,
  })
  await t.writer
    .patch('doc-patch')
    .setIfMissing({ nested: {} })
    .set({ 'nested.value': 'x' })
    .unset(['gone'])
    .inc({ count: 5 })
    .dec({ count: 2 })
    .insert('after', 'list[-1]', [{ _key: 'b', v: 2 }])
    .diffMatchPatch({ text: '@@ -1,5 +1,5 @@\n-hello\n+howdy\n' })
    .commit()
  const doc = await t.writer.getDocument('doc-patch')
  expect(doc).toMatchObject({
    count: 4,
    text: 'howdy world',
    nested: { value: 'x' },
    list: [
      { _key: 'a', v: 1 },
      { _key: 'b', v: 2 },
    ],
  })
  expect(doc).not.toHaveProperty('gone')
})

test('patch and delete by query touch every matching document', async () => {
  await t.writer
    .transaction()
    .create({ _id: 'q1', _type: 'bulk', n: 1 })
    .create({ _id: 'q2', _type: 'bulk', n: 2 })
    .create({ _id: 'q3', _type: 'other', n: 3 })
    .commit()
  const patched = await t.writer
    .patch({ query: '*[_type == $t]', params: { t: 'bulk' } })
    .set({ flagged: true })
    .commit()
  expect(patched).toHaveLength(2)
  expect(await t.writer.fetch('*[flagged == true] | order(_id)._id')).toEqual(['q1', 'q2'])
  const deleted = await rawMutate({ mutations: [{ delete: { query: '*[_type == "bulk"]' } }] })
  expect(deleted.body.results.map((r: { id: string }) => r.id).sort()).toEqual(['q1', 'q2'])
  expect(await t.writer.fetch('*[_id in ["q1", "q2", "q3"]]._id')).toEqual(['q3'])
})

test('delete by id removes the document', async () => {
  await t.writer.create({ _id: 'to-delete', _type: 'thing' })
  const result = await t.writer.delete('to-delete')
  expect(result.results[0]).toMatchObject({ id: 'to-delete', operation: 'delete' })
  expect(await t.writer.getDocument('to-delete')).toBeUndefined()
})

test('ifRevisionID that does not match is a 409 and the document is unchanged', async () => {
  const doc = await t.writer.create({ _id: 'rev-check', _type: 'thing', v: 1 })
  const before = snapshot(t.lake)
  await expect(t.writer.patch('rev-check').ifRevisionId('not-the-rev').set({ v: 2 }).commit()).rejects.toMatchObject({
    statusCode: 409,
  })
  expect(snapshot(t.lake)).toEqual(before)
  await t.writer.patch('rev-check').ifRevisionId(doc._rev).set({ v: 3 }).commit()
  expect((await t.writer.getDocument('rev-check'))?.v).toBe(3)
})

test('concurrent patches with the same ifRevisionID: exactly one wins per revision, none is lost', async () => {
  await t.writer.create({ _id: 'counter', _type: 'thing', n: 0 })
  let wins = 0
  const attempt = async (): Promise<void> => {
    for (;;) {
      const current = await t.writer.getDocument('counter')
      try {
        await t.writer
          .patch('counter')
          .ifRevisionId(current?._rev as string)
          .inc({ n: 1 })
          .commit()
        wins++
        return
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 409) throw error
      }
    }
  }
  // One round: 12 writers race on the same revision.
  const rev = (await t.writer.getDocument('counter'))?._rev as string
  const race = await Promise.allSettled(
    Array.from({ length: 12 }, () => t.writer.patch('counter').ifRevisionId(rev).inc({ n: 1 }).commit()),
  )
  expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  expect(
    race.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.statusCode === 409),
  ).toBe(true)
  // Many writers retrying until they win: every increment lands exactly once.
  await Promise.all(Array.from({ length: 20 }, attempt))
  expect(wins).toBe(20)
  expect((await t.writer.getDocument('counter'))?.n).toBe(21)
}, 90_000)

test('a transaction is all-or-nothing: one failing mutation leaves the store as it was', async () => {
  const before = snapshot(t.lake)
  const result = await rawMutate({
    mutations: [{ create: { _id: 'atomic-1', _type: 'thing' } }, { patch: { id: 'does-not-exist', set: { a: 1 } } }],
  })
  expect(result.status).toBe(404)
  expect(result.body.error).toMatchObject({
    type: 'mutationError',
    items: [{ index: 1, error: { type: 'documentNotFoundError' } }],
  })
  expect(snapshot(t.lake)).toEqual(before)
})

test('returnIds, returnDocuments and dryRun shape the answer; dryRun writes nothing', async () => {
  const withDocs = await rawMutate(
    { mutations: [{ create: { _id: 'shaped', _type: 'thing', a: 1 } }] },
    '?returnIds=true&returnDocuments=true&visibility=sync',
  )
  expect(withDocs.body).toMatchObject({
    transactionId: expect.any(String),
    documentIds: ['shaped'],
    results: [{ id: 'shaped', operation: 'create', document: { _id: 'shaped', a: 1 } }],
  })
  const before = snapshot(t.lake)
  const dry = await rawMutate(
    { mutations: [{ patch: { id: 'shaped', set: { a: 2 } } }] },
    '?dryRun=true&returnDocuments=true',
  )
  expect(dry.body.results[0].document.a).toBe(2)
  expect(snapshot(t.lake)).toEqual(before)
  const badVisibility = await rawMutate({ mutations: [] }, '?visibility=sometimes')
  expect(badVisibility.status).toBe(400)
})

test('autoGenerateArrayKeys adds _key to array items that lack one', async () => {
  await t.writer.create(
    { _id: 'keys', _type: 'thing', items: [{ v: 1 }, { _key: 'kept', v: 2 }] },
    { autoGenerateArrayKeys: true },
  )
  const doc = await t.writer.getDocument('keys')
  expect(doc?.items[0]._key).toMatch(/^[0-9a-f]{12}$/)
  expect(doc?.items[1]._key).toBe('kept')
})

test('a client-chosen transactionId becomes the _rev; reusing it is a 409', async () => {
  await t.writer.transaction().create({ _id: 'tx-chosen', _type: 'thing' }).transactionId('my-tx-1').commit()
  expect((await t.writer.getDocument('tx-chosen'))?._rev).toBe('my-tx-1')
  await expect(
    t.writer.transaction().create({ _id: 'tx-chosen-2', _type: 'thing' }).transactionId('my-tx-1').commit(),
  ).rejects.toMatchObject({ statusCode: 409 })
})

describe("bad input is a 4xx in Sanity's shape and leaves the store unchanged", () => {
  const cases: [string, unknown, number, RegExp][] = [
    ['malformed JSON', '{"mutations": [', 400, /not valid JSON/],
    ['a body without mutations', { nope: true }, 400, /"mutations" array/],
    [
      'an unknown mutation type',
      { mutations: [{ upsert: { _id: 'x', _type: 't' } }] },
      400,
      /Unknown mutation type "upsert"/,
    ],
    ['a bad document id', { mutations: [{ create: { _id: 'bad id!', _type: 't' } }] }, 400, /Malformed document ID/],
    [
      'an id segment starting with "-"',
      { mutations: [{ create: { _id: 'a.-b', _type: 't' } }] },
      400,
      /Malformed document ID/,
    ],
    ['a document without _type', { mutations: [{ create: { _id: 'no-type' } }] }, 400, /_type/],
    [
      'an unknown patch operation',
      { mutations: [{ patch: { id: 'topic-b', frobnicate: { a: 1 } } }] },
      400,
      /Unknown patch operation "frobnicate"/,
    ],
    [
      'a patch with a broken path',
      { mutations: [{ patch: { id: 'topic-b', set: { '[[[': 1 } } }] },
      400,
      /Patch on "topic-b" failed/,
    ],
    ['inc with a string', { mutations: [{ patch: { id: 'topic-b', inc: { n: 'one' } } }] }, 400, /needs numbers/],
    [
      'a patch that changes _id',
      { mutations: [{ patch: { id: 'topic-b', set: { _id: 'other' } } }] },
      400,
      /may not change _id/,
    ],
    ['a delete by invalid GROQ', { mutations: [{ delete: { query: '*[' } }] }, 400, /Syntax error/],
  ]
  test.each(cases)('%s', async (_name, body, status, message) => {
    const before = snapshot(t.lake)
    const result = await rawMutate(body)
    expect(result.status).toBe(status)
    expect(result.body.error).toBeDefined()
    expect(result.body.error.description).toMatch(message)
    expect(snapshot(t.lake)).toEqual(before)
  })

  test('an invalid dataset name', async () => {
    const res = await t.request('/v1/data/mutate/NOT_valid', {
      method: 'POST',
      token: WRITE_TOKEN,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ create: { _type: 't' } }] }),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.type).toBe('invalidDatasetName')
    expect(t.lake.store.hasDataset('NOT_valid')).toBe(false)
  })

  test('a body over the documented 10 MiB limit is a 413', async () => {
    const before = snapshot(t.lake)
    const huge = JSON.stringify({
      mutations: [{ create: { _id: 'huge', _type: 't', blob: 'x'.repeat(10 * 1024 * 1024 + 10) } }],
    })
    const result = await rawMutate(huge)
    expect(result.status).toBe(413)
    expect(result.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' })
    expect(snapshot(t.lake)).toEqual(before)
  })
})

test('a dataset is created by its first write', async () => {
  expect(t.lake.store.hasDataset('staging')).toBe(false)
  await t.client({ token: WRITE_TOKEN, dataset: 'staging' }).create({ _id: 'first', _type: 'thing' })
  expect(t.lake.store.hasDataset('staging')).toBe(true)
  expect(await t.client({ token: WRITE_TOKEN, dataset: 'staging' }).fetch('*._id')).toEqual(['first'])
  expect(await t.writer.fetch('*[_id == "first"]')).toEqual([])
})

test('without a token writes are 401; with the read token 403; both leave the store unchanged', async () => {
  const before = snapshot(t.lake)
  await expect(t.anonymous.create({ _id: 'anon', _type: 'thing' })).rejects.toMatchObject({ statusCode: 401 })
  await expect(t.reader.create({ _id: 'viewer', _type: 'thing' })).rejects.toMatchObject({ statusCode: 403 })
  const raw = await rawMutate({ mutations: [{ create: { _type: 't' } }] }, '', READ_TOKEN)
  expect(raw.body).toMatchObject({ statusCode: 403, error: 'Forbidden' })
  expect(snapshot(t.lake)).toEqual(before)
})
