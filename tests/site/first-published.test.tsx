// An interview first published elsewhere names that publication on its page: the field from the Studio's schema,
// through the interview query and its parser, to the line readers see.
// The site's content modules refuse to load outside a server bundle; this test is the server.
jest.mock('server-only', () => ({}), { virtual: true })

import { JSDOM } from 'jsdom'
import { renderToStaticMarkup } from 'react-dom/server'
import { getInterview } from '../../lib/content/index.ts'
import { FirstPublished } from '../../app/_components/first-published.tsx'
import { startTestLake, useLakeForSite, type TestLake } from './support/test-lake.ts'
import { seedSampleContent } from './support/sample-content.ts'

let lake: TestLake

const interview = (slug: string, fields: Record<string, unknown>) => ({
  _id: `interview-${slug}`,
  _type: 'interview',
  title: `Interview ${slug}`,
  slug: { _type: 'slug', current: slug },
  speaker: { _type: 'reference', _ref: 'person-ada' },
  publishedAt: '2026-09-01T09:00:00Z',
  qa: [{ _type: 'qaBlock', _key: 'q1', question: 'Why?', answer: [] }],
  ...fields,
})

beforeAll(async () => {
  lake = await startTestLake()
  useLakeForSite(lake)
  await seedSampleContent(lake.editor)
  await lake.editor
    .transaction()
    .createOrReplace(
      interview('both', {
        originalPublication: 'The Payments Quarterly',
        canonicalUrl: 'https://quarterly.example/2024/ledgers',
      }),
    )
    .createOrReplace(interview('publication-only', { originalPublication: 'The Payments Quarterly' }))
    .createOrReplace(interview('address-only', { canonicalUrl: 'https://quarterly.example/2024/ledgers' }))
    .createOrReplace(interview('neither', {}))
    .commit()
})

afterAll(() => lake.close())

async function firstPublishedLine(slug: string) {
  const found = await getInterview(slug)
  expect(found?.slug).toBe(slug)
  const markup = renderToStaticMarkup(
    <FirstPublished publication={found?.originalPublication} url={found?.canonicalUrl} />,
  )
  return new JSDOM(markup).window.document.querySelector('p')
}

test('an interview with its original publication and address names both, linking the address', async () => {
  const line = await firstPublishedLine('both')
  expect(line?.textContent).toBe('First published in The Payments Quarterly at quarterly.example.')
  expect(line?.querySelector('a')?.getAttribute('href')).toBe('https://quarterly.example/2024/ledgers')
})

test('an interview with only its original publication names it, without a link', async () => {
  const line = await firstPublishedLine('publication-only')
  expect(line?.textContent).toBe('First published in The Payments Quarterly.')
  expect(line?.querySelector('a')).toBeNull()
})

test('an interview with only its original address links it, as before the field existed', async () => {
  const line = await firstPublishedLine('address-only')
  expect(line?.textContent).toBe('First published at quarterly.example.')
})

test('an interview first published here says nothing about it', async () => {
  expect(await firstPublishedLine('neither')).toBeNull()
})
