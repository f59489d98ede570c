// One answer to "where is the lake": with LAKE_PORT set and no SANITY_API_HOST, the scripts reach the lake that
// `npm start` starts on that port (they used to take .env.example's http://127.0.0.1:3333).
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@sanity/client'
import { startLake, type Lake } from '../../lake/index.ts'
import { lakeAddress } from '../../lake/cli/environment.ts'
import { loadEnvironment } from '../../scripts/environment.ts'
import { freePort } from '../site/support/free-port.ts'

const root = join(import.meta.dirname, '..', '..')
const writeToken = 'lake-address-write-token'
let lake: Lake
let work: string
let environment: Record<string, string>

// Each script starts as a child process (Node, the client and jsdom load in a few seconds on a busy machine).
jest.setTimeout(90_000)

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'parley-lake-address-'))
  // The environment a user gives `npm start` and then the scripts: ports, no SANITY_API_HOST (as on a fresh clone,
  // whose only other source is .env.example).
  environment = {
    LAKE_PORT: String(await freePort()),
    LAKE_TLS_PORT: String(await freePort()),
    SANITY_API_WRITE_TOKEN: writeToken,
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'parley',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
  }
  // Started as `npm start` starts it: on the address its configuration gives.
  const { port, tlsPort } = lakeAddress(loadEnvironment(root, environment).env)
  lake = await startLake({ port, tlsPort, dataDir: join(work, 'lake'), writeToken, durability: 'normal' })
})

afterAll(async () => {
  await lake?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

function runScript(script: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...environment } })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, output }))
  })
}

test('npm start and the scripts derive the same lake address from LAKE_PORT and LAKE_TLS_PORT', () => {
  const { env } = loadEnvironment(root, environment)
  expect(env.SANITY_API_HOST).toBe(lake.url)
  expect(env.SANITY_STUDIO_URL).toBe(lake.studioUrl ?? `${lake.tlsUrl}/studio/`)
  expect(lake.url).toBe(`http://127.0.0.1:${environment.LAKE_PORT}`)
})

test('`npm run schedule` adds and lists a schedule on the lake at LAKE_PORT', async () => {
  const editor = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: writeToken,
  })
  await editor.create({
    _id: 'drafts.interview-night-shift',
    _type: 'interview',
    title: 'Keeping the night shift quiet',
    slug: { _type: 'slug', current: 'keeping-the-night-shift-quiet' },
  })
  const added = await runScript('scripts/schedule.ts', ['add', 'keeping-the-night-shift-quiet', '2099-01-05T09:00:00Z'])
  expect(added).toMatchObject({ status: 0, output: expect.stringContaining('Scheduled interview-night-shift') })
  const listed = await runScript('scripts/schedule.ts', ['list'])
  expect(listed.status).toBe(0)
  expect(listed.output).toContain('2099-01-05T09:00:00.000Z  interview-night-shift  keeping-the-night-shift-quiet')
})

test('`npm run import` writes to the lake at LAKE_PORT', async () => {
  const article = join(work, 'night-shift.md')
  writeFileSync(
    article,
    '# The alerts we deleted\n\nIt started with one noisy disk.\n\n**Which alert went first?**\n\nThe disk-space warning that fired every night at three.\n\n**What replaced it?**\n\nA weekly report nobody has to wake up for.\n',
  )
  const run = await runScript('scripts/import.ts', [
    article,
    '--publish',
    '--speaker',
    'Ines Faber, Site Reliability Engineer at Parley',
  ])
  expect(run).toMatchObject({ status: 0, output: expect.stringContaining('Imported 1 interview') })
  const stored = await fetch(
    `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == "interview" && title == "The alerts we deleted"][0].speaker->name')}`,
  )
  expect(((await stored.json()) as { result: unknown }).result).toBe('Ines Faber')
})
