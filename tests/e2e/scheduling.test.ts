// Scheduling end to end: a production build of the site with its lake and revalidation webhook; a scheduled interview is
// absent from every anonymous surface until its time, present on all of them soon after, and published exactly once.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { SanityClient } from '@sanity/client'
import { startSiteUnderTest, type SiteUnderTest } from './site-support/site-under-test.ts'
import { sample } from '../site/support/sample-content.ts'
import { writeToken } from '../site/support/test-lake.ts'
import { addSchedule, removeSchedule } from '../../lib/scheduling/commands.ts'
import { startScheduler } from '../../lib/scheduling/scheduler.ts'

let site: SiteUnderTest
let editor: SanityClient
const cronSecret = 'e2e-cron-secret-5d1e'

beforeAll(async () => {
  // The cron route (for hosts where no scheduler process runs) needs its secret and a write token.
  site = await startSiteUnderTest({ env: { CRON_SECRET: cronSecret, SANITY_API_WRITE_TOKEN: writeToken } })
  editor = site.lake.editor
}, 400_000)

afterAll(async () => {
  await site?.stop()
})

type Interview = { id: string; slug: string; title: string; word: string }

/** A new draft interview of the sample speaker on the sample topic, never published. */
async function draftInterview(word: string): Promise<Interview> {
  const interview = {
    id: `interview-${word.toLowerCase()}`,
    slug: `${word.toLowerCase()}-launch-notes`,
    title: `${word} launch notes`,
    word,
  }
  await editor.create({
    _id: `drafts.${interview.id}`,
    _type: 'interview',
    title: interview.title,
    slug: { _type: 'slug', current: interview.slug },
    standfirst: `What the ${word} team learned before launch.`,
    speaker: { _type: 'reference', _ref: 'person-ada' },
    topics: [{ _type: 'reference', _ref: 'topic-databases', _key: 't1' }],
    qa: [
      {
        _type: 'qaBlock',
        _key: 'q1',
        question: 'What goes live today?',
        answer: [
          {
            _type: 'block',
            _key: 'a1',
            style: 'normal',
            markDefs: [],
            children: [{ _type: 'span', _key: 's1', text: `The ${word} storage engine.`, marks: [] }],
          },
        ],
      },
    ],
  })
  return interview
}

type Surface = { name: string; present(interview: Interview): Promise<boolean> }

const body = async (path: string, headers: Record<string, string> = {}) => {
  // Next answers `RSC: 1` with a redirect to a cache-busting `_rsc` URL; fetch follows it to the payload itself.
  const response = await fetch(`${site.url}${path}`, { headers })
  const type = response.headers.get('content-type') ?? ''
  if (headers.RSC && response.status === 200 && type !== 'text/x-component')
    throw new Error(`${path} with RSC: 1 answered ${type}, not an RSC payload`)
  return { status: response.status, text: await response.text() }
}
const contains =
  (path: string | ((i: Interview) => string), what: (i: Interview) => string, headers: Record<string, string> = {}) =>
  async (interview: Interview) => {
    const { status, text } = await body(typeof path === 'string' ? path : path(interview), headers)
    if (status !== 200) throw new Error(`${typeof path === 'string' ? path : path(interview)} answered ${status}`)
    return text.includes(what(interview))
  }
const byTitle = (i: Interview) => i.title
const bySlug = (i: Interview) => `/interviews/${i.slug}`

const itsPage: Surface = {
  name: 'its page',
  present: async (i) => {
    const { status, text } = await body(`/interviews/${i.slug}`)
    if (status !== 200 && status !== 404) throw new Error(`its page answered ${status}`)
    return status === 200 && text.includes(i.title)
  },
}
const rssFeed: Surface = { name: '/feed.xml', present: contains('/feed.xml', bySlug) }

/** Every place an anonymous reader (or crawler, or feed reader, or API caller) could see an interview. */
const surfaces: Surface[] = [
  itsPage,
  {
    name: 'its page (RSC)',
    present: async (i) => {
      const { status, text } = await body(`/interviews/${i.slug}`, { RSC: '1' })
      return status === 200 && text.includes(i.title)
    },
  },
  { name: 'home', present: contains('/', byTitle) },
  { name: 'home (RSC)', present: contains('/', byTitle, { RSC: '1' }) },
  { name: 'interviews archive', present: contains('/interviews', byTitle) },
  { name: 'speaker page', present: contains(`/speakers/${sample.speakerSlug}`, byTitle) },
  { name: 'speaker page (RSC)', present: contains(`/speakers/${sample.speakerSlug}`, byTitle, { RSC: '1' }) },
  { name: 'topic page', present: contains(`/topics/${sample.topicSlug}`, byTitle) },
  rssFeed,
  { name: '/atom.xml', present: contains('/atom.xml', bySlug) },
  { name: '/feed.json', present: contains('/feed.json', bySlug) },
  { name: '/sitemap.xml', present: contains('/sitemap.xml', bySlug) },
  { name: 'search', present: contains((i) => `/search?q=${i.word}`, bySlug) },
  { name: 'search (RSC)', present: contains((i) => `/search?q=${i.word}`, bySlug, { RSC: '1' }) },
  {
    name: "the lake's anonymous API",
    present: async (i) => {
      const query = encodeURIComponent(
        `*[_type == "interview" && (_id == "${i.id}" || slug.current == "${i.slug}" || title match "${i.word}")]{_id}`,
      )
      const response = await fetch(`${site.lake.url}/v2025-02-19/data/query/production?query=${query}`)
      const { result } = (await response.json()) as { result: unknown[] }
      return result.length > 0
    },
  },
]

async function visibility(interview: Interview): Promise<Map<string, boolean>> {
  const seen = await Promise.all(
    surfaces.map(async (surface) => [surface.name, await surface.present(interview)] as const),
  )
  return new Map(seen)
}

/** The lake's transactions that touched the published document: one means it was published once and never again. */
async function publishedTransactions(id: string): Promise<number> {
  const response = await fetch(
    `${site.lake.url}/v2025-02-19/data/history/production/transactions/${id}?excludeContent=true`,
    { headers: { authorization: `Bearer ${writeToken}` } },
  )
  expect(response.status).toBe(200)
  const lines = (await response.text()).split('\n').filter(Boolean)
  return lines
    .map((line) => JSON.parse(line) as { documentIDs: string[] })
    .filter((entry) => entry.documentIDs.includes(id)).length
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await check()) return Date.now()
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`)
    await sleep(everyMs)
  }
}

function schedulerWithLog(pollIntervalMs: number) {
  const lines: string[] = []
  const scheduler = startScheduler({ client: editor, pollIntervalMs, log: (line) => lines.push(line) })
  return { ...scheduler, lines }
}

const publishedLines = (lines: string[], id: string) =>
  lines.filter((line) => line.startsWith(`scheduler: published ${id} `))

test('an interview scheduled 15 s ahead is on no anonymous surface before its time and on all of them within 60 s after', async () => {
  const interview = await draftInterview('Zephyrine')
  const { publishAt } = await addSchedule(editor, interview.id, new Date(Date.now() + 15_000).toISOString(), 'e2e')
  const due = Date.parse(publishAt)
  const scheduler = schedulerWithLog(5000)
  try {
    // Before the due time: every surface, again and again; a response completed before the due time must not carry it.
    let rounds = 0
    const earlyExposures: string[] = []
    while (Date.now() < due - 300) {
      const seen = await visibility(interview)
      const answeredAt = Date.now()
      rounds += 1
      for (const [name, present] of seen)
        if (present && answeredAt < due) earlyExposures.push(`${name} at ${due - answeredAt} ms before`)
      await sleep(250)
    }
    expect(earlyExposures).toEqual([])
    expect(rounds).toBeGreaterThan(5)

    // After: the page and the feed first (the go-live delay), then every surface.
    const pageAt = until('its page going live', () => itsPage.present(interview), 60_000)
    const feedAt = until('the feed carrying it', () => rssFeed.present(interview), 60_000)
    const [pageLive, feedLive] = await Promise.all([pageAt, feedAt])
    const delays = { page: pageLive - due, feed: feedLive - due }
    let missing: string[] = []
    const everywhere = await until(
      'every surface carrying it',
      async () => {
        missing = [...(await visibility(interview))].filter(([, present]) => !present).map(([name]) => name)
        return missing.length === 0
      },
      Math.max(1000, due + 60_000 - Date.now()),
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; still missing: ${missing.join(', ')}`)
    })
    console.log(
      `go-live delay (due → visible): page ${delays.page} ms, feed ${delays.feed} ms, every surface ${everywhere - due} ms; ${rounds} polling rounds of ${surfaces.length} surfaces before the due time, 0 early exposures`,
    )
    expect(Math.max(delays.page, delays.feed)).toBeLessThanOrEqual(60_000)
    expect(everywhere - due).toBeLessThanOrEqual(60_000)
    expect(publishedLines(scheduler.lines, interview.id)).toHaveLength(1)
    expect(await publishedTransactions(interview.id)).toBe(1)
    expect(await editor.getDocument(`drafts.${interview.id}`)).toBeUndefined()
    expect(await editor.getDocument(interview.id)).toMatchObject({ title: interview.title, publishedAt: publishAt })
  } finally {
    scheduler.stop()
  }
}, 180_000)

test('a scheduler stopped before the due time and started again after it publishes the interview exactly once, at once', async () => {
  const interview = await draftInterview('Quillon')
  const { publishAt } = await addSchedule(editor, interview.id, new Date(Date.now() + 6_000).toISOString(), 'e2e')
  const first = schedulerWithLog(5000)
  await sleep(1000)
  first.stop()
  await sleep(Math.max(0, Date.parse(publishAt) - Date.now() + 1000))
  // Down over the due time: nothing published yet.
  expect(await editor.getDocument(interview.id)).toBeUndefined()
  const second = schedulerWithLog(5000)
  try {
    const restartedAt = Date.now()
    await until(
      'the restarted scheduler publishing the overdue interview',
      async () => Boolean(await editor.getDocument(interview.id)),
      10_000,
    )
    expect(Date.now() - restartedAt).toBeLessThan(5000)
    await sleep(3000) // give a second publish every chance to happen
    expect([...publishedLines(first.lines, interview.id), ...publishedLines(second.lines, interview.id)]).toHaveLength(
      1,
    )
    expect(await publishedTransactions(interview.id)).toBe(1)
    await until('its page going live', () => itsPage.present(interview), 60_000)
  } finally {
    second.stop()
  }
}, 60_000)

test('two schedulers running at once publish a due interview exactly once', async () => {
  const interview = await draftInterview('Brantwell')
  await addSchedule(editor, interview.id, new Date(Date.now() + 4_000).toISOString(), 'e2e')
  const one = schedulerWithLog(1000)
  const two = schedulerWithLog(1000)
  try {
    await until(
      'one of the schedulers publishing it',
      async () => Boolean(await editor.getDocument(interview.id)),
      20_000,
    )
    await sleep(3000)
    expect([...publishedLines(one.lines, interview.id), ...publishedLines(two.lines, interview.id)]).toHaveLength(1)
    expect(await publishedTransactions(interview.id)).toBe(1)
  } finally {
    one.stop()
    two.stop()
  }
}, 60_000)

test('an unscheduled interview is never published', async () => {
  const interview = await draftInterview('Marrowick')
  const { publishAt } = await addSchedule(editor, interview.id, new Date(Date.now() + 4_000).toISOString(), 'e2e')
  const scheduler = schedulerWithLog(1000)
  try {
    await removeSchedule(editor, interview.id)
    await sleep(Math.max(0, Date.parse(publishAt) - Date.now() + 3000))
    expect(scheduler.lines.filter((line) => line.includes(interview.id))).toEqual([])
    expect(await editor.getDocument(interview.id)).toBeUndefined()
    expect(await editor.getDocument(`drafts.${interview.id}`)).toMatchObject({ title: interview.title })
    expect(await publishedTransactions(interview.id)).toBe(0)
    expect(await visibility(interview)).toEqual(new Map(surfaces.map((s) => [s.name, false])))
  } finally {
    scheduler.stop()
  }
}, 60_000)

test('the cron route of the built site publishes a due interview once its schedule passes the schemas’ validation, and nothing without the secret', async () => {
  const interview = await draftInterview('Cindermoor')
  await addSchedule(editor, interview.id, new Date(Date.now() + 1_000).toISOString(), 'e2e')
  await sleep(1500)
  const cron = (authorization?: string) =>
    fetch(`${site.url}/api/cron/publish-due`, { method: 'POST', headers: authorization ? { authorization } : {} })
  const refused = await cron('Bearer not-the-secret')
  expect(refused.status).toBe(401)
  expect(await editor.getDocument(interview.id)).toBeUndefined()

  const answer = await cron(`Bearer ${cronSecret}`)
  expect(answer.status).toBe(200)
  expect((await answer.json()).outcomes).toEqual([expect.objectContaining({ id: interview.id, outcome: 'published' })])
  expect(await editor.getDocument(interview.id)).toMatchObject({ title: interview.title })
  await until('its page going live', () => itsPage.present(interview), 60_000)
}, 90_000)
