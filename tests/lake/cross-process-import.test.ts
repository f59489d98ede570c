// A dataset that the import CLI creates in the data folder of a running lake is queryable through that lake at once, without a restart.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { createClient } from '@sanity/client'
import { startLake, type Lake } from '../../lake/index.ts'

const run = promisify(execFile)
const root = path.resolve(__dirname, '../..')

let work: string
let lake: Lake

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'parley-cross-process-'))
  lake = await startLake({ port: 0, dataDir: path.join(work, 'lake'), durability: 'normal' })
})

afterAll(async () => {
  await lake?.close()
  await rm(work, { recursive: true, force: true })
})

const clientFor = (dataset: string) =>
  createClient({
    projectId: 'parley',
    dataset,
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token: 'parley-local-read-token',
  })

test('a dataset imported by `npm run lake -- import` beside a running lake is answered by that lake without a restart', async () => {
  const staging = clientFor('staging')
  // Asked before it exists: the running lake answers that there is no such dataset (404, as hosted Sanity does).
  await expect(staging.fetch('*[_type == "topic"]._id')).rejects.toMatchObject({ statusCode: 404 })

  const file = path.join(work, 'staging.ndjson')
  const topics = [
    { _id: 'topic-search', _type: 'topic', title: 'Search', slug: { _type: 'slug', current: 'search' } },
    { _id: 'topic-latency', _type: 'topic', title: 'Latency', slug: { _type: 'slug', current: 'latency' } },
  ]
  await writeFile(file, topics.map((topic) => JSON.stringify(topic)).join('\n') + '\n')
  // Another process, the CLI a user runs, writes to the same data folder.
  const { stdout } = await run(
    process.execPath,
    [path.join(root, 'lake/cli.ts'), 'import', file, '--dataset', 'staging', '--data', path.join(work, 'lake')],
    { cwd: root },
  )
  expect(stdout).toContain('Imported 2 document(s)')

  expect(await staging.fetch('*[_type == "topic"] | order(title asc){_id, title}')).toEqual([
    { _id: 'topic-latency', title: 'Latency' },
    { _id: 'topic-search', title: 'Search' },
  ])
  expect(await staging.getDocument('topic-search')).toMatchObject({ _id: 'topic-search', title: 'Search' })
  // The lake's own dataset is untouched by the import into another one.
  expect(await clientFor('production').fetch('count(*[_type == "topic"])')).toBe(0)
}, 60_000)
