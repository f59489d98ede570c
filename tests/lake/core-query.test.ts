// The query endpoint through the real client: params, GET and POST, perspectives, access and errors.
import { startTestLake, READ_TOKEN, WRITE_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
  await t.writer
    .transaction()
    .create({ _id: 'person-ada', _type: 'person', name: 'Ada', slug: { _type: 'slug', current: 'ada' } })
    .create({ _id: 'drafts.person-ada', _type: 'person', name: 'Ada (draft)', slug: { _type: 'slug', current: 'ada' } })
    .create({ _id: 'drafts.person-grace', _type: 'person', name: 'Grace (draft only)' })
    .create({
      _id: 'interview-1',
      _type: 'interview',
      title: 'On compilers',
      slug: { _type: 'slug', current: 'on-compilers' },
      speaker: { _type: 'reference', _ref: 'person-ada' },
      publishedAt: '2024-01-01T00:00:00Z',
    })
    .create({
      _id: 'interview-2',
      _type: 'interview',
      title: 'Draft-speaker interview',
      slug: { _type: 'slug', current: 'second' },
      speaker: { _type: 'reference', _ref: 'drafts.person-grace' },
      publishedAt: '2024-02-01T00:00:00Z',
    })
    .commit()
})

afterAll(() => t.stop())

test('fetch with $params returns the matching documents and dereferences with ->', async () => {
  const result = await t.writer.fetch(
    '*[_type == "interview" && slug.current == $slug][0]{title, "speaker": speaker->name}',
    { slug: 'on-compilers' },
  )
  expect(result).toEqual({ title: 'On compilers', speaker: 'Ada' })
})

test('long queries go as POST and give the same answer as GET', async () => {
  const padding = ' '.repeat(12_000)
  const viaPost = await t.writer.fetch(`*[_type == "person"${padding}] | order(_id) {_id}`, {}, { perspective: 'raw' })
  const viaGet = await t.writer.fetch('*[_type == "person"] | order(_id) {_id}', {}, { perspective: 'raw' })
  expect(viaPost).toEqual(viaGet)
  const direct = await t.request('/v2025-02-19/data/query/production', {
    method: 'POST',
    token: WRITE_TOKEN,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'count(*[_type == $t])', params: { t: 'interview' } }),
  })
  expect((await direct.json()).result).toBe(2)
})

test('the published perspective (the default for 2025-02-19) hides drafts', async () => {
  const ids = await t.writer.fetch('*[_type == "person"]._id')
  expect(ids).toEqual(['person-ada'])
})

test('the raw perspective shows drafts and published documents under their own ids', async () => {
  const ids = await t.writer.fetch('*[_type == "person"] | order(_id)._id', {}, { perspective: 'raw' })
  expect(ids).toEqual(['drafts.person-ada', 'drafts.person-grace', 'person-ada'])
})

test('the drafts perspective overlays drafts on published documents, with _originalId', async () => {
  const people = await t.writer.fetch(
    '*[_type == "person"] | order(_id){_id, _originalId, name}',
    {},
    { perspective: 'drafts' },
  )
  expect(people).toEqual([
    { _id: 'person-ada', _originalId: 'drafts.person-ada', name: 'Ada (draft)' },
    { _id: 'person-grace', _originalId: 'drafts.person-grace', name: 'Grace (draft only)' },
  ])
  // The overlay is built before evaluation, so joins see the draft too.
  const speaker = await t.writer.fetch('*[_id == "interview-1"][0].speaker->name', {}, { perspective: 'drafts' })
  expect(speaker).toBe('Ada (draft)')
  const byId = await t.writer.fetch('*[_id == $id][0].name', { id: 'person-ada' }, { perspective: 'drafts' })
  expect(byId).toBe('Ada (draft)')
})

test('the read token reads drafts; anonymous requests see only published documents', async () => {
  expect(await t.reader.fetch('count(*[_type == "person"])', {}, { perspective: 'raw' })).toBe(3)
  expect(await t.anonymous.fetch('count(*[_type == "person"])', {}, { perspective: 'raw' })).toBe(1)
  expect(await t.anonymous.fetch('*[_type == "person"]._id', {}, { perspective: 'drafts' })).toEqual(['person-ada'])
})

test('anonymous readers get null for references to hidden (draft) documents', async () => {
  const speaker = await t.anonymous.fetch(
    '*[_id == "interview-2"][0]{"speaker": speaker->name}',
    {},
    { perspective: 'raw' },
  )
  expect(speaker).toEqual({ speaker: null })
  const asEditor = await t.writer.fetch(
    '*[_id == "interview-2"][0]{"speaker": speaker->name}',
    {},
    { perspective: 'raw' },
  )
  expect(asEditor).toEqual({ speaker: 'Grace (draft only)' })
})

test('a GROQ syntax error is a 400 queryParseError with the span', async () => {
  const res = await t.request('/v2025-02-19/data/query/production?query=' + encodeURIComponent('*[_type == ]'), {
    token: READ_TOKEN,
  })
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(body.error).toMatchObject({ type: 'queryParseError', query: '*[_type == ]', start: 10 })
  expect(typeof body.error.end).toBe('number')
  expect(body.error.description).toMatch(/Unexpected end of query/)
  await expect(t.writer.fetch('*[_type == ]')).rejects.toThrow(/GROQ query parse error/)
})

test('a parameter used but not given is a 400 that names it', async () => {
  const res = await t.request(
    '/v2025-02-19/data/query/production?query=' + encodeURIComponent('*[slug.current == $slug]'),
    { token: READ_TOKEN },
  )
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(body.error).toMatchObject({
    type: 'queryParseError',
    description: 'param $slug referenced, but not provided',
    start: 18,
    end: 23,
  })
})

test('a parameter that is not JSON, an invalid dataset name and an unknown perspective are 400s', async () => {
  const badParam = await t.request('/v1/data/query/production?query=*%5B_id%20%3D%3D%20%24id%5D&%24id=not-json', {
    token: READ_TOKEN,
  })
  expect(badParam.status).toBe(400)
  expect((await badParam.json()).error.description).toMatch(/\$id is not valid JSON/)
  const badDataset = await t.request('/v1/data/query/Bad%20Name?query=*', { token: READ_TOKEN })
  expect(badDataset.status).toBe(400)
  expect((await badDataset.json()).error.description).toMatch(/Invalid dataset name/)
  const badPerspective = await t.request('/v1/data/query/production?query=*&perspective=sideways!', {
    token: READ_TOKEN,
  })
  expect(badPerspective.status).toBe(400)
})

test('a dataset that does not exist is a 404 that names it, as on hosted Sanity', async () => {
  await expect(t.client({ token: READ_TOKEN, dataset: 'never-written' }).fetch('*')).rejects.toMatchObject({
    statusCode: 404,
    message: 'Dataset not found - Dataset "never-written" not found for project ID "parley"',
  })
})

test('any /v… prefix is accepted and the API version picks the default perspective', async () => {
  const old = await t.request(
    '/v2021-06-07/data/query/production?query=' + encodeURIComponent('count(*[_type == "person"])'),
    { token: READ_TOKEN },
  )
  expect((await old.json()).result).toBe(3)
  const experimental = await t.request(
    '/vX/data/query/production?query=' + encodeURIComponent('count(*[_type == "person"])'),
    { token: READ_TOKEN },
  )
  expect((await experimental.json()).result).toBe(1)
})

test("an unknown token is refused with 401 in Sanity's shape", async () => {
  const res = await t.request('/v1/data/query/production?query=*', { token: 'wrong' })
  expect(res.status).toBe(401)
  expect(await res.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' })
  await expect(t.client({ token: 'wrong' }).fetch('*')).rejects.toMatchObject({ statusCode: 401 })
})

test("unknown paths are 404 and wrong methods 405, both in Sanity's shape", async () => {
  const missing = await t.request('/v1/nothing/here')
  expect(missing.status).toBe(404)
  expect(await missing.json()).toMatchObject({ statusCode: 404, error: 'Not Found' })
  const wrongMethod = await t.request('/v1/data/mutate/production', { method: 'GET', token: WRITE_TOKEN })
  expect(wrongMethod.status).toBe(405)
})
