// In a real Chromium, the built Studio served by a real lake: the History panel lists an interview's revisions, opens an old one, and Restore brings it back as a draft that publishes.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { openStudioSession, until, uploadCover, type StudioSession } from './studio-session.ts'

const ID = 'interview-storage-lessons'
const FIRST_TITLE = 'Seven lessons from the storage migration'
const SECOND_TITLE = 'What the storage migration taught the platform team'
const DRAFT_TITLE = 'The storage migration, a year on'

let studio: StudioSession

const interview = (title: string, coverImage: unknown) => ({
  _id: `drafts.${ID}`,
  _type: 'interview',
  title,
  slug: { _type: 'slug', current: 'storage-lessons' },
  standfirst: 'Lin Park on moving ten years of files without a maintenance window.',
  speaker: { _type: 'reference', _ref: 'person-lin' },
  publishedAt: '2026-11-02T09:00:00.000Z',
  coverImage,
  qa: [
    {
      _type: 'qaBlock',
      _key: 'q1',
      question: 'Where did you start?',
      answer: [
        {
          _type: 'block',
          _key: 'a1',
          style: 'normal',
          markDefs: [],
          children: [{ _type: 'span', _key: 's1', text: 'By counting what we had.', marks: [] }],
        },
      ],
    },
  ],
})

const published = () => studio.editor.getDocument<{ title: string; _rev: string }>(ID)

beforeAll(async () => {
  studio = await openStudioSession('studio-history')
  const { editor } = studio
  await editor.createOrReplace({
    _id: 'person-lin',
    _type: 'person',
    name: 'Lin Park',
    slug: { _type: 'slug', current: 'lin-park' },
    role: 'Principal Engineer',
  })
  // Written and published twice, then edited again: the actions the Studio itself sends, a moment apart.
  const publish = { actionType: 'sanity.action.document.publish', draftId: `drafts.${ID}`, publishedId: ID } as const
  const edit = (title: string) =>
    editor.action({
      actionType: 'sanity.action.document.edit',
      draftId: `drafts.${ID}`,
      publishedId: ID,
      patch: { set: { title } },
    })
  await editor.action({
    actionType: 'sanity.action.document.create',
    publishedId: ID,
    attributes: interview(FIRST_TITLE, await uploadCover(editor, 'Racks of storage servers in a data centre aisle')),
    ifExists: 'fail',
  })
  await editor.action(publish)
  await edit(SECOND_TITLE)
  await editor.action(publish)
  await edit('A working title')
  await edit(DRAFT_TITLE)
}, 600_000)

afterAll(() => studio?.close())

test('the History panel lists the revisions, opens the first publish, and Restore brings it back as a draft that publishes', async () => {
  const { page, lake, editor, anonymous, screenshot } = studio
  try {
    // 1. The interview, with the History panel open on its draft.
    await page.goto(`${lake.tlsUrl}/studio/intent/edit/id=${ID};type=interview/`)
    const title = page.locator('[data-testid="field-title"] input')
    await title.waitFor()
    expect(await title.inputValue()).toBe(DRAFT_TITLE)
    await page.getByRole('button', { name: 'Review changes' }).first().click()
    await page.getByRole('tab', { name: 'History' }).click()
    const items = page.locator('[data-testid="timeline-item-button"]')
    await items.nth(2).waitFor()
    await screenshot('history-panel')
    const labels = await items.allInnerTexts()
    expect(labels.filter((label) => label.includes('Published'))).toHaveLength(2)
    expect(labels.filter((label) => label.includes('Draft created'))).toHaveLength(2)
    expect(labels.some((label) => label.includes('Edited'))).toBe(true)
    expect(await page.getByText('No document history').count()).toBe(0)

    // 2. The older of the two publishes opens that revision in the form.
    await items.filter({ hasText: 'Published' }).last().click()
    await until(
      () => title.inputValue(),
      (value) => value === FIRST_TITLE,
      'opening the first published revision',
    )
    await screenshot('old-revision-open')

    // 3. Restore: the draft becomes that revision; publishing it makes it live for everyone.
    await page.getByRole('button', { name: 'Revert to revision' }).click()
    await page.getByText('Are you sure you want to restore this document?').waitFor()
    await page.getByRole('button', { name: 'Confirm' }).click()
    await until(
      () => editor.getDocument<{ title: string }>(`drafts.${ID}`),
      (draft) => draft?.title === FIRST_TITLE,
      'restoring the first revision as the draft',
    )
    expect((await published())?.title).toBe(SECOND_TITLE)
    await screenshot('restored-draft')
    const publishButton = page.locator('[data-testid="action-publish"]')
    for (let attempt = 0; attempt < 4 && (await published())?.title !== FIRST_TITLE; attempt++) {
      await page.waitForTimeout(1500)
      if (!(await publishButton.isDisabled())) await publishButton.click()
      await until(published, (doc) => doc?.title === FIRST_TITLE, 'publishing the restored draft', 8_000).catch(
        () => undefined,
      )
    }
    expect((await published())?.title).toBe(FIRST_TITLE)
    expect(await anonymous.fetch('*[_id == $id][0].title', { id: ID })).toBe(FIRST_TITLE)
    await screenshot('restored-and-published')
    expect(studio.consoleErrors).toEqual([])
  } catch (error) {
    await studio.failed(error)
  }
}, 300_000)
