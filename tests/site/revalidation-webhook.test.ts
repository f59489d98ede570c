// The revalidation webhook end to end without Next: the real lake signs and sends it, the site's handler verifies it
// and names exactly the cache tags of the pages the changed document appears on.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encodeSignatureHeader } from '@sanity/webhook'
import { createClient } from '@sanity/client'
import {
  handleRevalidationWebhook,
  referencingInterviewsFrom,
  revalidationWebhook,
} from '../../lib/revalidation/index.ts'
import { startTestLake, type TestLake } from './support/test-lake.ts'
import { sample, seedSampleContent } from './support/sample-content.ts'

const secret = 'site-test-webhook-secret'
let lake: TestLake
let site: Server
let siteUrl: string
/** Every tag the handler revalidated, per delivery, in order. */
const deliveries: string[][] = []
let referencingInterviews: (id: string) => Promise<string[]>

beforeAll(async () => {
  site = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = new Request(`http://site${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    })
    const revalidated: string[] = []
    const response = await handleRevalidationWebhook(request, {
      secret,
      revalidate: (tag) => revalidated.push(tag),
      referencingInterviews: (id) => referencingInterviews(id),
    })
    if (response.ok) deliveries.push(revalidated)
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text())
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  lake = await startTestLake({ webhooks: [revalidationWebhook(siteUrl, secret)] })
  // The site's anonymous view of the lake, as the route uses it.
  referencingInterviews = referencingInterviewsFrom(
    createClient({
      projectId: 'parley',
      dataset: 'production',
      apiVersion: '2025-02-19',
      apiHost: lake.url,
      useProjectHostname: false,
      useCdn: false,
    }),
  )
  await seedSampleContent(lake.editor)
  await lake.webhooks.idle()
})

afterAll(async () => {
  await lake.close()
  await new Promise((resolve) => site.close(resolve))
})

async function deliveriesDuring(change: () => Promise<unknown>): Promise<string[][]> {
  deliveries.length = 0
  await change()
  await lake.webhooks.idle()
  return [...deliveries]
}

test('a published interview edit revalidates its page, the lists, and its speaker, topic and series pages', async () => {
  const sent = await deliveriesDuring(() =>
    lake.editor.patch('interview-graph').set({ title: 'Building the graph, again' }).commit(),
  )
  expect(sent).toEqual([
    [
      'interview:building-the-graph',
      'interviews',
      'person:ada-okafor',
      'person:ivan-interviewer',
      'series:platform-voices',
      'topic:databases',
    ],
  ])
})

test('a renamed slug revalidates the page at the old address and the new one', async () => {
  const sent = await deliveriesDuring(() =>
    lake.editor
      .patch('interview-oncall')
      .set({ slug: { _type: 'slug', current: 'on-call-renamed' } })
      .commit(),
  )
  expect(sent[0]).toEqual(
    expect.arrayContaining(['interview:on-call-renamed', `interview:${sample.secondSlug}`, 'interviews']),
  )
})

test('an interview that moves to another topic revalidates both topic pages', async () => {
  await deliveriesDuring(() =>
    lake.editor.createOrReplace({
      _id: 'topic-people',
      _type: 'topic',
      title: 'People',
      slug: { _type: 'slug', current: 'people' },
    }),
  )
  const sent = await deliveriesDuring(() =>
    lake.editor
      .patch('interview-graph')
      .set({ topics: [{ _type: 'reference', _ref: 'topic-people', _key: 't2' }] })
      .commit(),
  )
  expect(sent[0]).toEqual(expect.arrayContaining(['topic:people', 'topic:databases']))
})

test('a speaker edit revalidates the speaker page, the interviews that show them and the lists', async () => {
  const sent = await deliveriesDuring(() =>
    lake.editor.patch('person-ada').set({ role: 'Principal Engineer' }).commit(),
  )
  expect(sent).toEqual([
    ['interview:building-the-graph', 'interview:on-call-renamed', 'interviews', 'person:ada-okafor'],
  ])
})

test('site settings revalidate only the settings tag', async () => {
  expect(await deliveriesDuring(() => lake.editor.patch('siteSettings').set({ title: 'Parley 2' }).commit())).toEqual([
    ['settings'],
  ])
})

test('unpublishing an interview revalidates the page it leaves', async () => {
  const sent = await deliveriesDuring(() => lake.editor.delete('interview-graph'))
  expect(sent[0]).toEqual(expect.arrayContaining(['interview:building-the-graph', 'interviews']))
})

test('draft edits send no webhook, so nothing is revalidated', async () => {
  expect(
    await deliveriesDuring(() =>
      lake.editor.createOrReplace({
        _id: 'drafts.interview-oncall',
        _type: 'interview',
        title: 'Draft again',
        slug: { _type: 'slug', current: 'on-call-renamed' },
      }),
    ),
  ).toEqual([])
})

test('a missing, forged or stale-secret signature is a 401 and revalidates nothing', async () => {
  const body = JSON.stringify({ _type: 'interview', slug: 'on-call-renamed' })
  deliveries.length = 0
  const post = (headers: Record<string, string>) =>
    fetch(`${siteUrl}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })
  const missing = await post({})
  expect(missing.status).toBe(401)
  expect(((await missing.json()) as { error: { description: string } }).error.description).toMatch(
    /Missing sanity-webhook-signature/,
  )
  expect(
    (await post({ 'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), 'wrong-secret') })).status,
  ).toBe(401)
  expect((await post({ 'sanity-webhook-signature': 'garbage' })).status).toBe(401)
  // A correct signature over a different body must not authorise this one.
  expect(
    (await post({ 'sanity-webhook-signature': await encodeSignatureHeader('{}', Date.now(), secret) })).status,
  ).toBe(401)
  expect(deliveries).toEqual([])
  expect(
    (await post({ 'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), secret) })).status,
  ).toBe(200)
  expect(deliveries).toEqual([['interview:on-call-renamed', 'interviews']])
})
