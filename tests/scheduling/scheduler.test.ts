// The scheduler against a real lake: publishes due drafts once, never early, and keeps failures visible.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { startLake } from '../../lake/index.ts'
import { publishDue } from '../../lib/scheduling/publish-due.ts'
import { addSchedule, removeSchedule, listSchedule } from '../../lib/scheduling/commands.ts'

const WRITE_TOKEN = 'scheduler-test-write'
let lake: Awaited<ReturnType<typeof startLake>>
let dataDir: string
let editor: SanityClient
let anonymous: SanityClient

const clientFor = (url: string, token?: string) =>
  createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: url,
    useProjectHostname: false,
    useCdn: false,
    token,
  })

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-scheduler-'))
  lake = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN, readToken: 'scheduler-test-read' })
  editor = clientFor(lake.url, WRITE_TOKEN)
  anonymous = clientFor(lake.url)
  await editor.createOrReplace({
    _id: 'person-ada',
    _type: 'person',
    name: 'Ada Example',
    slug: { _type: 'slug', current: 'ada-example' },
  })
})

afterAll(async () => {
  await lake.close()
  rmSync(dataDir, { recursive: true, force: true })
})

let counter = 0
async function draftInterview(overrides: Record<string, unknown> = {}) {
  counter += 1
  const id = `interview-scheduled-${counter}`
  await editor.create({
    _id: `drafts.${id}`,
    _type: 'interview',
    title: `Scheduled interview ${counter}`,
    slug: { _type: 'slug', current: `scheduled-${counter}` },
    standfirst: 'Why marketing picks the hour.',
    speaker: { _type: 'reference', _ref: 'person-ada' },
    qa: [
      {
        _type: 'qaBlock',
        _key: 'q1',
        question: 'Why schedule?',
        answer: [
          {
            _type: 'block',
            _key: 'a1',
            style: 'normal',
            markDefs: [],
            children: [{ _type: 'span', _key: 's1', text: 'So it goes live everywhere at once.', marks: [] }],
          },
        ],
      },
    ],
    ...overrides,
  })
  return id
}

const isPublic = async (id: string) => (await anonymous.fetch<number>('count(*[_id == $id])', { id })) === 1

test('publishes a scheduled interview at its time and not a moment before', async () => {
  const id = await draftInterview()
  const now = new Date()
  const scheduled = await addSchedule(
    editor,
    id,
    new Date(now.getTime() + 60_000).toISOString(),
    'marketing@parley.test',
    now,
  )

  const early = await publishDue(editor, new Date(now.getTime() + 59_000))
  expect(early.outcomes).toEqual([])
  expect(early.nextDueAt?.toISOString()).toBe(scheduled.publishAt)
  expect(await isPublic(id)).toBe(false)

  const due = await publishDue(editor, new Date(now.getTime() + 60_000))
  expect(due.outcomes).toEqual([expect.objectContaining({ id, outcome: 'published' })])
  expect(await isPublic(id)).toBe(true)
  const published = await editor.getDocument(id)
  expect(published?.schedule).toBeUndefined()
  expect(published?.publishedAt).toBe(scheduled.publishAt)
  expect(await editor.getDocument(`drafts.${id}`)).toBeUndefined()
})

test('two schedulers running at once publish a due interview exactly once', async () => {
  const id = await draftInterview()
  const now = new Date()
  await addSchedule(editor, id, new Date(now.getTime() + 1000).toISOString(), 'marketing', now)
  const later = new Date(now.getTime() + 2000)
  const [a, b] = await Promise.all([publishDue(editor, later), publishDue(editor, later)])
  const published = [...a.outcomes, ...b.outcomes].filter((o) => o.id === id && o.outcome === 'published')
  expect(published).toHaveLength(1)
  expect(await isPublic(id)).toBe(true)
  // A third run finds nothing left to do.
  expect((await publishDue(editor, later)).outcomes.filter((o) => o.id === id)).toEqual([])
})

test('a schedule survives a restart of the lake and is published once after it', async () => {
  const id = await draftInterview()
  const now = new Date()
  await addSchedule(editor, id, new Date(now.getTime() + 1000).toISOString(), 'marketing', now)
  await lake.close()
  lake = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN, readToken: 'scheduler-test-read' })
  editor = clientFor(lake.url, WRITE_TOKEN)
  anonymous = clientFor(lake.url)
  const runs = [
    await publishDue(editor, new Date(now.getTime() + 2000)),
    await publishDue(editor, new Date(now.getTime() + 3000)),
  ]
  expect(runs.flatMap((r) => r.outcomes).filter((o) => o.id === id)).toEqual([
    expect.objectContaining({ outcome: 'published' }),
  ])
  expect(await isPublic(id)).toBe(true)
})

test('an unscheduled interview is never published', async () => {
  const id = await draftInterview()
  const now = new Date()
  await addSchedule(editor, id, new Date(now.getTime() + 1000).toISOString(), 'marketing', now)
  await removeSchedule(editor, id)
  const run = await publishDue(editor, new Date(now.getTime() + 10_000))
  expect(run.outcomes.filter((o) => o.id === id)).toEqual([])
  expect(await isPublic(id)).toBe(false)
  expect(await editor.getDocument(`drafts.${id}`)).toMatchObject({ title: expect.any(String) })
})

test('a draft that fails validation stays unpublished, keeps its schedule and shows the reason', async () => {
  const id = await draftInterview({ qa: [] })
  const now = new Date()
  await addSchedule(editor, id, new Date(now.getTime() + 1000).toISOString(), 'marketing', now)
  const run = await publishDue(editor, new Date(now.getTime() + 2000))
  expect(run.outcomes).toEqual([expect.objectContaining({ id, outcome: 'failed' })])
  expect(await isPublic(id)).toBe(false)
  const draft = await editor.getDocument(`drafts.${id}`)
  expect(draft?.schedule).toMatchObject({
    status: 'failed',
    error: expect.stringContaining('qa: An interview needs at least one question and answer.'),
  })
  const listed = await listSchedule(editor)
  expect(listed.find((s) => s._id === `drafts.${id}`)?.schedule.status).toBe('failed')
  // A failed schedule is not retried in a loop: the next run leaves it alone.
  expect((await publishDue(editor, new Date(now.getTime() + 3000))).outcomes.filter((o) => o.id === id)).toEqual([])
})

test("a draft whose speaker was never published fails with the content store's reason, and is not retried", async () => {
  await editor.create({ _id: 'drafts.person-unpublished', _type: 'person', name: 'Not Yet Published' })
  const id = await draftInterview({ speaker: { _type: 'reference', _ref: 'person-unpublished' } })
  const now = new Date()
  await addSchedule(editor, id, new Date(now.getTime() + 1000).toISOString(), 'marketing', now)
  const run = await publishDue(editor, new Date(now.getTime() + 2000))
  expect(run.outcomes).toEqual([expect.objectContaining({ id, outcome: 'failed' })])
  expect(await isPublic(id)).toBe(false)
  const draft = await editor.getDocument(`drafts.${id}`)
  expect(draft?.schedule).toMatchObject({
    status: 'failed',
    error: expect.stringContaining('references non-existent document "person-unpublished"'),
  })
  expect((await publishDue(editor, new Date(now.getTime() + 3000))).outcomes.filter((o) => o.id === id)).toEqual([])
})

test('refuses a time in the past, an unparsable time, an unknown interview and one with no draft', async () => {
  const id = await draftInterview()
  await expect(addSchedule(editor, id, '2001-01-01T00:00:00Z', 'm')).rejects.toThrow(/not in the future/)
  await expect(addSchedule(editor, id, 'next tuesday', 'm')).rejects.toThrow(/not an ISO date-time/)
  await expect(addSchedule(editor, id, '2099-01-01T00:00:00', 'm')).rejects.toThrow(/no time zone/)
  await expect(addSchedule(editor, 'no-such-interview', '2099-01-01T00:00:00Z', 'm')).rejects.toThrow(/No interview/)
  await editor.createOrReplace({
    _id: 'interview-live',
    _type: 'interview',
    title: 'Live',
    slug: { _type: 'slug', current: 'live' },
  })
  await expect(addSchedule(editor, 'live', '2099-01-01T00:00:00Z', 'm')).rejects.toThrow(/no draft/)
  expect(await editor.getDocument(`drafts.${id}`)).not.toHaveProperty('schedule')
})
