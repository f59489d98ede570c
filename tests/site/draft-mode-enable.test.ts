// The draft-mode enable route's decision against a real lake: a Studio preview secret (as the Studio creates it) turns
// draft mode on and redirects within the site; an unknown, forged or expired one is a 401 and sets nothing.
import { jest } from '@jest/globals'
import { createClient, type SanityClient } from '@sanity/client'
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret'
import { handleDraftModeEnable } from '../../lib/draft-mode/enable.ts'
import { readToken, startTestLake, type TestLake } from './support/test-lake.ts'

const automationSecret = 'site-test-preview-secret'
let lake: TestLake
let secretReader: SanityClient
let anonymous: SanityClient

beforeAll(async () => {
  lake = await startTestLake()
  const base = {
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
  } as const
  secretReader = createClient({ ...base, token: readToken })
  anonymous = createClient(base)
})

afterAll(async () => {
  jest.useRealTimers()
  await lake.close()
})

/** Runs the route's handler and reports whether it turned draft mode on (the cookie) and what it answered. */
async function enable(query: string): Promise<{
  status: number
  location: string | null
  draftModeEnabled: boolean
  cookie: string | null
  retryAfter: string | null
  body: string
}> {
  let draftModeEnabled = false
  const response = await handleDraftModeEnable(new Request(`http://site.test/api/draft-mode/enable?${query}`), {
    secretReader,
    automationSecret,
    enableDraftMode: async () => {
      draftModeEnabled = true
    },
  })
  return {
    status: response.status,
    location: response.headers.get('location'),
    draftModeEnabled,
    cookie: response.headers.get('set-cookie'),
    retryAfter: response.headers.get('retry-after'),
    body: await response.text(),
  }
}

const studioSecret = () =>
  createPreviewSecret(lake.editor, 'parley-studio-open-preview', 'https://localhost:3334/studio', 'editor-1')

test('a fresh Studio preview secret turns draft mode on and redirects to its pathname on this site', async () => {
  const { secret } = await studioSecret()
  const answer = await enable(
    `sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent('/interviews/building-the-graph')}`,
  )
  expect(answer).toMatchObject({ status: 307, location: '/interviews/building-the-graph', draftModeEnabled: true })
})

test('a preview pathname that names another host only ever redirects to a path on this site', async () => {
  const { secret } = await studioSecret()
  for (const pathname of ['https://evil.example/steal', '//evil.example/steal']) {
    const answer = await enable(
      `sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(pathname)}`,
    )
    expect([pathname, answer.status, answer.location]).toEqual([pathname, 307, '/steal'])
  }
})

test('an unknown or forged preview secret is a 401 in the API error shape and never turns draft mode on', async () => {
  const { secret } = await studioSecret()
  const forged = `${secret.slice(0, -2)}${secret.endsWith('AA') ? 'BB' : 'AA'}`
  for (const query of [
    'sanity-preview-secret=not-a-secret&sanity-preview-pathname=/',
    `sanity-preview-secret=${forged}&sanity-preview-pathname=/`,
    'sanity-preview-secret=&sanity-preview-pathname=/',
    'redirect=/',
    'token=some-editor-token&redirect=/',
  ]) {
    const answer = await enable(query)
    expect([query, answer.status, answer.draftModeEnabled, answer.cookie, answer.location]).toEqual([
      query,
      401,
      false,
      null,
      null,
    ])
    expect(JSON.parse(answer.body)).toEqual({ error: { type: 'unauthorized', description: expect.any(String) } })
  }
})

test('a Studio preview secret older than its one-hour lifetime is refused', async () => {
  const { secret } = await studioSecret()
  const query = `sanity-preview-secret=${secret}&sanity-preview-pathname=/`
  expect((await enable(query)).status).toBe(307)
  // The lake runs in this process, so moving the clock an hour and a minute on moves its now() too.
  jest.useFakeTimers({
    now: Date.now() + 61 * 60_000,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  })
  try {
    const answer = await enable(query)
    expect([answer.status, answer.draftModeEnabled, answer.cookie]).toEqual([401, false, null])
  } finally {
    jest.useRealTimers()
  }
})

test('the automation secret (SANITY_PREVIEW_SECRET) still works, and a wrong one is a 401', async () => {
  expect(await enable(`secret=${automationSecret}&redirect=/speakers/ada-okafor`)).toMatchObject({
    status: 307,
    location: '/speakers/ada-okafor',
    draftModeEnabled: true,
  })
  expect(await enable('secret=wrong&redirect=/')).toMatchObject({ status: 401, draftModeEnabled: false })
})

test('preview secrets are invisible to anonymous readers and to the site’s published perspective', async () => {
  const { secret } = await studioSecret()
  const query = '*[_type == "sanity.previewUrlSecret" || secret == $secret]{_id}'
  expect(await anonymous.fetch(query, { secret }, { perspective: 'raw' })).toEqual([])
  expect(await anonymous.fetch(query, { secret }, { perspective: 'published' })).toEqual([])
  expect(await secretReader.fetch(query, { secret }, { perspective: 'published' })).toEqual([])
  // The token does see it (that is how the site validates it), under a drafts. id.
  const seen = await secretReader.fetch<{ _id: string }[]>(
    '*[secret == $secret]{_id}',
    { secret },
    { perspective: 'raw' },
  )
  expect(seen).toEqual([{ _id: expect.stringMatching(/^drafts\./) }])
})

test('while the content API is down a preview link is answered 503 with Retry-After, and works again once it is back', async () => {
  const { secret } = await studioSecret()
  const query = `sanity-preview-secret=${secret}&sanity-preview-pathname=/`
  await lake.stop()
  try {
    const answer = await enable(query)
    expect([answer.status, answer.draftModeEnabled, answer.cookie, answer.retryAfter]).toEqual([503, false, null, '30'])
    expect(JSON.parse(answer.body)).toMatchObject({ error: { type: 'unavailable' } })
  } finally {
    await lake.restart()
  }
  expect((await enable(query)).status).toBe(307)
})
