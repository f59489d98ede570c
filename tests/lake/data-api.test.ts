// The rest of the data API through the real client: export, datasets, unknown datasets, listen resume and its defaults, all versions of a document, existence checks, and hosted-only services.
import type { MutationEvent } from '@sanity/client'
import { READ_TOKEN, WRITE_TOKEN, snapshot, startTestLake, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
  await t.writer
    .transaction()
    .create({ _id: 'person-1', _type: 'person', name: 'Ada' })
    .create({ _id: 'drafts.person-1', _type: 'person', name: 'Ada (draft)' })
    .create({ _id: 'versions.launch.person-1', _type: 'person', name: 'Ada (launch)' })
    .create({ _id: 'topic-1', _type: 'topic', title: 'Storage' })
    .commit()
})

afterAll(() => t.stop())

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { _id: string; _type: string })

test('GET /data/export/:dataset is NDJSON of what the caller may read, by type when asked', async () => {
  const editor = await t.request('/v2025-02-19/data/export/production', { token: WRITE_TOKEN })
  expect(editor.headers.get('content-type')).toMatch(/ndjson/)
  expect(lines(await editor.text()).map((doc) => doc._id)).toEqual([
    'drafts.person-1',
    'person-1',
    'topic-1',
    'versions.launch.person-1',
  ])
  const anonymous = await t.request('/v2025-02-19/data/export/production?types=person')
  expect(lines(await anonymous.text()).map((doc) => doc._id)).toEqual(['person-1'])
  const missing = await t.request('/v2025-02-19/data/export/nowhere', { token: WRITE_TOKEN })
  expect(missing.status).toBe(404)
  expect(await missing.json()).toEqual({
    statusCode: 404,
    error: 'Dataset not found',
    message: 'Dataset "nowhere" not found for project ID "parley"',
  })
})

test('a query on an unknown dataset is a 404 naming it, as on hosted Sanity', async () => {
  await expect(t.client({ token: READ_TOKEN, dataset: 'never-created' }).fetch('*')).rejects.toMatchObject({
    statusCode: 404,
    message: expect.stringContaining('Dataset "never-created" not found for project ID "parley"'),
  })
  expect(await t.anonymous.fetch('count(*)')).toBe(2)
})

test('datasets.create, edit and delete; bad names, duplicates, unknown ACL modes and missing tokens are refused', async () => {
  expect(await t.writer.datasets.create('staging')).toEqual({ datasetName: 'staging', aclMode: 'public' })
  const staging = t.client({ token: WRITE_TOKEN, dataset: 'staging' })
  expect(await staging.fetch('*')).toEqual([])
  await staging.create({ _id: 'note', _type: 'note' })
  expect((await t.writer.datasets.list()).map((dataset) => dataset.name)).toEqual(['production', 'staging'])
  expect(await t.writer.datasets.edit('staging', { aclMode: 'public' })).toEqual({
    datasetName: 'staging',
    aclMode: 'public',
  })
  await expect(t.writer.datasets.create('staging')).rejects.toMatchObject({ statusCode: 409 })
  const badName = await t.request('/v2025-02-19/datasets/Bad-Name', { method: 'PUT', token: WRITE_TOKEN })
  expect(badName.status).toBe(400)
  expect((await badName.json()).error.description).toMatch(/Invalid dataset name "Bad-Name"/)
  await expect(t.writer.datasets.create('secret', { aclMode: 'custom' as 'private' })).rejects.toMatchObject({
    statusCode: 400,
    message: expect.stringContaining('aclMode must be "public" or "private", not "custom"'),
  })
  expect((await t.writer.datasets.list()).map((dataset) => dataset.name)).toEqual(['production', 'staging'])
  await expect(t.reader.datasets.delete('staging')).rejects.toMatchObject({ statusCode: 403 })
  await expect(t.anonymous.datasets.create('other')).rejects.toMatchObject({ statusCode: 401 })
  expect(await t.writer.datasets.delete('staging')).toEqual({ deleted: true })
  await expect(staging.fetch('*')).rejects.toMatchObject({ statusCode: 404 })
  await expect(t.writer.datasets.delete('staging')).rejects.toMatchObject({ statusCode: 404 })
  expect(snapshot(t.lake, 'staging')).toEqual([])
})

test('a private dataset shows anonymous requests no document, in queries, lookups, references, exports and listens; tokens read it all', async () => {
  expect(await t.writer.datasets.create('members', { aclMode: 'private' })).toEqual({
    datasetName: 'members',
    aclMode: 'private',
  })
  const writer = t.client({ token: WRITE_TOKEN, dataset: 'members' })
  const reader = t.client({ token: READ_TOKEN, dataset: 'members' })
  const anonymous = t.client({ dataset: 'members' })
  await writer
    .transaction()
    .create({
      _id: 'member-1',
      _type: 'member',
      email: 'ada@example.com',
      topic: { _type: 'reference', _ref: 'topic-9' },
    })
    .create({ _id: 'topic-9', _type: 'topic', title: 'Members only' })
    .commit()
  const query = '*[_type == "member"]{email, "topic": topic->title}'
  expect(await reader.fetch(query)).toEqual([{ email: 'ada@example.com', topic: 'Members only' }])
  // As hosted Sanity answers an anonymous query on a private dataset: success, and nothing in it.
  expect(await anonymous.fetch(query)).toEqual([])
  expect(await anonymous.fetch('count(*)')).toBe(0)
  expect(await anonymous.fetch('*[_id == "member-1"][0]')).toBeNull()
  expect(await anonymous.getDocument('member-1')).toBeUndefined()
  const exported = await t.request('/v2025-02-19/data/export/members')
  expect(lines(await exported.text())).toEqual([])
  // The same change, heard by the reader's listener and not by the anonymous one.
  const heard = { reader: [] as string[], anonymous: [] as string[] }
  const subscriptions = (['reader', 'anonymous'] as const).map((who) =>
    (who === 'reader' ? reader : anonymous).listen('*', {}, { events: ['mutation'] }).subscribe((event) => {
      if (event.type === 'mutation') heard[who].push(event.documentId)
    }),
  )
  await new Promise((resolve) => setTimeout(resolve, 300))
  await writer.patch('member-1').set({ email: 'ada@example.org' }).commit()
  await new Promise((resolve) => setTimeout(resolve, 300))
  for (const subscription of subscriptions) subscription.unsubscribe()
  expect(heard).toEqual({ reader: ['member-1'], anonymous: [] })
  const listed = (await t.writer.datasets.list()).find((dataset) => dataset.name === 'members')
  expect(listed?.aclMode).toBe('private')
  // The public dataset beside it is untouched.
  expect(await t.anonymous.fetch('count(*)')).toBe(2)

  // Made public, its published documents are there for everyone.
  expect(await t.writer.datasets.edit('members', { aclMode: 'public' })).toEqual({
    datasetName: 'members',
    aclMode: 'public',
  })
  expect(await anonymous.fetch(query)).toEqual([{ email: 'ada@example.org', topic: 'Members only' }])
  await t.writer.datasets.edit('members', { aclMode: 'private' })
  expect(await anonymous.fetch('count(*)')).toBe(0)
  await t.writer.datasets.delete('members')
})

test('getDocument with includeAllVersions gives the published document, its draft and its release versions', async () => {
  const all = await t.reader.getDocument('person-1', { includeAllVersions: true })
  expect((all as unknown as { _id: string }[]).map((doc) => doc._id)).toEqual([
    'person-1',
    'drafts.person-1',
    'versions.launch.person-1',
  ])
  const anonymous = await t.anonymous.getDocument('person-1', { includeAllVersions: true })
  expect((anonymous as unknown as { _id: string }[]).map((doc) => doc._id)).toEqual(['person-1'])
  expect(await t.reader.getDocument('person-1')).toMatchObject({ _id: 'person-1', name: 'Ada' })
})

test('documentsExists answers from ids alone (excludeContent); anonymous callers learn nothing about drafts', async () => {
  expect([...(await t.reader.documentsExists(['person-1', 'drafts.person-1', 'nobody']))].sort()).toEqual([
    'drafts.person-1',
    'person-1',
  ])
  const res = await t.request('/v2025-02-19/data/doc/production/person-1?excludeContent=true', { token: READ_TOKEN })
  expect(await res.json()).toEqual({ documents: [{ _id: 'person-1' }], omitted: [] })
  // A draft is "permission", never "existence", whether or not it exists.
  const anonymous = await t.request(
    '/v2025-02-19/data/doc/production/drafts.person-1,drafts.nobody?excludeContent=true',
  )
  expect(await anonymous.json()).toEqual({
    documents: [],
    omitted: [
      { id: 'drafts.person-1', reason: 'permission' },
      { id: 'drafts.nobody', reason: 'permission' },
    ],
  })
})

/** Reads a raw listen stream until `count` events have arrived; returns them as {event, id, data}. */
async function readEvents(path: string, count: number, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const res = await fetch(`${t.lake.url}${path}`, {
    headers: { authorization: `Bearer ${READ_TOKEN}`, ...headers },
    signal: controller.signal,
  })
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const events: { event: string; id?: string; data: Record<string, unknown> }[] = []
  const deadline = Date.now() + 5000
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1]
      const event = field('event')
      if (event) events.push({ event, id: field('id') ?? undefined, data: JSON.parse(field('data') ?? '{}') })
    }
  }
  controller.abort()
  return events
}

test('listen: no result unless asked for (the documented default), the client asks for it', async () => {
  const raw = readEvents('/v2025-02-19/data/listen/production?query=*[_type=="topic"]', 2)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await t.writer.patch('topic-1').set({ title: 'Storage, again' }).commit()
  const [welcome, mutation] = await raw
  expect(welcome?.event).toBe('welcome')
  expect(mutation?.data).not.toHaveProperty('result')

  const viaClient = new Promise<MutationEvent>((resolve) => {
    const subscription = t.reader.listen('*[_type == "topic"]').subscribe((event) => {
      subscription.unsubscribe()
      resolve(event as MutationEvent)
    })
  })
  await new Promise((resolve) => setTimeout(resolve, 300))
  await t.writer.patch('topic-1').set({ title: 'Storage, a third time' }).commit()
  expect((await viaClient).result).toMatchObject({ title: 'Storage, a third time' })
})

test('listen resume: with enableResume and Last-Event-ID, welcomeback and the missed events; an unknown position resets', async () => {
  const path = '/v2025-02-19/data/listen/production?query=*[_type=="topic"]&enableResume=true'
  const first = readEvents(path, 2)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await t.writer.patch('topic-1').set({ title: 'Seen' }).commit()
  const seen = (await first)[1]
  expect(seen?.id).toBeTruthy()
  // While disconnected, two more changes.
  await t.writer.patch('topic-1').set({ title: 'Missed 1' }).commit()
  await t.writer.patch('topic-1').set({ title: 'Missed 2' }).commit()
  const resumed = await readEvents(`${path}&includeResult=true`, 3, { 'last-event-id': seen?.id as string })
  expect(resumed.map((event) => event.event)).toEqual(['welcomeback', 'mutation', 'mutation'])
  expect(resumed.slice(1).map((event) => (event.data.result as { title: string }).title)).toEqual([
    'Missed 1',
    'Missed 2',
  ])
  const reset = await readEvents(path, 1, { 'last-event-id': 'no-such-transaction#topic-1' })
  expect(reset.map((event) => event.event)).toEqual(['reset'])
})

test('hosted-only services answer 501 in Sanity error shape, naming the service', async () => {
  const cases: [string, string, string][] = [
    ['POST', '/v2025-02-19/agent/action/generate/production', 'Agent Actions'],
    ['POST', '/v2025-02-19/functions/fn-1/invoke', 'Functions'],
    ['GET', '/v2025-02-19/collaboration/comments/query', 'Comments'],
    ['GET', '/v2025-02-19/projects/parley/datasets/production/settings/embeddings', 'Embeddings'],
    ['GET', '/v2025-02-19/projects', 'Listing projects'],
  ]
  for (const [method, path, service] of cases) {
    const res = await t.request(path, { method, token: WRITE_TOKEN })
    expect(res.status).toBe(501)
    expect(await res.json()).toEqual({
      statusCode: 501,
      error: 'Not Implemented',
      message: expect.stringContaining(`${service} is a hosted Sanity service and is not available on the local lake`),
      service,
    })
  }
  await expect(t.writer.projects.list()).rejects.toMatchObject({ statusCode: 501 })
})

test('a hosted-only listener is refused at once with a channelError naming the service, not retried for ever', async () => {
  const error = await new Promise<{ name: string; message: string; data?: unknown }>((resolve, reject) => {
    const { collaboration } = t.writer.withConfig({ collaboration: { organizationId: 'org' } } as never).observable
    collaboration.comments.listen('*').subscribe({
      next: () => reject(new Error('a hosted-only listener sent an event')),
      error: resolve,
    })
  })
  expect(error.name).toBe('ChannelError')
  expect(error.message).toContain('Comments is a hosted Sanity service and is not available on the local lake')
  expect(error.data).toMatchObject({ statusCode: 501, service: 'Comments' })
})
