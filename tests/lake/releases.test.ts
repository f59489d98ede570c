// Content Releases through the real client: release documents and actions, versions, release perspectives, and a scheduled release the lake publishes at its time, all at once.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { READ_TOKEN, snapshot, startTestLake, type TestLake } from './core-lake.ts'

let t: TestLake
let hooks: Server
const delivered: { id: string; transaction: string; at: number }[] = []

beforeAll(async () => {
  hooks = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      delivered.push({
        id: String(req.headers['sanity-document-id']),
        transaction: String(req.headers['sanity-transaction-id']),
        at: Date.now(),
      })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve))
  t = await startTestLake({
    webhooks: [
      {
        name: 'site',
        url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/revalidate`,
        secret: 'release-test-secret',
        filter: '_type in ["interview", "person"]',
        on: ['create', 'update', 'delete'],
      },
    ],
  })
  await t.writer
    .transaction()
    .create({ _id: 'ada', _type: 'person', name: 'Ada' })
    .create({
      _id: 'story-a',
      _type: 'interview',
      title: 'A, as published',
      speaker: { _type: 'reference', _ref: 'ada' },
    })
    .commit()
})

afterAll(async () => {
  await t.stop()
  await new Promise<void>((resolve) => hooks.close(() => resolve()))
})

type Failure = {
  statusCode: number
  details: { type: string; items: { error: { type: string; description: string } }[] }
}
const failure = (write: Promise<unknown>) =>
  write.then(
    () => {
      throw new Error('the action was accepted')
    },
    (error: Failure) => ({
      status: error.statusCode,
      type: error.details?.items?.[0]?.error.type,
      message: error.details?.items?.[0]?.error.description,
    }),
  )

test('a release is a _.releases document; create, edit its metadata, and read it back', async () => {
  await t.writer.releases.create({ releaseId: 'spring', metadata: { title: 'Spring series', releaseType: 'asap' } })
  await t.writer.releases.edit({ releaseId: 'spring', patch: { set: { 'metadata.description': 'Three interviews' } } })
  expect(await t.writer.releases.get({ releaseId: 'spring' })).toMatchObject({
    _id: '_.releases.spring',
    _type: 'system.release',
    name: 'spring',
    state: 'active',
    metadata: { title: 'Spring series', releaseType: 'asap', description: 'Three interviews' },
  })
  expect(await t.reader.fetch('releases::all()[name == "spring"].metadata.title')).toEqual(['Spring series'])
})

test('versions: created from the published document (baseId) or whole, replaced, and marked to unpublish', async () => {
  await t.writer.createVersion({ publishedId: 'story-a', baseId: 'story-a', releaseId: 'spring' })
  await t.writer.replaceVersion({
    document: {
      _id: 'versions.spring.story-a',
      _type: 'interview',
      title: 'A, as the release has it',
      speaker: { _type: 'reference', _ref: 'ada' },
    },
  })
  await t.writer.action({
    actionType: 'sanity.action.document.version.create',
    publishedId: 'story-b',
    document: {
      _id: 'versions.spring.story-b',
      _type: 'interview',
      title: 'B, new in the release',
      speaker: { _type: 'reference', _ref: 'grace' },
    },
  })
  await t.writer.action({
    actionType: 'sanity.action.document.version.create',
    publishedId: 'grace',
    document: { _id: 'versions.spring.grace', _type: 'person', name: 'Grace' },
  })
  expect(
    (await t.writer.releases.fetchDocuments({ releaseId: 'spring' }, { perspective: 'raw' } as never)).result,
  ).toBeDefined()
  const partOf = await t.reader.fetch<string[]>(
    '*[sanity::partOfRelease("spring")]._id | order(@)',
    {},
    { perspective: 'raw' },
  )
  expect(partOf).toEqual(['versions.spring.grace', 'versions.spring.story-a', 'versions.spring.story-b'])
})

test('the release perspective shows the release over published content; anonymous readers see none of it', async () => {
  const titles = (perspective: 'published' | string[]) =>
    t.reader.fetch<string[]>('*[_type == "interview"] | order(_id).title', {}, { perspective: perspective as never })
  expect(await titles(['spring'])).toEqual(['A, as the release has it', 'B, new in the release'])
  expect(await titles('published')).toEqual(['A, as published'])
  expect(await t.reader.fetch('*[_id == "story-b"][0].speaker->name', {}, { perspective: ['spring'] })).toBe('Grace')
  expect(await t.anonymous.fetch('count(*[_id in path("versions.**") || _id in path("_.**")])')).toBe(0)
  expect(await t.anonymous.fetch('*[_type == "interview"].title', {}, { perspective: ['spring'] })).toEqual([
    'A, as published',
  ])
})

test('bad release actions are 4xx that say what was wrong, and change nothing', async () => {
  const before = snapshot(t.lake)
  expect(await failure(t.writer.releases.publish({ releaseId: 'no-such-release' }))).toEqual({
    status: 404,
    type: 'releaseNotFoundError',
    message: 'Release "no-such-release" does not exist',
  })
  expect(
    await failure(t.writer.releases.schedule({ releaseId: 'spring', publishAt: '2020-01-01T00:00:00Z' })),
  ).toMatchObject({
    status: 400,
    message: expect.stringContaining('is in the past'),
  })
  expect(await failure(t.writer.releases.create({ releaseId: 'spring' }))).toMatchObject({ status: 409 })
  expect(await failure(t.writer.releases.create({ releaseId: 'bad id!' }))).toMatchObject({ status: 400 })
  expect(await failure(t.writer.releases.delete({ releaseId: 'spring' }))).toMatchObject({
    status: 409,
    message: expect.stringContaining('archive it first'),
  })
  expect(
    await failure(t.writer.createVersion({ publishedId: 'story-a', baseId: 'story-a', releaseId: 'no-such-release' })),
  ).toMatchObject({ status: 404, type: 'releaseNotFoundError' })
  for (const client of [t.anonymous, t.client({ token: READ_TOKEN })]) {
    const refused = await client.releases
      .publish({ releaseId: 'spring' })
      .catch((error: { statusCode: number }) => error)
    expect([401, 403]).toContain((refused as { statusCode: number }).statusCode)
  }
  expect(snapshot(t.lake)).toEqual(before)
})

test('publishing a release whose documents would break a reference is refused whole (409)', async () => {
  await t.writer.releases.create({ releaseId: 'broken', metadata: { title: 'Broken' } })
  await t.writer.action({
    actionType: 'sanity.action.document.version.create',
    publishedId: 'story-c',
    document: { _id: 'versions.broken.story-c', _type: 'interview', speaker: { _type: 'reference', _ref: 'nobody' } },
  })
  const before = snapshot(t.lake)
  expect(await failure(t.writer.releases.publish({ releaseId: 'broken' }))).toEqual({
    status: 409,
    type: 'documentReferenceDoesNotExistError',
    message: 'Document "story-c" references non-existent document "nobody"',
  })
  expect(snapshot(t.lake)).toEqual(before)
})

test('schedule locks the versions; unschedule opens them; archive takes them out and unarchive brings them back', async () => {
  await t.writer.releases.create({ releaseId: 'autumn', metadata: { title: 'Autumn' } })
  await t.writer.createVersion({ publishedId: 'ada', baseId: 'ada', releaseId: 'autumn' })
  await t.writer.releases.schedule({ releaseId: 'autumn', publishAt: new Date(Date.now() + 3_600_000).toISOString() })
  expect(await t.writer.releases.get({ releaseId: 'autumn' })).toMatchObject({ state: 'scheduled' })
  expect(await failure(t.writer.discardVersion({ releaseId: 'autumn', publishedId: 'ada' }))).toMatchObject({
    status: 409,
    type: 'releaseLockedError',
  })
  await t.writer.releases.unschedule({ releaseId: 'autumn' })
  await t.writer.releases.archive({ releaseId: 'autumn' })
  expect(await t.writer.getDocument('versions.autumn.ada')).toBeUndefined()
  await t.writer.releases.unarchive({ releaseId: 'autumn' })
  expect(await t.writer.getDocument('versions.autumn.ada')).toMatchObject({ name: 'Ada' })
  await t.writer.releases.archive({ releaseId: 'autumn' })
  await t.writer.releases.delete({ releaseId: 'autumn' })
  expect(await t.writer.releases.get({ releaseId: 'autumn' })).toBeUndefined()
})

test('version.unpublish marks a document to go with the release; the release perspective already hides it', async () => {
  await t.writer.releases.create({ releaseId: 'retire', metadata: { title: 'Retire A' } })
  await t.writer.create({ _id: 'old-note', _type: 'note' })
  await t.writer.unpublishVersion({ releaseId: 'retire', publishedId: 'old-note' })
  expect(await t.reader.fetch('count(*[_id == "old-note"])', {}, { perspective: ['retire'] })).toBe(0)
  await t.writer.releases.publish({ releaseId: 'retire' })
  expect(await t.writer.getDocument('old-note')).toBeUndefined()
})

test('a scheduled release is published by the lake at its time: nothing before, every document at once, a webhook each', async () => {
  const publishedRev = (await t.writer.getDocument('story-a'))?._rev
  const publishAt = new Date(Date.now() + 1500)
  await t.writer.releases.schedule({ releaseId: 'spring', publishAt: publishAt.toISOString() })
  expect(await t.anonymous.fetch('*[_id in ["story-b", "grace"]]')).toEqual([])
  expect(await t.anonymous.fetch('*[_id == "story-a"][0].title')).toBe('A, as published')

  const deadline = Date.now() + 10_000
  let seen: { _id: string; _rev: string; title?: string }[] = []
  while (Date.now() < deadline) {
    seen = await t.anonymous.fetch(
      '*[_id in ["story-a", "story-b", "grace"] && _rev != $before]{_id, _rev, title} | order(_id)',
      { before: publishedRev },
    )
    if (seen.length === 3) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const visibleAt = Date.now()
  expect(visibleAt).toBeGreaterThanOrEqual(publishAt.getTime())
  expect(seen).toHaveLength(3)
  // All three appeared in the same answer, written by one transaction.
  expect(seen.map((doc) => doc._id)).toEqual(['grace', 'story-a', 'story-b'])
  expect(new Set(seen.map((doc) => doc._rev)).size).toBe(1)
  expect(seen.find((doc) => doc._id === 'story-a')?.title).toBe('A, as the release has it')
  expect(await t.writer.releases.get({ releaseId: 'spring' })).toMatchObject({
    state: 'published',
    publishedAt: expect.any(String),
    finalDocumentStates: expect.arrayContaining([{ id: 'story-a' }, { id: 'story-b' }, { id: 'grace' }]),
  })
  expect(await t.writer.fetch('count(*[sanity::partOfRelease("spring")])', {}, { perspective: 'raw' })).toBe(0)

  const transaction = seen[0]?._rev
  for (let wait = 0; wait < 100 && delivered.filter((d) => d.transaction === transaction).length < 3; wait++)
    await new Promise((resolve) => setTimeout(resolve, 50))
  expect(
    delivered
      .filter((d) => d.transaction === transaction)
      .map((d) => d.id)
      .sort(),
  ).toEqual(['grace', 'story-a', 'story-b'])

  const [event] =
    (
      await t.reader.request<{ events: Record<string, { type: string; publishCause: string }[]> }>({
        url: '/data/history/production/events/documents/story-b',
      })
    ).events['story-b'] ?? []
  expect(event).toMatchObject({ type: 'publishDocumentVersion', publishCause: 'release.schedule', releaseId: 'spring' })
})
