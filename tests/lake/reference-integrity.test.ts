// Strong references as hosted Sanity keeps them, through the real client: no published document points at a missing one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importArchive } from '../../lake/transfer/index.ts'
import { snapshot, startTestLake, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
  await t.writer.create({ _id: 'ada', _type: 'person', name: 'Ada' })
})

afterAll(() => t.stop())

const speaker = (ref: string, extra: Record<string, unknown> = {}) => ({ _type: 'reference', _ref: ref, ...extra })

/** The first item of a mutation or action error, as the client reports it. */
async function refusal(write: Promise<unknown>) {
  const error = (await write.then(
    () => {
      throw new Error('the write was accepted')
    },
    (caught: unknown) => caught,
  )) as { statusCode: number; details: { type: string; items: { index: number; error: Record<string, unknown> }[] } }
  return { status: error.statusCode, type: error.details.type, item: error.details.items[0] }
}

test('a published document with a strong reference to a missing document is refused (409) and nothing changes', async () => {
  const before = snapshot(t.lake)
  const refused = await refusal(
    t.writer
      .transaction()
      .create({ _id: 'fine', _type: 'topic' })
      .create({ _id: 'post-1', _type: 'interview', speaker: speaker('nobody') })
      .commit(),
  )
  expect(refused).toEqual({
    status: 409,
    type: 'mutationError',
    item: {
      index: 1,
      error: {
        type: 'documentReferenceDoesNotExistError',
        description: 'Document "post-1" references non-existent document "nobody"',
        id: 'post-1',
        referenceID: 'nobody',
      },
    },
  })
  expect(snapshot(t.lake)).toEqual(before)
})

test('weak references, references to documents created in the same transaction, and drafts may point anywhere', async () => {
  await t.writer.create({ _id: 'post-weak', _type: 'interview', speaker: speaker('nobody', { _weak: true }) })
  await t.writer
    .transaction()
    .create({ _id: 'post-2', _type: 'interview', speaker: speaker('grace') })
    .create({ _id: 'grace', _type: 'person', name: 'Grace' })
    .commit()
  await t.writer.create({ _id: 'drafts.post-3', _type: 'interview', speaker: speaker('not-yet') })
  await t.writer.create({ _id: 'versions.launch.post-3', _type: 'interview', speaker: speaker('not-yet') })
  expect(await t.writer.getDocuments(['post-weak', 'post-2', 'drafts.post-3', 'versions.launch.post-3'])).toHaveLength(
    4,
  )
})

test('publishing a draft whose strong reference is missing is refused and the draft stays', async () => {
  const refused = await refusal(
    t.writer.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.post-3', publishedId: 'post-3' }),
  )
  expect(refused.status).toBe(409)
  expect(refused.type).toBe('actionError')
  expect(refused.item?.error.type).toBe('documentReferenceDoesNotExistError')
  expect(await t.writer.getDocument('drafts.post-3')).toBeDefined()
  expect(await t.writer.getDocument('post-3')).toBeUndefined()
})

test("deleting a strongly referenced document is a 409 with Sanity's message; the referencing ids are listed", async () => {
  await t.writer.create({ _id: 'post-4', _type: 'interview', speaker: speaker('ada') })
  const before = snapshot(t.lake)
  const refused = await refusal(t.writer.delete('ada'))
  expect(refused).toMatchObject({
    status: 409,
    type: 'mutationError',
    item: {
      index: 0,
      error: {
        type: 'documentHasExistingReferencesError',
        description: 'Document "ada" cannot be deleted as there are references to it from "post-4"',
        id: 'ada',
        referencingIDs: ['post-4'],
      },
    },
  })
  const action = await refusal(
    t.writer.action({ actionType: 'sanity.action.document.delete', publishedId: 'ada', includeDrafts: [] }),
  )
  expect(action).toMatchObject({ status: 409, type: 'actionError', item: { error: { id: 'ada' } } })
  expect(snapshot(t.lake)).toEqual(before)
})

test('a document referenced only weakly or by drafts and versions can be deleted; so can a referencing pair together', async () => {
  await t.writer.create({ _id: 'linus', _type: 'person' })
  await t.writer.create({ _id: 'post-5', _type: 'interview', speaker: speaker('linus', { _weak: true }) })
  await t.writer.create({ _id: 'drafts.post-6', _type: 'interview', speaker: speaker('linus') })
  await t.writer.delete('linus')
  await t.writer.create({ _id: 'barbara', _type: 'person' })
  await t.writer.create({ _id: 'post-7', _type: 'interview', speaker: speaker('barbara') })
  await t.writer.transaction().delete('post-7').delete('barbara').commit()
  await t.writer.create({ _id: 'edsger', _type: 'person' })
  await t.writer.create({ _id: 'post-8', _type: 'interview', speaker: speaker('edsger') })
  await t.writer
    .transaction()
    .patch('post-8', (p) => p.unset(['speaker']))
    .delete('edsger')
    .commit()
  expect(await t.writer.getDocuments(['linus', 'barbara', 'edsger'])).toEqual([null, null, null])
})

test('publishing strengthens the references the Studio made to documents that did not exist yet', async () => {
  await t.writer.create({
    _id: 'drafts.post-9',
    _type: 'interview',
    speaker: speaker('drafts-only', { _weak: true, _strengthenOnPublish: { type: 'person' } }),
    interviewer: speaker('ada', { _weak: true, _strengthenOnPublish: { type: 'person', weak: true } }),
  })
  await t.writer.create({ _id: 'drafts-only', _type: 'person', name: 'Published just before' })
  await t.writer.action({
    actionType: 'sanity.action.document.publish',
    draftId: 'drafts.post-9',
    publishedId: 'post-9',
  })
  const published = await t.writer.getDocument('post-9')
  expect(published?.speaker).toEqual({ _type: 'reference', _ref: 'drafts-only' })
  expect(published?.interviewer).toEqual({ _type: 'reference', _ref: 'ada', _weak: true })
  expect((await refusal(t.writer.delete('drafts-only'))).item?.error.type).toBe('documentHasExistingReferencesError')
})

test('an import whose strong references do not resolve within the dataset is refused whole; one that does is written', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'parley-integrity-import-'))
  try {
    const file = join(folder, 'content.ndjson')
    const line = (doc: Record<string, unknown>) => `${JSON.stringify(doc)}\n`
    writeFileSync(file, line({ _id: 'imported-post', _type: 'interview', speaker: speaker('imported-person') }))
    await expect(importArchive(t.lake, file, { dataset: 'imports' })).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('references non-existent document "imported-person"'),
    })
    expect(snapshot(t.lake, 'imports')).toEqual([])
    writeFileSync(
      file,
      line({ _id: 'imported-post', _type: 'interview', speaker: speaker('imported-person') }) +
        line({ _id: 'imported-person', _type: 'person', name: 'Imported' }),
    )
    await importArchive(t.lake, file, { dataset: 'imports' })
    expect(snapshot(t.lake, 'imports')).toHaveLength(2)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
