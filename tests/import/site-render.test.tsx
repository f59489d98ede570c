// Interviews imported from each format, published, come back through the site's getter and render as its Q&A.
// The site's content modules refuse to load outside a server bundle; this test is the server.
jest.mock('server-only', () => ({}), { virtual: true })

import { JSDOM } from 'jsdom'
import { renderToStaticMarkup } from 'react-dom/server'
import { readArticles, writeInterviews, type ImportedInterview } from '../../lib/import/index.ts'
import { getInterview } from '../../lib/content/index.ts'
import { QuestionsAndAnswers } from '../../app/_components/question-and-answer.tsx'
import { fixtures, startImportLake, type ImportLake } from './support/import-lake.ts'

let lake: ImportLake
let imported: ImportedInterview[]

beforeAll(async () => {
  lake = await startImportLake('site')
  // The site reads where content lives from the environment, as under `npm start`.
  process.env.SANITY_API_HOST = lake.url
  process.env.NEXT_PUBLIC_SANITY_PROJECT_ID = 'parley'
  process.env.NEXT_PUBLIC_SANITY_DATASET = 'production'
  process.env.NEXT_PUBLIC_SANITY_API_VERSION = '2025-02-19'
  imported = readArticles([fixtures]).interviews
  await writeInterviews(lake.editor, imported, { publish: true })
})

afterAll(() => lake.close())

const render = (element: React.ReactElement) => new JSDOM(renderToStaticMarkup(element)).window.document

test.each([
  [
    'a Medium export',
    'html',
    'an-interview-with-mireille-okafor-staff-engineer-payments',
    { h3: 1, li: 3, blockquote: 1, img: 0, code: 1 },
  ],
  ['article HTML', 'html', 'on-call-without-the-dread', { h3: 2, li: 3, blockquote: 1, img: 0, code: 1 }],
  [
    'Markdown',
    'markdown',
    'scaling-the-queue-a-conversation-with-kofi-mensah',
    { h3: 1, li: 3, blockquote: 1, img: 1, code: 1 },
  ],
  [
    'plain text',
    'plain-text',
    'shipping-a-design-system-to-twelve-product-teams',
    { h3: 1, li: 3, blockquote: 0, img: 0, code: 0 },
  ],
])(
  'an interview imported from %s renders on the site with its speaker, interviewer, questions and answer structure',
  async (_format, format, slug, counts) => {
    const source = imported.find((interview) => interview.slug === slug)!
    expect(source.format).toBe(format)
    const interview = await getInterview(slug)
    expect(interview?.title).toBe(source.title)
    expect(interview?.speaker).toMatchObject({
      name: source.speaker.name,
      role: source.speaker.role,
      company: source.speaker.company,
    })
    expect(interview?.interviewer?.name).toBe(source.interviewer?.name)
    expect(interview?.publishedAt).toBe(source.publishedAt)

    const page = render(<QuestionsAndAnswers qa={interview!.qa} />)
    expect([...page.querySelectorAll('.qa__question')].map((heading) => heading.textContent)).toEqual(
      source.qa.map((block) => block.question),
    )
    const answers = page.querySelectorAll('.qa__answer')
    expect(answers).toHaveLength(source.qa.length)
    expect(page.querySelectorAll('.qa__answer h3')).toHaveLength(counts.h3)
    expect(page.querySelectorAll('.qa__answer li')).toHaveLength(counts.li)
    expect(page.querySelectorAll('.qa__answer blockquote')).toHaveLength(counts.blockquote)
    expect(page.querySelectorAll('.qa__answer pre code')).toHaveLength(counts.code)
    const images = [...page.querySelectorAll<HTMLImageElement>('.qa__answer img')]
    expect(images).toHaveLength(counts.img)
    for (const image of images) {
      expect(image.getAttribute('alt')).toBe('Queue depth over a week')
      expect(image.getAttribute('src')).toContain(`${lake.url}/images/parley/production/`)
    }
    // Every paragraph of every answer reaches the reader.
    const paragraphs = source.qa.flatMap((block) =>
      block.answer.filter(
        (item) => item._type === 'block' && !('listItem' in item) && (item as { style?: string }).style === 'normal',
      ),
    )
    expect(page.querySelectorAll('.qa__answer p:not(blockquote p)')).toHaveLength(paragraphs.length)
  },
)
