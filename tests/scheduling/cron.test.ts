// The cron route's handler: closed without the secret, publishes due interviews with it.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@sanity/client'
import { startLake } from '../../lake/index.ts'
import { handleCronRequest } from '../../lib/scheduling/cron.ts'

let lake: Awaited<ReturnType<typeof startLake>>
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-cron-'))
  lake = await startLake({ port: 0, dataDir, writeToken: 'cron-test-write', readToken: 'cron-test-read' })
})
afterAll(async () => {
  await lake.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const editor = () =>
  createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: 'cron-test-write',
  })
const cron = (authorization?: string) =>
  new Request('http://site.test/api/cron/publish-due', {
    method: 'POST',
    headers: authorization ? { authorization } : {},
  })

test('refuses to run without the right secret and publishes nothing', async () => {
  const client = editor()
  await client.create({ _id: 'p', _type: 'person', name: 'Pat' })
  await client.create({
    _id: 'drafts.interview-cron',
    _type: 'interview',
    title: 'Cron',
    slug: { _type: 'slug', current: 'cron' },
    standfirst: 'Published by the cron route.',
    speaker: { _type: 'reference', _ref: 'p' },
    qa: [
      {
        _key: 'a',
        _type: 'qaBlock',
        question: 'When?',
        answer: [
          {
            _type: 'block',
            _key: 'b',
            style: 'normal',
            markDefs: [],
            children: [{ _type: 'span', _key: 's', text: 'Now.', marks: [] }],
          },
        ],
      },
    ],
    schedule: { publishAt: new Date(Date.now() - 1000).toISOString(), status: 'scheduled' },
  })
  for (const [secret, header] of [
    [undefined, 'Bearer x'],
    ['s3cret', undefined],
    ['s3cret', 'Bearer wrong'],
    ['s3cret', 's3cret'],
  ] as const) {
    const response = await handleCronRequest(cron(header), { secret, client: editor })
    expect(response.status).toBe(401)
    expect((await response.json()).error.description).toMatch(/CRON_SECRET/)
  }
  expect(await client.getDocument('interview-cron')).toBeUndefined()

  const response = await handleCronRequest(cron('Bearer s3cret'), { secret: 's3cret', client: editor })
  expect(response.status).toBe(200)
  expect((await response.json()).outcomes).toEqual([
    expect.objectContaining({ id: 'interview-cron', outcome: 'published' }),
  ])
  expect(await client.getDocument('interview-cron')).toMatchObject({ title: 'Cron' })
})
