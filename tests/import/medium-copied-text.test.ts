// Plain text copied from a Medium page: its header (byline, publication, reading time, date, clap bar) is metadata, never standfirst.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readArticles, type ImportedInterview } from '../../lib/import/index.ts'
import { outline } from './outline.ts'

const fixtures = join(import.meta.dirname, 'medium-pages')
/** When the page was copied, as the file's modification time says: relative and year-less dates count from it. */
const savedAt = new Date('2025-06-10T12:00:00Z')
let work: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'parley-medium-copied-'))
})

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

/** Reads one file through the importer's entry point, as saved at `savedAt`. */
function importSaved(file: string): ImportedInterview {
  utimesSync(file, savedAt, savedAt)
  const { interviews, refused } = readArticles([file])
  expect(refused).toEqual([])
  return interviews[0]!
}

function fixture(name: string): ImportedInterview {
  const copy = join(work, name)
  copyFileSync(join(fixtures, name), copy)
  return importSaved(copy)
}

test('a publication post copied whole: byline, "Published in", "7 min read·Mar 3, 2024" and the clap bar are metadata', () => {
  const interview = fixture('publication-post.txt')
  expect(interview).toMatchObject({
    title: 'Ten thousand builds a day',
    publishedAt: '2024-03-03T00:00:00.000Z',
    publication: 'Quarry Engineering',
    interviewer: { name: 'Ilse Marchetti' },
    speaker: { name: 'Tobias Renner', role: 'Build Infrastructure Lead', company: 'Quarry' },
    // The subtitle the author wrote under the title leads the standfirst, then the introduction; nothing of the header.
    standfirst:
      "How Quarry's build farm stopped queueing at nine every morning\n\nTobias Renner, Build Infrastructure Lead at Quarry, joined us to talk about caches, queues and flaky tests.",
  })
  expect(interview.qa.map((block) => block.question)).toEqual([
    'What did a build cost two years ago?',
    'Where did you start?',
    'And the flaky tests?',
  ])
  expect(interview.qa.map((block) => outline(block.answer))).toEqual([
    [
      'normal: Forty minutes on a good day. Every merge to main rebuilt everything, and the queue peaked right after stand-up.',
    ],
    [
      'normal: With the cache. We made every step declare its inputs, so a step whose inputs had not changed could be skipped.',
      'normal: Hit rates went from nothing to eighty per cent in a month.',
    ],
    [
      'normal: We quarantine them automatically. A test that fails and then passes on a retry moves to a job that never blocks a merge, and its owner gets a ticket.',
    ],
  ])
  expect(interview.warnings).toEqual([])
})

test('a personal post from this year: "Name·Follow", a follower count and "5 min readJun 2" run together', () => {
  const interview = fixture('personal-post.txt')
  expect(interview).toMatchObject({
    title: 'Why we rewrote search in a weekend',
    publishedAt: '2025-06-02T00:00:00.000Z',
    interviewer: { name: 'Noor Haddad' },
    speaker: { name: 'Kwame Asante', role: 'Search Engineer', company: 'Lumen' },
    standfirst:
      'This month we talked to Kwame Asante (Search Engineer at Lumen) about indexes, relevance and deadlines.',
  })
  expect(interview.publication).toBeUndefined()
  expect(interview.qa.map((block) => block.question)).toEqual([
    'What was wrong with the old search?',
    'Why only a weekend?',
  ])
  expect(interview.warnings).toEqual([
    'the date "Jun 2" has no year: read as 2025-06-02, the last such day before the file was saved (2025-06-10); check the publication date',
  ])
})

const INTRODUCTION = 'Rosa Lind, Staff Engineer at Fjord, joined us to talk about caches.'
const BODY = [INTRODUCTION, '', 'Why caches?', 'Because the database was the slowest thing we owned.', '']

/** Medium's header lines between the title and the introduction, as different layouts and dates copy. */
test.each([
  {
    header: ['Ilse Marchetti', 'Follow', 'Published in', 'Quarry Engineering', '·', '7 min read·Mar 3, 2024', '--'],
    publishedAt: '2024-03-03T00:00:00.000Z',
    publication: 'Quarry Engineering',
  },
  {
    header: [
      'Ilse Marchetti',
      '·',
      'Follow',
      'Published in Quarry Engineering',
      '7 min readMarch 3, 2024',
      '--',
      'Listen',
      'Share',
    ],
    publishedAt: '2024-03-03T00:00:00.000Z',
    publication: 'Quarry Engineering',
  },
  {
    header: [
      'Ilse Marchetti',
      'Published in',
      'Quarry Engineering',
      '·',
      '7 min read',
      '·',
      'Mar 3, 2024',
      '--',
      '48',
      '2',
    ],
    publishedAt: '2024-03-03T00:00:00.000Z',
    publication: 'Quarry Engineering',
  },
  {
    header: [
      'Ilse MarchettiFollow',
      'Published inQuarry Engineering·7 min read·Sep 14, 2023',
      '',
      '--',
      '',
      'Listen',
      '',
      'Share',
    ],
    publishedAt: '2023-09-14T00:00:00.000Z',
    publication: 'Quarry Engineering',
  },
  {
    header: ['Ilse Marchetti', 'Follow', '1.2K Followers', 'Mar 3, 2024 · 7 min read', 'Listen', 'Share'],
    publishedAt: '2024-03-03T00:00:00.000Z',
  },
  {
    header: ['Ilse Marchetti', 'Follow', '7 min read·3 days ago', '--'],
    publishedAt: '2025-06-07T00:00:00.000Z',
    warning:
      'the date "3 days ago" is relative: read as 2025-06-07, counted back from when the file was saved (2025-06-10); check the publication date',
  },
  {
    header: ['Ilse Marchetti', 'Follow', '7 min read', '·', '1 day ago', '--'],
    publishedAt: '2025-06-09T00:00:00.000Z',
    warning:
      'the date "1 day ago" is relative: read as 2025-06-09, counted back from when the file was saved (2025-06-10); check the publication date',
  },
  {
    // Medium leaves the year out in the current year, so a day later in the year than the save is last year's.
    header: ['Ilse Marchetti', 'Follow', '7 min read·Dec 20', '--'],
    publishedAt: '2024-12-20T00:00:00.000Z',
    warning:
      'the date "Dec 20" has no year: read as 2024-12-20, the last such day before the file was saved (2025-06-10); check the publication date',
  },
])('header $header reads as $publishedAt', ({ header, publishedAt, publication, warning }) => {
  const file = join(work, 'variant.txt')
  writeFileSync(file, ['Caching at the edge', ...header, ...BODY].join('\n'))
  const interview = importSaved(file)
  expect(interview.title).toBe('Caching at the edge')
  expect(interview.publishedAt).toBe(publishedAt)
  expect(interview.publication).toBe(publication)
  expect(interview.interviewer).toEqual({ name: 'Ilse Marchetti' })
  expect(interview.standfirst).toBe(INTRODUCTION)
  expect(interview.qa.map((block) => block.question)).toEqual(['Why caches?'])
  expect(interview.warnings).toEqual(warning ? [warning] : [])
})
