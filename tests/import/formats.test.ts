// Reads each fixture format into an interview: exact questions, speaker, role, date and answer structure.
import { expect, test } from '@jest/globals'
import { join } from 'node:path'
import { readArticleSource } from '../../lib/import/detect-format.ts'
import { readInterviewArticle } from '../../lib/import/interview-article.ts'
import { outline } from './outline.ts'

const fixtures = join(import.meta.dirname, 'fixtures')
const read = (file: string) => readInterviewArticle(readArticleSource(join(fixtures, file)))

test('a Medium export post: bold questions, a two-line question, a sub-heading, chrome and the footer dropped', () => {
  const interview = read(
    'medium-export/posts/2024-03-05_An-interview-with-Mireille-Okafor---Staff-Engineer--Payments-1a2b3c4d5e6f.html',
  )
  expect(interview.format).toBe('html')
  expect(interview.title).toBe('An interview with Mireille Okafor | Staff Engineer, Payments')
  expect(interview.slug).toBe('an-interview-with-mireille-okafor-staff-engineer-payments')
  expect(interview.standfirst).toBe('How a four-person team moved card settlement off a nightly batch')
  expect(interview.publishedAt).toBe('2024-03-05T09:14:22.118Z')
  // "Originally published at" names where the interview first appeared; it wins over Medium's own link.
  expect(interview.canonicalUrl).toBe('https://engineering.lindqvist.example/interviews/mireille-okafor')
  expect(interview.speaker).toEqual({
    name: 'Mireille Okafor',
    role: 'Staff Engineer, Payments',
    company: 'Lindqvist Freight',
  })
  expect(interview.interviewer).toEqual({ name: 'Tomás Brennan' })
  expect(interview.qa.map((block) => block.question)).toEqual([
    'What did the old settlement job actually do?',
    'You rewrote it in stages rather than all at once.\nWhy not a clean cut-over?',
    'What would you tell a team starting the same migration?',
  ])
  expect(interview.qa.map((block) => outline(block.answer))).toEqual([
    [
      'normal: Every night at two it read the day’s card captures, grouped them by merchant and wrote one file per bank. If it failed, nobody was paid the next morning, so it had <em>a lot</em> of folklore around it.',
      'normal: We kept a wiki page called [Settlement rituals](https://wiki.lindqvist.example/settlement-rituals). That tells you most of it.',
    ],
    [
      'normal: Because the batch was the specification. Nobody could tell us every rule it applied, so we ran the new service beside it and compared outputs.',
      'h3: The shadow month',
      'normal: For a month both systems produced files. We diffed them each morning:',
      'bullet: rounding differences went to a spreadsheet,',
      'bullet: missing merchants paged whoever was on call,',
      'bullet: everything else was <strong>a bug until proven otherwise</strong>.',
      'blockquote: The batch was the specification.',
    ],
    [
      'normal: Write the comparison tool first. Ours was twenty lines:',
      'code(text): diff <(sort old/settle.csv) \\\n     <(sort new/settle.csv)',
      'normal: And budget for the month of diffs. It is the cheapest insurance you will ever buy.',
    ],
  ])
  expect(interview.warnings).toEqual([
    'question 2: image dropped: https://cdn-images-1.medium.com/max/800/1*Qm3xR8yZ.png — it is remote (download it next to the article and reference it by a relative path to import it)',
    'the introduction (1 paragraph) is not imported: the subtitle became the standfirst',
  ])
})

test('generic article HTML: heading questions with a lead-in line, h3 sub-headings kept, site chrome and closing call dropped', () => {
  const interview = read('article.html')
  expect(interview.title).toBe('On-call without the dread')
  expect(interview.standfirst).toBe(
    'This month we sat down with Priya Raman (Engineering Manager at Orbitwise) to talk about making on-call something people volunteer for.',
  )
  expect(interview.publishedAt).toBe('2023-11-14T08:30:00.000Z')
  expect(interview.canonicalUrl).toBe('https://blog.orbitwise.example/2023/11/on-call-without-the-dread/')
  expect(interview.speaker).toEqual({ name: 'Priya Raman', role: 'Engineering Manager', company: 'Orbitwise' })
  expect(interview.interviewer).toEqual({ name: 'Sam Ortiz' })
  expect(interview.qa.map((block) => block.question)).toEqual([
    'How big is the rotation today?',
    'A year ago the pager went off forty times a week.\nWhat changed first?',
    'What do you look for in a good runbook?',
  ])
  expect(interview.qa.map((block) => outline(block.answer))).toEqual([
    [
      'normal: Nine engineers across two time zones. Nobody is on call more than one week in six, and nights are covered by whoever is awake anyway.',
    ],
    [
      'normal: We stopped treating alerts as free. Every alert got an owner and a <strong>pager budget</strong>.',
      'h3: The budget',
      'normal: Each service gets five pages a week. Go over and the next sprint starts with the fixes:',
      'number: delete alerts nobody acted on,',
      'number: turn the rest into [runbooks](https://runbooks.orbitwise.example/),',
      'number: automate the runbooks that never change.',
      'h3: The config',
      'code(yaml): alerts:\n  checkout-latency:\n    budget: 5\n    owner: payments',
    ],
    [
      'normal: That someone woken at four can follow it with one eye open.',
      'blockquote: If the runbook needs judgement, it is a design document.',
      'normal: We review them like code, and we <em>delete</em> them like code.',
    ],
  ])
  expect(interview.warnings).toEqual([])
})

test('Markdown: front matter, "Q:"/"A:" bold questions over two lines, a sub-heading, a list, a local image and code', () => {
  const interview = read('markdown/scaling-the-queue.md')
  expect(interview.format).toBe('markdown')
  expect(interview.title).toBe('Scaling the queue: a conversation with Kofi Mensah')
  expect(interview.standfirst).toBe('How Tallgrass Labs went from one queue to forty without losing a message.')
  expect(interview.publishedAt).toBe('2025-06-02T00:00:00.000Z')
  expect(interview.canonicalUrl).toBe('https://tallgrass.example/blog/scaling-the-queue')
  expect(interview.speaker).toEqual({ name: 'Kofi Mensah', role: 'Principal Engineer', company: 'Tallgrass Labs' })
  expect(interview.interviewer).toBeUndefined()
  // Markdown renders a soft line break as a space, so the two source lines read as one sentence pair.
  expect(interview.qa.map((block) => block.question)).toEqual([
    'What broke first when traffic tripled?',
    'You kept the old queue running for a month. Was that planned?',
    'Any code you are proud of?',
  ])
  expect(interview.qa.map((block) => outline(block.answer))).toEqual([
    [
      'normal: The consumer that acknowledged messages before processing them. It had been fine for years because nothing was ever slow.',
    ],
    [
      'normal: Half planned. We knew we wanted a fallback; we did not expect to need it twice.',
      'h3: What the fallback looked like',
      'bullet: a feature flag per producer',
      'bullet: a replay script that read from the old queue',
      'bullet: a dashboard with exactly <strong>two</strong> numbers',
      'image: Queue depth over a week | Queue depth during the first week',
    ],
    [
      'normal: The idempotency check is three lines of <code>Go</code>:',
      'code(go): if seen.Contains(msg.ID) {\n    return nil\n}',
      'blockquote: Make every consumer safe to run twice, and most incidents become boring.',
      'normal: More in the [design notes](https://tallgrass.example/notes/queues).',
    ],
  ])
  const image = interview.qa[1]!.answer.at(-1) as { _sanityAsset?: string }
  expect(image._sanityAsset).toBe(`image@file://${join(fixtures, 'markdown/images/queue-depth.png')}`)
  expect(interview.warnings).toEqual([])
})

test('plain text copied from a web page: author box, dateline and follow prompts dropped, lead-in line joins its question', () => {
  const interview = read('copied-page.txt')
  expect(interview.format).toBe('plain-text')
  expect(interview.title).toBe('Shipping a design system to twelve product teams')
  expect(interview.standfirst).toBe(
    'How Fernhill got adoption without a mandate\n\nHana Kobayashi, Design Systems Lead at Fernhill, joined us to talk about adoption, versioning and saying no.',
  )
  expect(interview.publishedAt).toBe('2025-01-18T00:00:00.000Z')
  expect(interview.canonicalUrl).toBe('https://fernhill.example/blog/design-systems-hana-kobayashi')
  expect(interview.speaker).toEqual({ name: 'Hana Kobayashi', role: 'Design Systems Lead', company: 'Fernhill' })
  expect(interview.interviewer).toEqual({ name: 'Dario Lentz' })
  expect(interview.qa.map((block) => block.question)).toEqual([
    'Why build a design system at all?',
    'You said adoption was voluntary.\nHow did you get twelve teams on board?',
    'What is the hardest part of the job?',
  ])
  expect(interview.qa.map((block) => outline(block.answer))).toEqual([
    [
      'normal: Every team had its own button. Some had four. Our users noticed before we did.',
      'normal: So we started by counting. We found thirty-one buttons and nine date pickers.',
    ],
    [
      'normal: We made the system the fastest way to ship. If a team needed a component, we paired with them until it existed.',
      'h3: Versioning without tears',
      'normal: We release weekly and never break an API without a codemod. The rules fit on one card:',
      'bullet: minor versions add, never change',
      'bullet: deprecations live for two releases',
      'bullet: every breaking change ships with a codemod',
    ],
    ['normal: Saying no. Not every one-off belongs in the system, and a polite no keeps it small.'],
  ])
})

test('keys are deterministic, so reading the same article twice gives identical documents', () => {
  const first = read('article.html')
  const second = read('article.html')
  expect(second).toEqual(first)
})
