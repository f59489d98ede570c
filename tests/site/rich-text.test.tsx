/** @jest-environment jsdom */
// Rendering of answers' rich text and of the Q&A: what a reader (and a screen reader) gets from the HTML.
import { render, screen, within } from '@testing-library/react'
import { RichText } from '../../app/_components/rich-text.tsx'
import { QuestionContents, QuestionsAndAnswers } from '../../app/_components/question-and-answer.tsx'
import type { PortableTextItem, QaBlock } from '../../lib/content/schemas.ts'

beforeAll(() => {
  process.env.SANITY_API_HOST = 'http://127.0.0.1:3333'
})

const span = (text: string, marks: string[] = []) => ({ _type: 'span', _key: `s-${text}`, text, marks })
const block = (key: string, children: unknown[], extra: Record<string, unknown> = {}): PortableTextItem => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children,
  ...extra,
})
const imageAsset = {
  _id: 'image-abc123-800x600-png',
  url: 'http://127.0.0.1:3333/images/parley/production/abc123-800x600.png',
  lqip: 'data:image/png;base64,AAAA',
  width: 800,
  height: 600,
}

test('renders sub-headings, both list kinds, a pull quote and inline marks as semantic HTML', () => {
  const { container } = render(
    <RichText
      value={[
        block('h', [span('What we measured')], { style: 'h3' }),
        block('b1', [span('Latency')], { listItem: 'bullet', level: 1 }),
        block('b2', [span('Cost')], { listItem: 'bullet', level: 1 }),
        block('n1', [span('First')], { listItem: 'number', level: 1 }),
        block('q', [span('Indexes are promises.')], { style: 'blockquote' }),
        block('p', [
          span('bold', ['strong']),
          span(' and '),
          span('italic', ['em']),
          span(' and '),
          span('npm test', ['code']),
        ]),
      ]}
    />,
  )
  expect(screen.getByRole('heading', { level: 3, name: 'What we measured' })).toBeTruthy()
  const [bullets, numbers] = screen.getAllByRole('list')
  expect(bullets?.tagName).toBe('UL')
  expect(
    within(bullets!)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['Latency', 'Cost'])
  expect(numbers?.tagName).toBe('OL')
  expect(container.querySelector('blockquote.pull-quote')?.textContent).toBe('Indexes are promises.')
  expect(container.querySelector('strong')?.textContent).toBe('bold')
  expect(container.querySelector('em')?.textContent).toBe('italic')
  expect(container.querySelector('p code')?.textContent).toBe('npm test')
})

test('keeps web links and drops javascript: links to plain text', () => {
  render(
    <RichText
      value={[
        block('l', [span('the design doc', ['good']), span(' and '), span('a trap', ['evil'])], {
          markDefs: [
            { _type: 'link', _key: 'good', href: 'https://example.com/design' },
            { _type: 'link', _key: 'evil', href: 'javascript:alert(1)' },
          ],
        }),
      ]}
    />,
  )
  const link = screen.getByRole('link', { name: 'the design doc' })
  expect(link.getAttribute('href')).toBe('https://example.com/design')
  expect(link.getAttribute('rel')).toBe('noopener noreferrer')
  expect(screen.queryByRole('link', { name: 'a trap' })).toBeNull()
  expect(screen.getByText(/a trap/)).toBeTruthy()
})

test('renders an image with alt text, a srcset from the lake and the lqip as blur-up background', () => {
  render(
    <RichText
      value={[
        { _type: 'image', _key: 'i', asset: imageAsset, alt: 'A diagram of the graph', caption: 'The graph, drawn' },
      ]}
    />,
  )
  const image = screen.getByRole('img', { name: 'A diagram of the graph' }) as HTMLImageElement
  expect(image.getAttribute('srcset')).toMatch(
    /^http:\/\/127\.0\.0\.1:3333\/images\/parley\/production\/abc123-800x600\.png\?.*w=160.* 160w, .* 800w$/,
  )
  expect(image.getAttribute('loading')).toBe('lazy')
  expect(image.style.backgroundImage).toContain('data:image/png;base64,AAAA')
  expect(screen.getByText('The graph, drawn').tagName).toBe('FIGCAPTION')
})

test('renders a code block with its filename, using the server-highlighted HTML when present', () => {
  const { container, rerender } = render(
    <RichText
      value={[{ _type: 'codeBlock', _key: 'c', language: 'ts', filename: 'graph.ts', code: 'const a = 1 < 2' }]}
    />,
  )
  expect(container.querySelector('figcaption')?.textContent).toContain('graph.ts')
  expect(container.querySelector('pre code')?.textContent).toBe('const a = 1 < 2')
  rerender(
    <RichText
      value={[
        {
          _type: 'codeBlock',
          _key: 'c',
          language: 'ts',
          code: 'x',
          html: '<pre class="shiki"><code><span style="color:#D73A49">const</span></code></pre>',
        },
      ]}
    />,
  )
  expect(container.querySelector('pre.shiki span')?.textContent).toBe('const')
})

test('skips content types the site does not know instead of showing an error', () => {
  const { container } = render(
    <RichText value={[{ _type: 'mysteryWidget', _key: 'm' }, block('p', [span('Still here')])]} />,
  )
  expect(container.textContent).toBe('Still here')
})

const qa: QaBlock[] = [
  { _key: 'q1', question: 'Why rebuild the graph?', answer: [block('a', [span('Because.')])] },
  { _key: 'q2', question: 'Why rebuild the graph?', answer: [block('b', [span('Again.')])] },
  { _key: 'q3', question: 'What’s next — really?', answer: [] },
]

test('each question is a level-2 heading that links to its own anchor, answers follow their question', () => {
  const { container } = render(<QuestionsAndAnswers qa={qa} />)
  const headings = screen.getAllByRole('heading', { level: 2 })
  expect(headings.map((heading) => heading.textContent)).toEqual([
    'Why rebuild the graph?',
    'Why rebuild the graph?',
    'What’s next — really?',
  ])
  const ids = headings.map((heading) => heading.id)
  expect(ids).toEqual(['why-rebuild-the-graph', 'why-rebuild-the-graph-2', 'what-s-next-really'])
  headings.forEach((heading) => expect(within(heading).getByRole('link').getAttribute('href')).toBe(`#${heading.id}`))
  expect(container.querySelectorAll('section.qa__block')[1]?.textContent).toContain('Again.')
})

test('the table of contents lists every question in order, linked to the same anchors', () => {
  render(<QuestionContents qa={qa} />)
  const nav = screen.getByRole('navigation', { name: 'Questions in this interview' })
  expect(
    within(nav)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href')),
  ).toEqual(['#why-rebuild-the-graph', '#why-rebuild-the-graph-2', '#what-s-next-really'])
})
