// History through the real client: the events the Studio's History panel lists, revisions, a deleted document's last state, transaction filters, restore.
import type { SanityClient } from '@sanity/client'
import { READ_TOKEN, startTestLake, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

type EventsResponse = { events: Record<string, Record<string, unknown>[]>; nextCursor: string }

const events = (ids: string, query: Record<string, string> = {}, client: SanityClient = t.reader) =>
  client.request<EventsResponse>({ url: `/data/history/production/events/documents/${ids}`, query })

/** The transactions endpoint as the Studio reads it: NDJSON, one transaction a line. */
async function transactions(path: string, query: Record<string, string> = {}) {
  const res = await t.request(
    `/v2025-02-19/data/history/production/transactions${path}?${new URLSearchParams(query)}`,
    {
      token: READ_TOKEN,
    },
  )
  expect(res.status).toBe(200)
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; author: string; documentIDs: string[]; timestamp: string })
}

const edit = (id: string, set: Record<string, unknown>, transactionId: string) =>
  t.writer.action(
    { actionType: 'sanity.action.document.edit', draftId: `drafts.${id}`, publishedId: id, patch: { set } },
    { transactionId },
  )

const publish = (id: string, transactionId: string) =>
  t.writer.action(
    { actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id },
    { transactionId },
  )

describe('an interview written in the Studio way: create, three edits, publish, edit, publish, unpublish', () => {
  beforeAll(async () => {
    await t.writer.action(
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'story',
        attributes: { _id: 'drafts.story', _type: 'interview', title: 'v1' },
        ifExists: 'fail',
      },
      { transactionId: 'story-create' },
    )
    await edit('story', { title: 'v2' }, 'story-edit-1')
    await edit('story', { title: 'v3' }, 'story-edit-2')
    await edit('story', { title: 'v4' }, 'story-edit-3')
    await publish('story', 'story-publish-1')
    await edit('story', { title: 'v5' }, 'story-edit-4')
    await publish('story', 'story-publish-2')
    await t.writer.action(
      { actionType: 'sanity.action.document.unpublish', draftId: 'drafts.story', publishedId: 'story' },
      { transactionId: 'story-unpublish' },
    )
  })

  test("the draft's events, newest first: each names the draft revision it opens", async () => {
    const page = await events('drafts.story')
    expect(page.nextCursor).toBe('')
    expect(page.events['drafts.story']).toEqual([
      expect.objectContaining({
        type: 'createDocumentVersion',
        documentId: 'story',
        versionId: 'drafts.story',
        versionRevisionId: 'story-unpublish',
        author: 'parley-editor',
      }),
      expect.objectContaining({
        type: 'publishDocumentVersion',
        documentId: 'story',
        revisionId: 'story-publish-2',
        versionId: 'drafts.story',
        versionRevisionId: 'story-edit-4',
        publishCause: 'document.publish',
        releaseId: '',
      }),
      expect.objectContaining({ type: 'createDocumentVersion', versionRevisionId: 'story-edit-4' }),
      expect.objectContaining({
        type: 'publishDocumentVersion',
        revisionId: 'story-publish-1',
        versionRevisionId: 'story-edit-3',
      }),
      expect.objectContaining({ type: 'createDocumentVersion', versionRevisionId: 'story-create' }),
    ])
    for (const event of page.events['drafts.story'] ?? []) expect(Date.parse(String(event.timestamp))).not.toBeNaN()
  })

  test("the published document's events: two publishes and the unpublish", async () => {
    const page = await events('story')
    expect(page.events.story?.map((event) => event.type)).toEqual([
      'unpublishDocument',
      'publishDocumentVersion',
      'publishDocumentVersion',
    ])
    expect(page.events.story?.[0]).toMatchObject({ versionId: 'drafts.story', versionRevisionId: 'story-unpublish' })
    expect(page.events.story?.[1]).toMatchObject({ revisionId: 'story-publish-2', versionRevisionId: 'story-edit-4' })
  })

  test('each event opens the revision it names, as the History panel does', async () => {
    const opened = await t.reader.request<{ documents: { _rev: string; title: string }[] }>({
      url: '/data/history/production/documents/drafts.story',
      query: { revision: 'story-edit-3' },
    })
    expect(opened.documents).toEqual([expect.objectContaining({ _rev: 'story-edit-3', title: 'v4' })])
  })

  test('the edits between two events come from the transaction log, oldest first, from a given transaction', async () => {
    const log = await transactions('/drafts.story', {
      fromTransaction: 'story-create',
      toTransaction: 'story-publish-1',
      excludeContent: 'true',
      effectFormat: 'mendoza',
    })
    expect(log.map((entry) => entry.id)).toEqual([
      'story-create',
      'story-edit-1',
      'story-edit-2',
      'story-edit-3',
      'story-publish-1',
    ])
    expect(log[0]).not.toHaveProperty('mutations')
  })

  test('limit and nextCursor page through the events without repeating or skipping one', async () => {
    const all = (await events('drafts.story')).events['drafts.story'] ?? []
    const seen: unknown[] = []
    let cursor = ''
    for (let pages = 0; pages < 10; pages++) {
      const page = await events('drafts.story', { limit: '2', ...(cursor ? { nextCursor: cursor } : {}) })
      seen.push(...(page.events['drafts.story'] ?? []))
      cursor = page.nextCursor
      if (!cursor) break
    }
    expect(seen).toEqual(all)
    expect(all).toHaveLength(5)
  })

  test('events of several documents at once, each under its own id', async () => {
    const page = await events('story,drafts.story')
    expect(Object.keys(page.events).sort()).toEqual(['drafts.story', 'story'])
    expect(page.events.story).toHaveLength(3)
    expect(page.events['drafts.story']).toHaveLength(5)
  })
})

test('documents written with raw mutations: created live, updated live, then deleted as a group', async () => {
  await t.writer.mutate([{ create: { _id: 'live', _type: 'thing', n: 1 } }], { transactionId: 'live-create' })
  await t.writer.patch('live').set({ n: 2 }).commit({ transactionId: 'live-update' })
  await t.writer.mutate([{ createOrReplace: { _id: 'drafts.live', _type: 'thing', n: 3 } }], {
    transactionId: 'live-draft',
  })
  await t.writer.transaction().delete('live').delete('drafts.live').commit({ transactionId: 'live-delete' })
  const page = await events('live,drafts.live')
  expect(page.events.live?.map((event) => [event.type, event.revisionId])).toEqual([
    ['deleteDocumentGroup', undefined],
    ['updateLiveDocument', 'live-update'],
    ['createLiveDocument', 'live-create'],
  ])
  expect(page.events['drafts.live']?.map((event) => event.type)).toEqual([
    'deleteDocumentGroup',
    'createDocumentVersion',
  ])
})

test('a discarded draft is a deleteDocumentVersion that opens the discarded content', async () => {
  await t.writer.create({ _id: 'kept', _type: 'thing', title: 'published' })
  await edit('kept', { title: 'a draft to throw away' }, 'kept-draft')
  await t.writer.action(
    { actionType: 'sanity.action.document.discard', draftId: 'drafts.kept' },
    { transactionId: 'kept-discard' },
  )
  const [discarded] = (await events('drafts.kept')).events['drafts.kept'] ?? []
  expect(discarded).toMatchObject({
    type: 'deleteDocumentVersion',
    versionId: 'drafts.kept',
    versionRevisionId: 'kept-draft',
  })
  const opened = await t.reader.request<{ documents: { title: string }[] }>({
    url: '/data/history/production/documents/drafts.kept',
    query: { revision: 'kept-draft' },
  })
  expect(opened.documents[0]?.title).toBe('a draft to throw away')
})

test("lastRevision gives a live document's current state and a deleted document's last state", async () => {
  await t.writer.mutate([{ create: { _id: 'gone', _type: 'thing', title: 'last words' } }], {
    transactionId: 'gone-create',
  })
  await t.writer.delete('gone')
  const gone = await t.reader.request<{ documents: { _id: string; title: string; _rev: string }[] }>({
    url: '/data/history/production/documents/gone',
    query: { lastRevision: 'true' },
  })
  expect(gone.documents).toEqual([expect.objectContaining({ _id: 'gone', title: 'last words', _rev: 'gone-create' })])
  const live = await t.reader.request<{ documents: { n: number }[] }>({
    url: '/data/history/production/documents/kept',
    query: { lastRevision: 'true' },
  })
  expect(live.documents[0]).toMatchObject({ title: 'published' })
  const both = await t.request('/v2025-02-19/data/history/production/documents/gone?lastRevision=true&revision=x', {
    token: READ_TOKEN,
  })
  expect(both.status).toBe(400)
  expect((await both.json()).error.description).toMatch(/exactly one of/)
})

test('Restore: an old revision comes back as the draft (replaceDraft) and publishes', async () => {
  const old = await t.reader.request<{ documents: Record<string, unknown>[] }>({
    url: '/data/history/production/documents/story,drafts.story',
    query: { revision: 'story-edit-1' },
  })
  const { _updatedAt, ...restored } = old.documents[0] as Record<string, unknown>
  expect(restored).toMatchObject({ _id: 'drafts.story', title: 'v2' })
  await t.writer.action({
    actionType: 'sanity.action.document.replaceDraft',
    publishedId: 'story',
    attributes: { ...restored, _id: 'drafts.story', _type: 'interview' },
  })
  await publish('story', 'story-restored')
  expect(await t.writer.getDocument('story')).toMatchObject({ title: 'v2', _rev: 'story-restored' })
})

describe('transaction filters', () => {
  let times: string[] = []
  beforeAll(async () => {
    await t.writer.mutate([{ create: { _id: 'filtered', _type: 'thing', step: 1 } }], { transactionId: 'filter-f1' })
    for (const step of [2, 3, 4]) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      await t.writer
        .patch('filtered')
        .set({ step })
        .commit({ transactionId: `filter-f${step}` })
    }
    times = (await transactions('/filtered')).map((entry) => entry.timestamp)
  })

  test('from/to transaction, reverse and limit', async () => {
    const ids = async (query: Record<string, string>) =>
      (await transactions('/filtered', query)).map((entry) => entry.id)
    expect(await ids({})).toEqual(['filter-f1', 'filter-f2', 'filter-f3', 'filter-f4'])
    expect(await ids({ fromTransaction: 'filter-f2', toTransaction: 'filter-f3' })).toEqual(['filter-f2', 'filter-f3'])
    expect(await ids({ reverse: 'true', limit: '2' })).toEqual(['filter-f4', 'filter-f3'])
  })

  test('from/to time (inclusive) and authors', async () => {
    const ids = async (query: Record<string, string>) =>
      (await transactions('/filtered', query)).map((entry) => entry.id)
    expect(await ids({ fromTime: times[1] as string, toTime: times[2] as string })).toEqual(['filter-f2', 'filter-f3'])
    expect(await ids({ authors: 'parley-editor' })).toHaveLength(4)
    expect(await ids({ authors: 'someone-else' })).toEqual([])
  })

  test('all transactions of a dataset, newest first', async () => {
    const log = await transactions('', { reverse: 'true', limit: '3' })
    expect(log.map((entry) => entry.id)).toEqual(['filter-f4', 'filter-f3', 'filter-f2'])
    expect(log[0]?.documentIDs).toEqual(['filtered'])
  })

  test('bad filters are 4xx that say what was wrong', async () => {
    const unknown = await t.request('/v2025-02-19/data/history/production/transactions/filtered?fromTransaction=nope', {
      token: READ_TOKEN,
    })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).message).toMatch(/fromTransaction: no transaction "nope"/)
    for (const query of ['fromTime=yesterday', 'limit=-1']) {
      const res = await t.request(`/v2025-02-19/data/history/production/transactions/filtered?${query}`, {
        token: READ_TOKEN,
      })
      expect(res.status).toBe(400)
    }
  })
})

test('history needs a token: anonymous requests are 401', async () => {
  const res = await t.request('/v2025-02-19/data/history/production/events/documents/story')
  expect(res.status).toBe(401)
  await expect(events('story', {}, t.anonymous)).rejects.toMatchObject({ statusCode: 401 })
})
