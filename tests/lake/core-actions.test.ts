// The Actions API through the real client: the document lifecycle the Studio drives, with revision checks.
import { snapshot, startTestLake, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

const publish = (id: string, extra: Record<string, unknown> = {}) => ({
  actionType: 'sanity.action.document.publish' as const,
  draftId: `drafts.${id}`,
  publishedId: id,
  ...extra,
})

test('create, edit and publish a draft; every resulting _rev is the client transactionId', async () => {
  await t.writer.action(
    {
      actionType: 'sanity.action.document.create',
      publishedId: 'post-1',
      attributes: { _id: 'drafts.post-1', _type: 'interview', title: 'Draft' },
      ifExists: 'fail',
    },
    { transactionId: 'tx-create' },
  )
  expect(await t.writer.getDocument('drafts.post-1')).toMatchObject({ title: 'Draft', _rev: 'tx-create' })
  await t.writer.action(
    {
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.post-1',
      publishedId: 'post-1',
      patch: { set: { title: 'Edited' } },
    },
    { transactionId: 'tx-edit' },
  )
  expect(await t.writer.getDocument('drafts.post-1')).toMatchObject({ title: 'Edited', _rev: 'tx-edit' })
  await t.writer.action(publish('post-1', { ifDraftRevisionId: 'tx-edit' }), { transactionId: 'tx-publish' })
  expect(await t.writer.getDocument('drafts.post-1')).toBeUndefined()
  expect(await t.writer.getDocument('post-1')).toMatchObject({ _id: 'post-1', title: 'Edited', _rev: 'tx-publish' })
})

test('edit of a published document without a draft starts the draft from the published version', async () => {
  await t.writer.action({
    actionType: 'sanity.action.document.edit',
    draftId: 'drafts.post-1',
    publishedId: 'post-1',
    patch: { set: { standfirst: 'New' } },
  })
  expect(await t.writer.getDocument('drafts.post-1')).toMatchObject({
    _id: 'drafts.post-1',
    title: 'Edited',
    standfirst: 'New',
  })
})

test('publish with a stale draft revision is a 409 and changes nothing', async () => {
  const before = snapshot(t.lake)
  await expect(t.writer.action(publish('post-1', { ifDraftRevisionId: 'stale' }))).rejects.toMatchObject({
    statusCode: 409,
  })
  await expect(t.writer.action(publish('post-1', { ifPublishedRevisionId: 'stale' }))).rejects.toMatchObject({
    statusCode: 409,
  })
  expect(snapshot(t.lake)).toEqual(before)
})

test('discard removes the draft; unpublish moves the published document back to a draft', async () => {
  await t.writer.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.post-1' })
  expect(await t.writer.getDocument('drafts.post-1')).toBeUndefined()
  await t.writer.action({
    actionType: 'sanity.action.document.unpublish',
    draftId: 'drafts.post-1',
    publishedId: 'post-1',
  })
  expect(await t.writer.getDocument('post-1')).toBeUndefined()
  expect(await t.writer.getDocument('drafts.post-1')).toMatchObject({ title: 'Edited' })
})

test('delete removes the published document and its draft', async () => {
  await t.writer.action(publish('post-1'))
  await t.writer.action({
    actionType: 'sanity.action.document.edit',
    draftId: 'drafts.post-1',
    publishedId: 'post-1',
    patch: { set: { title: 'again' } },
  })
  await t.writer.action({
    actionType: 'sanity.action.document.delete',
    publishedId: 'post-1',
    includeDrafts: ['drafts.post-1'],
  })
  expect(await t.writer.getDocuments(['post-1', 'drafts.post-1'])).toEqual([null, null])
})

test('several actions are one transaction: a failing one undoes the others', async () => {
  const before = snapshot(t.lake)
  await expect(
    t.writer.action([
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'post-2',
        attributes: { _id: 'drafts.post-2', _type: 'interview' },
        ifExists: 'fail',
      },
      publish('never-drafted'),
    ]),
  ).rejects.toMatchObject({ statusCode: 409 })
  expect(snapshot(t.lake)).toEqual(before)
})

test('create of an existing draft is a 409 unless ifExists is ignore', async () => {
  const create = {
    actionType: 'sanity.action.document.create' as const,
    publishedId: 'post-3',
    attributes: { _id: 'drafts.post-3', _type: 'interview' },
  }
  await t.writer.action({ ...create, ifExists: 'fail' })
  await expect(t.writer.action({ ...create, ifExists: 'fail' })).rejects.toMatchObject({ statusCode: 409 })
  await t.writer.action({ ...create, ifExists: 'ignore' })
})

test('an unknown action type, a bad id and malformed bodies are 400s in actionError shape', async () => {
  const before = snapshot(t.lake)
  const post = (body: unknown) =>
    t.request('/v2025-02-19/data/actions/production', {
      method: 'POST',
      token: 'core-test-write-token',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const unknown = await post({ actions: [{ actionType: 'sanity.action.document.teleport' }] })
  expect(unknown.status).toBe(400)
  expect((await unknown.json()).error).toMatchObject({
    type: 'actionError',
    items: [{ index: 0, error: { type: 'invalidAction' } }],
  })
  const badId = await post({ actions: [{ actionType: 'sanity.action.document.discard', draftId: 'drafts.bad id' }] })
  expect(badId.status).toBe(400)
  expect((await post({ nothing: true })).status).toBe(400)
  expect(snapshot(t.lake)).toEqual(before)
})

test('dryRun reports success without writing', async () => {
  const before = snapshot(t.lake)
  await t.writer.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.post-3' }, { dryRun: true })
  expect(snapshot(t.lake)).toEqual(before)
})

test('the read token cannot perform actions (403)', async () => {
  await expect(
    t.reader.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.post-3' }),
  ).rejects.toMatchObject({ statusCode: 403 })
})
