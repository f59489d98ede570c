// In a real Chromium, the built Studio served by a real lake: a Content Release of two interviews and their new speaker, scheduled 20 s ahead in the Releases tool, stays invisible to anonymous readers until its time and then appears all at once.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { openStudioSession, until, uploadCover, type StudioSession } from './studio-session.ts'

const RELEASE = { id: 'rstoragelaunch', title: 'Storage series launch' }
const SPEAKER = 'person-noor'
const INTERVIEWS = [
  { id: 'interview-storage-one', title: 'Moving ten years of files in a weekend', slug: 'storage-one' },
  { id: 'interview-storage-two', title: 'What we kept when we rewrote the storage layer', slug: 'storage-two' },
]
const IDS = [...INTERVIEWS.map((interview) => interview.id), SPEAKER]

let studio: StudioSession

const block = (text: string) => [
  {
    _type: 'block',
    _key: 'b1',
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: 's1', text, marks: [] }],
  },
]

beforeAll(async () => {
  studio = await openStudioSession('studio-releases')
  const { editor } = studio
  await editor.releases.create({
    releaseId: RELEASE.id,
    metadata: {
      title: RELEASE.title,
      releaseType: 'scheduled',
      intendedPublishAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  })
  // The speaker exists only in the release, so the interviews' strong references to her resolve when it publishes.
  const versionOf = (id: string) => `versions.${RELEASE.id}.${id}`
  await editor.createVersion({
    publishedId: SPEAKER,
    releaseId: RELEASE.id,
    document: {
      _id: versionOf(SPEAKER),
      _type: 'person',
      name: 'Noor Haddad',
      slug: { _type: 'slug', current: 'noor-haddad' },
      role: 'Storage Lead',
    },
  })
  for (const [index, interview] of INTERVIEWS.entries())
    await editor.createVersion({
      publishedId: interview.id,
      releaseId: RELEASE.id,
      document: {
        _id: versionOf(interview.id),
        _type: 'interview',
        title: interview.title,
        slug: { _type: 'slug', current: interview.slug },
        standfirst: `Part ${index + 1} of the storage series, with Noor Haddad.`,
        speaker: { _type: 'reference', _ref: SPEAKER },
        publishedAt: '2026-12-01T09:00:00.000Z',
        coverImage: await uploadCover(editor, `Part ${index + 1}: a storage rack, drawn`),
        qa: [
          {
            _type: 'qaBlock',
            _key: 'q1',
            question: 'Where did it start?',
            answer: block('With a spreadsheet of every bucket.'),
          },
        ],
      },
    })
}, 600_000)

afterAll(() => studio?.close())

const visibleToAnonymous = () =>
  studio.anonymous.fetch<{ _id: string; _rev: string }[]>('*[_id in $ids]{_id, _rev} | order(_id)', { ids: IDS })

test('a release of two interviews and a speaker, scheduled 20 s ahead, goes live all at once and not a moment before', async () => {
  const { page, lake, editor, screenshot } = studio
  try {
    // 1. The Releases tool lists the release with its three documents.
    await page.goto(`${lake.tlsUrl}/studio/releases/${RELEASE.id}`)
    await page.getByText(INTERVIEWS[0]!.title).first().waitFor()
    await page.getByText(INTERVIEWS[1]!.title).first().waitFor()
    await page.getByText('Noor Haddad').first().waitFor()
    await screenshot('release-with-three-documents')

    // 2. Schedule it for 20 s from now (the release's intended time, which the Schedule dialog proposes).
    const publishAt = new Date(Date.now() + 20_000)
    await editor.releases.edit({
      releaseId: RELEASE.id,
      patch: { set: { 'metadata.intendedPublishAt': publishAt.toISOString() } },
    })
    await page.waitForTimeout(1000)
    const scheduleButton = page.getByRole('button', { name: 'Schedule release...' })
    await until(
      () => scheduleButton.isEnabled(),
      (enabled) => enabled,
      'the Schedule button to be enabled (documents validated)',
    )
    await scheduleButton.click()
    await page.getByRole('button', { name: 'Yes, schedule' }).click()
    const scheduled = await until(
      () => editor.releases.get({ releaseId: RELEASE.id }),
      (release) => release?.state === 'scheduled',
      'scheduling the release',
    )
    expect(scheduled?.publishAt).toBe(publishAt.toISOString())
    // Once scheduled (its documents locked), the release still lists each document by its title.
    for (const title of [INTERVIEWS[0]!.title, INTERVIEWS[1]!.title, 'Noor Haddad'])
      await page.getByRole('row').getByText(title).first().waitFor()
    await screenshot('release-scheduled')

    // 3. Nothing of it is visible anonymously before its time; then all three in the same answer, one transaction.
    let seen: { _id: string; _rev: string }[] = []
    for (;;) {
      seen = await visibleToAnonymous()
      const now = Date.now()
      if (seen.length > 0) {
        expect(now).toBeGreaterThanOrEqual(publishAt.getTime())
        break
      }
      if (now > publishAt.getTime() + 15_000) throw new Error('the release was not published within 15 s of its time')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(seen.map((doc) => doc._id)).toEqual([...IDS].sort())
    expect(new Set(seen.map((doc) => doc._rev)).size).toBe(1)
    expect(await studio.anonymous.fetch('*[_id == $id][0].speaker->name', { id: INTERVIEWS[0]!.id })).toBe(
      'Noor Haddad',
    )
    expect(await editor.releases.get({ releaseId: RELEASE.id })).toMatchObject({ state: 'published' })
    await page.reload()
    await page.getByText(RELEASE.title).first().waitFor()
    await screenshot('release-published')
    expect(studio.consoleErrors).toEqual([])
  } catch (error) {
    await studio.failed(error)
  }
}, 300_000)
