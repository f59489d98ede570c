// The site's typed getters against a real lake: parsed results, published content only, bad documents left out.
jest.mock('server-only', () => ({}), { virtual: true })

import { startTestLake, useLakeForSite, type TestLake } from './support/test-lake.ts'
import { sample, seedSampleContent } from './support/sample-content.ts'
import {
  getDirectory,
  getInterview,
  getSeries,
  getSiteSettings,
  getSpeaker,
  getTopic,
  listAllInterviews,
  listFeaturedInterviews,
  listFeedInterviews,
  listInterviews,
  searchInterviews,
} from '../../lib/content/index.ts'

let lake: TestLake
const warnings: string[] = []
const originalWarn = console.warn

beforeAll(async () => {
  lake = await startTestLake()
  useLakeForSite(lake)
  await seedSampleContent(lake.editor)
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '))
})

afterAll(async () => {
  console.warn = originalWarn
  await lake.close()
})

test('getInterview returns the published interview with its speaker, topics, series and rich answers', async () => {
  const interview = await getInterview(sample.interviewSlug)
  expect(interview?.title).toBe('Building the graph')
  expect(interview?.speaker).toMatchObject({
    name: 'Ada Okafor',
    slug: sample.speakerSlug,
    role: 'Staff Engineer',
    company: 'Parley',
  })
  expect(interview?.speaker?.photo?.asset.lqip).toMatch(/^data:image\//)
  expect(interview?.interviewer?.name).toBe('Ivan Interviewer')
  expect(interview?.topics.map((topic) => topic.slug)).toEqual([sample.topicSlug])
  expect(interview?.series?.slug).toBe(sample.seriesSlug)
  expect(interview?.qa.map((block) => block.question)).toEqual([
    'Why rebuild the graph?',
    'What does the code look like?',
  ])
  expect(interview?.qa[1]?.answer.map((item) => item._type)).toEqual(['codeBlock', 'image'])
  expect(interview?.wordCount).toBeGreaterThan(10)
})

test('a published interview is read as published even when a newer draft of it exists', async () => {
  const interview = await getInterview(sample.secondSlug)
  expect(interview?.title).toBe('On call without tears')
  expect(JSON.stringify(interview)).not.toContain(sample.draftTitleMarker)
})

test('an interview that exists only as a draft is not found', async () => {
  expect(await getInterview(sample.draftOnlySlug)).toBeUndefined()
})

test('listInterviews pages through published interviews newest first, and never a draft', async () => {
  const page = await listInterviews(1)
  expect(page.interviews.map((interview) => interview.slug)).toEqual([sample.interviewSlug, sample.secondSlug])
  expect(page).toMatchObject({ page: 1, pageCount: 1, total: 2 })
  expect(JSON.stringify(page)).not.toContain(sample.draftTitleMarker)
  expect((await listFeaturedInterviews()).map((interview) => interview.slug)).toEqual([sample.interviewSlug])
})

test('speaker, topic and series getters list their published interviews', async () => {
  const speaker = await getSpeaker(sample.speakerSlug)
  expect(speaker?.bio).toBe('Ada builds storage engines.')
  expect(speaker?.interviews.map((interview) => interview.slug)).toEqual([sample.interviewSlug, sample.secondSlug])
  expect((await getTopic(sample.topicSlug))?.interviews).toHaveLength(2)
  expect((await getSeries(sample.seriesSlug))?.interviews.map((interview) => interview.slug)).toEqual([
    sample.interviewSlug,
  ])
  expect(await getSpeaker('nobody')).toBeUndefined()
})

test('the directories count each speaker’s, topic’s and series’ published interviews; the archive lists them all', async () => {
  const directory = await getDirectory()
  expect(directory.speakers.map((person) => [person.slug, person.interviewCount])).toEqual([
    [sample.speakerSlug, 2],
    ['ivan-interviewer', 1],
  ])
  expect(directory.topics.map((topic) => [topic.slug, topic.interviewCount])).toEqual([[sample.topicSlug, 2]])
  expect(directory.series.map((series) => [series.slug, series.interviewCount])).toEqual([[sample.seriesSlug, 1]])
  expect((await listAllInterviews()).map((interview) => interview.slug)).toEqual([
    sample.interviewSlug,
    sample.secondSlug,
  ])
})

test('searchInterviews finds interviews by words in titles and answers, by prefix, but never in drafts', async () => {
  expect((await searchInterviews('graph')).map((interview) => interview.slug)).toContain(sample.interviewSlug)
  expect((await searchInterviews('runbook')).map((interview) => interview.slug)).toEqual([sample.secondSlug])
  expect(await searchInterviews(sample.draftTitleMarker)).toEqual([])
  expect(await searchInterviews('"] | *[0]{ "x": 1 } //')).toEqual([])
})

test('feeds get each interview with its questions and rich answers', async () => {
  const [first] = await listFeedInterviews()
  expect(first?.qa[0]?.question).toBe('Why rebuild the graph?')
  expect(JSON.stringify(first?.qa[0]?.answer)).toContain('could not keep up with writes')
  expect(first?.qa[1]?.answer.map((item) => item._type)).toEqual(['codeBlock', 'image'])
})

test('site settings come from the singleton', async () => {
  expect(await getSiteSettings()).toMatchObject({
    title: 'Parley Test',
    navigation: [{ label: 'About', href: '/speakers/ada-okafor' }],
  })
})

test('an interview that does not fit the model is logged and left out instead of breaking the list or the page', async () => {
  await lake.editor.createOrReplace({
    _id: 'interview-broken',
    _type: 'interview',
    title: 'Broken: no questions',
    slug: { _type: 'slug', current: 'broken' },
    publishedAt: '2026-11-20T00:00:00Z',
    qa: [],
  })
  await lake.editor.createOrReplace({
    _id: 'interview-bad-title',
    _type: 'interview',
    title: 42,
    slug: { _type: 'slug', current: 'bad-title' },
    publishedAt: '2026-11-21T00:00:00Z',
    qa: [{ _type: 'qaBlock', _key: 'q', question: 'Q?', answer: [] }],
  })
  warnings.length = 0
  expect(await getInterview('broken')).toBeUndefined()
  const slugs = (await listInterviews(1)).interviews.map((interview) => interview.slug)
  expect(slugs).not.toContain('bad-title')
  expect(slugs).toContain('broken') // a card needs no questions; only the page does
  expect(warnings.join('\n')).toMatch(/left out interview interview-broken: qa/)
  expect(warnings.join('\n')).toMatch(/left out interview interview-bad-title: title/)
})
