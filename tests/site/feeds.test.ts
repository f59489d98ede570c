// The three feeds as the routes answer them, read back by a real feed parser: every published interview, in whole.
jest.mock('server-only', () => ({}), { virtual: true })

import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { JSDOM } from 'jsdom'
import { startTestLake, useLakeForSite, type TestLake } from './support/test-lake.ts'
import { sample, seedSampleContent } from './support/sample-content.ts'
import { feedResponse } from '../../lib/feeds/feed-response.ts'

const origin = 'https://parley.example'
let lake: TestLake

beforeAll(async () => {
  lake = await startTestLake()
  useLakeForSite(lake)
  process.env.SITE_URL = origin
  await seedSampleContent(lake.editor)
  // A site path and a numbered list, which the sample content does not have.
  await lake.editor
    .patch('interview-oncall')
    .insert('after', 'qa[-1]', [
      {
        _type: 'qaBlock',
        _key: 'q-feed',
        question: 'Where do I read more?',
        answer: [
          {
            _type: 'block',
            _key: 'f1',
            style: 'normal',
            markDefs: [{ _type: 'link', _key: 'l1', href: `/speakers/${sample.speakerSlug}` }],
            children: [{ _type: 'span', _key: 'f1s', text: 'On the speaker page', marks: ['l1'] }],
          },
          ...['First step', 'Second step'].map((text, index) => ({
            _type: 'block',
            _key: `n${index}`,
            style: 'normal',
            listItem: 'number',
            level: 1,
            markDefs: [],
            children: [{ _type: 'span', _key: `n${index}s`, text, marks: [] }],
          })),
        ],
      },
    ])
    .commit()
})

afterAll(async () => {
  delete process.env.SITE_URL
  await lake.close()
})

const body = async (format: 'rss' | 'atom' | 'json') => {
  const response = await feedResponse(format)
  expect(response.status).toBe(200)
  return response.text()
}
const html = (content: string | undefined) => new JSDOM(content ?? '').window.document

test('the RSS feed parses and carries each interview whole: sub-headings, lists, quotes, links, code and images', async () => {
  const feed = parseRssFeed(await body('rss'))
  const item = feed.items?.find((entry) => entry.link === `${origin}/interviews/${sample.interviewSlug}`)
  const content = html(item?.content?.encoded)
  expect([...content.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual([
    'Why rebuild the graph?',
    'What does the code look like?',
  ])
  expect(content.querySelector('h3')?.textContent).toBe('What we measured')
  expect([...content.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
    'Latency of joins',
    'Cost per query',
  ])
  expect(content.querySelector('blockquote')?.textContent).toBe('Indexes are a promise to your future self.')
  expect(content.querySelector('a')?.getAttribute('href')).toBe('https://example.com/design')
  expect(content.querySelector('pre > code.language-ts')?.textContent).toBe('export const answer: number = 42')
  const image = content.querySelector('figure img')
  expect(image?.getAttribute('alt')).toBe('A diagram of the graph')
  expect(new URL(image?.getAttribute('src') ?? '').origin).toBe(new URL(lake.url).origin)
  expect(content.querySelector('figure figcaption:last-child')?.textContent).toBe('The graph, drawn')
})

test('site paths in answers become absolute addresses, and numbered lists stay lists', async () => {
  const feed = parseRssFeed(await body('rss'))
  const item = feed.items?.find((entry) => entry.link === `${origin}/interviews/${sample.secondSlug}`)
  const content = html(item?.content?.encoded)
  const link = [...content.querySelectorAll('a')].find((a) => a.textContent === 'On the speaker page')
  expect(link?.getAttribute('href')).toBe(`${origin}/speakers/${sample.speakerSlug}`)
  expect([...content.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['First step', 'Second step'])
})

test('the Atom and JSON feeds parse with the same interviews and the same item HTML, and no draft', async () => {
  const rss = parseRssFeed(await body('rss'))
  const atom = parseAtomFeed(await body('atom'))
  const json = parseJsonFeed(JSON.parse(await body('json')))
  const links = (rss.items ?? []).map((item) => item.link)
  expect(links).toEqual(expect.arrayContaining([`${origin}/interviews/${sample.interviewSlug}`]))
  expect(links).not.toContain(`${origin}/interviews/${sample.draftOnlySlug}`)
  expect((atom.entries ?? []).map((entry) => entry.links?.[0]?.href)).toEqual(links)
  expect((json.items ?? []).map((item) => item.url)).toEqual(links)
  const richest = (rss.items ?? []).find((item) => item.link?.endsWith(sample.interviewSlug))?.content?.encoded
  expect(atom.entries?.find((entry) => entry.id?.endsWith(sample.interviewSlug))?.content?.value).toBe(richest)
  expect(json.items?.find((item) => item.url?.endsWith(sample.interviewSlug))?.content_html).toBe(richest)
  for (const text of [await body('rss'), await body('atom'), await body('json')])
    expect(text).not.toContain(sample.draftTitleMarker)
})
