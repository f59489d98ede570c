// In a real Chromium, the built Studio served by a real lake: schedule an interview draft through the Schedule action, find it in the editorial calendar, unschedule it, and read a failed schedule's reason.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { SanityClient } from '@sanity/client'
import type { Page } from 'playwright-core'
import type { Lake } from '../../lake/index.ts'
import { openStudioSession, until, type StudioSession } from './studio-session.ts'

const LAUNCH = { id: 'interview-launch', title: 'Launch day with the storage team' }
const LIVE = { id: 'interview-live', title: 'What the storage team learned this year' }
const BROKEN = { id: 'interview-broken', title: 'An interview with no questions yet' }
const FAILURE = 'Not published at 2026-11-20T09:00:00.000Z: qa: at least one Q&A block is required'

let studio: StudioSession
let lake: Lake
let editor: SanityClient
let page: Page
let consoleErrors: string[]
const screenshot = (name: string) => studio.screenshot(name)

const draftSchedule = (id: string) =>
  editor.fetch<{ publishAt?: string; status?: string; scheduledBy?: string; scheduledAt?: string } | null>(
    '*[_id == $id][0].schedule',
    { id: `drafts.${id}` },
  )

async function openDocumentActionMenu(): Promise<void> {
  await page.locator('[data-testid="action-menu-button"]').click()
}

beforeAll(async () => {
  studio = await openStudioSession('studio-scheduling')
  ;({ lake, editor, page, consoleErrors } = studio)

  const qa = [
    {
      _type: 'qaBlock',
      _key: 'q1',
      question: 'What ships on launch day?',
      answer: [
        {
          _type: 'block',
          _key: 'a1',
          style: 'normal',
          markDefs: [],
          children: [{ _type: 'span', _key: 's1', text: 'The new storage engine.', marks: [] }],
        },
      ],
    },
  ]
  const interview = (title: string, slug: string) => ({
    _type: 'interview',
    title,
    slug: { _type: 'slug', current: slug },
    speaker: { _type: 'reference', _ref: 'person-ada' },
  })
  await editor
    .transaction()
    .createOrReplace({
      _id: 'person-ada',
      _type: 'person',
      name: 'Ada Okafor',
      slug: { _type: 'slug', current: 'ada-okafor' },
      role: 'Staff Engineer',
    })
    .createOrReplace({
      _id: LIVE.id,
      ...interview(LIVE.title, 'storage-year'),
      qa,
      publishedAt: new Date().toISOString(),
    })
    .createOrReplace({ _id: `drafts.${LAUNCH.id}`, ...interview(LAUNCH.title, 'launch-day'), qa })
    .createOrReplace({
      _id: `drafts.${BROKEN.id}`,
      ...interview(BROKEN.title, 'no-questions-yet'),
      schedule: {
        _type: 'schedule',
        publishAt: '2026-11-20T09:00:00.000Z',
        scheduledBy: 'Marketing',
        scheduledAt: '2026-11-19T09:00:00.000Z',
        status: 'failed',
        error: FAILURE,
      },
    })
    .commit()
}, 600_000)

afterAll(() => studio?.close())

test('an editor schedules a draft with the Schedule action, finds it in the calendar, opens it from there, and Unschedule removes it', async () => {
  try {
    // 1. Open the draft and choose a moment two hours ahead in the Schedule dialog (the browser's wall clock).
    await page.goto(`${lake.tlsUrl}/studio/intent/edit/id=${LAUNCH.id};type=interview/`)
    await page.locator('[data-testid="field-title"] input').waitFor()
    await openDocumentActionMenu()
    await page.getByRole('menuitem', { name: 'Schedule…' }).click()
    const dialog = page.getByRole('dialog').filter({ hasText: 'Schedule publishing' })
    await dialog.waitFor()
    const { local, iso, zone } = await page.evaluate(() => {
      const at = new Date(Date.now() + 2 * 60 * 60 * 1000)
      at.setSeconds(0, 0)
      const pad = (n: number) => String(n).padStart(2, '0')
      return {
        local: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`,
        iso: at.toISOString(),
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }
    })
    await dialog.getByLabel('Publish at').fill(local)
    await dialog.getByText(`Time zone: ${zone}`).waitFor()
    await dialog.getByText(/^Goes live .*\d/).waitFor()
    await screenshot('schedule-dialog')
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })

    // 2. The schedule is saved on the draft in the lake, with who scheduled it and when.
    const saved = await until(
      () => draftSchedule(LAUNCH.id),
      (value) => Boolean(value?.publishAt),
      'saving the schedule',
    )
    expect(saved).toMatchObject({ publishAt: iso, status: 'scheduled' })
    expect(saved?.scheduledBy).toBeTruthy()
    expect(Math.abs(Date.parse(saved?.scheduledAt ?? '') - Date.now())).toBeLessThan(60_000)
    expect(await editor.getDocument(LAUNCH.id)).toBeUndefined()
    await page.click('[data-testid="group-tab-all-fields"]')
    await page.locator('[data-testid="field-schedule"]').waitFor()
    await screenshot('scheduled-draft')

    // 3. The calendar shows it as scheduled (and the published interview as published); its entry opens the document.
    await page.goto(`${lake.tlsUrl}/studio/calendar`)
    const calendar = page.getByRole('grid')
    await calendar.waitFor()
    if (new Date(iso).getMonth() !== new Date().getMonth())
      await page.getByRole('button', { name: 'Next month' }).click()
    const entry = calendar.locator('[data-state="scheduled"]').filter({ hasText: LAUNCH.title })
    await entry.waitFor()
    expect(await entry.textContent()).toContain('(scheduled)')
    if (new Date(iso).getMonth() === new Date().getMonth())
      await calendar.locator('[data-state="published"]').filter({ hasText: LIVE.title }).waitFor()
    await screenshot('calendar-with-scheduled-interview')
    await entry.getByRole('link').click()
    await page.waitForURL(new RegExp(LAUNCH.id))
    await page.locator('[data-testid="field-title"] input').waitFor()
    expect(await page.locator('[data-testid="field-title"] input').inputValue()).toBe(LAUNCH.title)

    // 4. Unschedule: the schedule leaves the draft and the calendar; the draft stays unpublished.
    await openDocumentActionMenu()
    await page.getByRole('menuitem', { name: 'Unschedule' }).click()
    await until(
      () => draftSchedule(LAUNCH.id),
      (value) => value === null,
      'removing the schedule',
    )
    expect(await editor.getDocument(`drafts.${LAUNCH.id}`)).toMatchObject({ title: LAUNCH.title })
    expect(await editor.getDocument(LAUNCH.id)).toBeUndefined()
    await page.goto(`${lake.tlsUrl}/studio/calendar`)
    await calendar
      .locator('[data-state="published"]')
      .filter({ hasText: LIVE.title })
      .or(calendar.getByText('Next month'))
      .first()
      .waitFor()
    if (new Date(iso).getMonth() !== new Date().getMonth())
      await page.getByRole('button', { name: 'Next month' }).click()
    await page.waitForTimeout(1000)
    expect(await calendar.locator('[data-state="scheduled"]').filter({ hasText: LAUNCH.title }).count()).toBe(0)
    await screenshot('calendar-after-unschedule')
    expect(consoleErrors).toEqual([])
  } catch (error) {
    await screenshot('failure')
    throw error
  }
}, 240_000)

test('a schedule that failed shows its reason in the Schedule field, the action and its dialog', async () => {
  try {
    await page.goto(`${lake.tlsUrl}/studio/intent/edit/id=${BROKEN.id};type=interview/`)
    await page.locator('[data-testid="field-title"] input').waitFor()
    await page.click('[data-testid="group-tab-all-fields"]')
    const field = page.locator('[data-testid="field-schedule"]')
    await field.waitFor()
    expect(
      await field.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toContain(FAILURE)
    await field.scrollIntoViewIfNeeded()
    await screenshot('failed-schedule-field')
    await openDocumentActionMenu()
    await page.getByRole('menuitem', { name: 'Schedule failed: reschedule…' }).click()
    const dialog = page.getByRole('dialog').filter({ hasText: 'Schedule publishing' })
    await dialog.getByText(`The last scheduled publish failed: ${FAILURE}`, { exact: false }).waitFor()
    await screenshot('failed-schedule-dialog')
  } catch (error) {
    await screenshot('failure')
    throw error
  }
}, 120_000)
