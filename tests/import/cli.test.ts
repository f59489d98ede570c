// The import command as an editor runs it: dry runs, bad input refused with reasons and exit codes, nothing half-written.
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fixtures, startImportLake, type ImportLake } from './support/import-lake.ts'

const root = join(import.meta.dirname, '..', '..')
let lake: ImportLake
let work: string

// Each test starts the CLI as a child process (Node, jsdom and the client load in a few seconds on a busy machine).
jest.setTimeout(90_000)

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'parley-import-cli-'))
  lake = await startImportLake('cli')
})

afterAll(async () => {
  await lake.close()
  rmSync(work, { recursive: true, force: true })
})

/** Runs the CLI as a child process; asynchronously, because the lake it talks to lives in this process's event loop. */
function runImport(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/import.ts', ...args], {
      cwd: root,
      env: { ...process.env, SANITY_API_HOST: lake.url, SANITY_API_WRITE_TOKEN: lake.writeToken, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

const storedCount = () => lake.raw<number>('count(*[!(_id in path("_.**"))])')

function article(name: string, text: string | Uint8Array): string {
  const file = join(work, name)
  writeFileSync(file, text)
  return file
}

const noQuestions = `# Notes from our offsite\n\nMireille Okafor, Staff Engineer at Lindqvist Freight, joined us to talk about planning.\n\nWe spent two days on the roadmap. It went well.\n`
const noSpeaker = `# Ten questions about queues\n\nSome thoughts from the team.\n\n**What is a queue for?**\n\nSmoothing bursts.\n`

test('--dry-run prints the interview and person documents as JSON and needs no network', async () => {
  const run = await runImport([join(fixtures, 'copied-page.txt'), '--dry-run'], {
    SANITY_API_HOST: 'http://127.0.0.1:9',
  })
  expect(run.status).toBe(0)
  const documents = JSON.parse(run.stdout) as {
    _id: string
    _type: string
    speaker?: unknown
    interviewer?: unknown
    qa?: { question: string }[]
    slug?: { current: string }
    canonicalUrl?: string
    from?: string
    to?: string
    kind?: string
  }[]
  expect(documents.map((doc) => doc._id.replace(/[0-9a-f]{20}$/, '…'))).toEqual([
    'person-hana-kobayashi',
    'person-dario-lentz',
    'drafts.interview-…',
    'drafts.redirect-interview-…',
  ])
  const interview = documents[2]!
  // The article's old address is kept as a permanent redirect to its new page.
  expect(documents[3]).toMatchObject({
    _type: 'redirect',
    from: new URL(interview.canonicalUrl!).pathname,
    to: `/interviews/${interview.slug!.current}`,
    kind: 'permanent',
  })
  expect(interview.speaker).toEqual({ _type: 'reference', _ref: 'person-hana-kobayashi' })
  expect(interview.interviewer).toEqual({ _type: 'reference', _ref: 'person-dario-lentz' })
  expect(interview.qa).toHaveLength(3)
  expect(run.stderr).toContain('Dry run: 1 interview read, nothing written.')
})

test('--dry-run of a copied Medium page keeps its header out of the standfirst and says what it read from it', async () => {
  const run = await runImport([join(import.meta.dirname, 'medium-pages', 'publication-post.txt'), '--dry-run'])
  expect(run.status).toBe(0)
  const interview = (
    JSON.parse(run.stdout) as {
      _type: string
      standfirst?: string
      publishedAt?: string
      originalPublication?: string
    }[]
  ).find((doc) => doc._type === 'interview')!
  expect(interview.publishedAt).toBe('2024-03-03T00:00:00.000Z')
  expect(interview.originalPublication).toBe('Quarry Engineering')
  expect(interview.standfirst).toBe(
    "How Quarry's build farm stopped queueing at nine every morning\n\nTobias Renner, Build Infrastructure Lead at Quarry, joined us to talk about caches, queues and flaky tests.",
  )
  expect(run.stderr).toContain(
    '"Ten thousand builds a day" — Tobias Renner (Build Infrastructure Lead at Quarry), interviewed by Ilse Marchetti, published 2024-03-03 in Quarry Engineering, 3 questions',
  )
})

test('refuses an empty, a blank and a binary file, and articles without questions or speaker, each with its reason; exits 1 and writes nothing', async () => {
  const before = await storedCount()
  const cases = [
    [article('empty.md', ''), 'the file is empty: there is no article to import'],
    [article('blank.txt', ' \n\n\t\n'), 'the file holds only whitespace: there is no article to import'],
    [
      article(
        'photo.html',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      ),
      'the file is binary, not text: export the article as HTML, Markdown or plain text (UTF-8)',
    ],
    [
      article('offsite.md', noQuestions),
      'no questions recognised, so this does not read as an interview and was not imported.',
    ],
    [article('queues.md', noSpeaker), 'no speaker found: the title or introduction should name them'],
  ] as const
  const run = await runImport(cases.map(([file]) => file))
  expect(run.status).toBe(1)
  for (const [file, reason] of cases) expect(run.stderr).toContain(`✗ ${file}: ${reason}`)
  expect(run.stderr).toContain('Nothing imported.')
  expect(run.stdout).toBe('')
  expect(await storedCount()).toBe(before)
})

test('--speaker supplies the speaker an article does not name', async () => {
  const run = await runImport([
    article('queues-again.md', noSpeaker),
    '--dry-run',
    '--speaker',
    'Ines Duarte, Site Reliability Engineer at Parley',
  ])
  expect(run.status).toBe(0)
  const [person] = JSON.parse(run.stdout) as { name: string; role: string; company: string }[]
  expect(person).toMatchObject({ name: 'Ines Duarte', role: 'Site Reliability Engineer', company: 'Parley' })
})

test('a bad command line or a missing file explains itself', async () => {
  const unknown = await runImport(['--frobnicate', 'x.md'])
  expect(unknown.status).toBe(2)
  expect(unknown.stderr).toContain('import: unknown option --frobnicate')
  expect(unknown.stderr).toContain('Usage: npm run import --')
  const missing = await runImport([join(work, 'no-such-file.md')])
  expect(missing.status).toBe(1)
  expect(missing.stderr).toContain('no-such-file.md: no such file or folder')
})

test('a run with good and bad files writes the good ones as drafts, reports the bad ones and exits 3', async () => {
  const run = await runImport([join(fixtures, 'article.html'), article('empty-too.md', '')])
  expect(run.stderr).toContain('empty-too.md: the file is empty')
  expect(run.stderr).toMatch(
    /✓ .*article\.html → drafts\.interview-[0-9a-f]{20} \(created; speaker: new person person-priya-raman, interviewer: new person person-sam-ortiz\)/,
  )
  expect(run.status).toBe(3)
  expect(await lake.raw('*[_type == "interview"]._id')).toEqual([expect.stringMatching(/^drafts\./)])
})

test('when the store refuses the write, nothing at all is written and the command says so', async () => {
  const before = await storedCount()
  const run = await runImport([join(fixtures, 'markdown'), join(fixtures, 'copied-page.txt')], {
    SANITY_API_WRITE_TOKEN: 'not-a-valid-token',
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/import: .* — nothing was written/)
  expect(await storedCount()).toBe(before)
})
