// Webhooks in Sanity's GROQ-powered form: after each committed transaction the lake sends signed, filtered, projected deliveries, retries what failed, logs every attempt, and never lets a target slow a mutation.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createClient, type SanityClient } from '@sanity/client'
import { isValidSignature } from '@sanity/webhook'
import { startLake, type Lake } from '../../lake/index.ts'
import { loadWebhookDefinitions, WebhookConfigError } from '../../lake/webhooks/definitions.ts'

const WRITE_TOKEN = 'parley-local-write-token'
const SECRET = 'webhook-test-secret'

type Received = { path: string; headers: IncomingHttpHeaders; body: string; at: number }

/** A webhook target: records every request; `answer` decides the status per request (or never answers). */
async function startTarget(answer: (request: Received, count: number) => number | 'hang') {
  const received: Received[] = []
  const hanging: (() => void)[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body, at: Date.now() }
      received.push(request)
      const status = answer(request, received.filter((r) => r.path === request.path).length)
      if (status === 'hang') hanging.push(() => res.destroy())
      else res.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of hanging) release()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

let target: Awaited<ReturnType<typeof startTarget>>
let lake: Lake
let dataDir: string
let client: SanityClient

beforeAll(async () => {
  target = await startTarget((request, count) => {
    if (request.path === '/flaky') return count <= 2 ? 503 : 200
    if (request.path === '/hang') return 'hang'
    if (request.path === '/gone') return 410
    return 200
  })
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-webhooks-'))
  lake = await startLake({
    port: 0,
    dataDir,
    durability: 'normal',
    webhookRetry: { initialDelayMs: 100, maxDelayMs: 400, timeoutMs: 500, attempts: 4 },
    webhooks: [
      {
        name: 'revalidate',
        url: `${target.url}/revalidate`,
        secret: SECRET,
        filter: '_type == "interview" && defined(slug.current)',
        projection:
          '{_id, _type, "slug": slug.current, "speaker": speaker->name, "operation": delta::operation(), "titleBefore": before().title, "titleAfter": after().title, "titleChanged": delta::changedAny(title)}',
        on: ['create', 'update', 'delete'],
      },
      {
        name: 'drafts-too',
        url: `${target.url}/drafts`,
        secret: SECRET,
        filter: '_type == "note"',
        includeDrafts: true,
        on: ['create'],
      },
      { name: 'flaky', url: `${target.url}/flaky`, secret: SECRET, filter: '_type == "flaky"' },
      { name: 'hanging', url: `${target.url}/hang`, secret: SECRET, filter: '_type == "slowpoke"' },
      { name: 'gone', url: `${target.url}/gone`, filter: '_type == "gone"' },
    ],
  })
  client = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: lake.url,
    token: WRITE_TOKEN,
    useCdn: false,
  })
  await client.createOrReplace({ _id: 'person-ada', _type: 'person', name: 'Ada Okafor' })
})

afterAll(async () => {
  await lake?.close()
  await target?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const deliveriesTo = (pathname: string) => target.received.filter((request) => request.path === pathname)

describe('a GROQ-powered webhook', () => {
  test('sends a signed create with the projection, resolving references, verified by @sanity/webhook', async () => {
    const created = await client.create({
      _id: 'interview-ada',
      _type: 'interview',
      title: 'Queues at night',
      slug: { _type: 'slug', current: 'queues-at-night' },
      speaker: { _type: 'reference', _ref: 'person-ada' },
    })
    const delivery = await waitFor(() =>
      deliveriesTo('/revalidate').find((r) => r.headers['sanity-document-id'] === 'interview-ada'),
    )
    expect(await isValidSignature(delivery.body, String(delivery.headers['sanity-webhook-signature']), SECRET)).toBe(
      true,
    )
    expect(
      await isValidSignature(delivery.body, String(delivery.headers['sanity-webhook-signature']), 'another-secret'),
    ).toBe(false)
    expect(String(delivery.headers['sanity-webhook-signature'])).toMatch(/^t=\d{13},v1=[A-Za-z0-9_-]+$/)
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'sanity-operation': 'create',
      'sanity-document-id': 'interview-ada',
      'sanity-transaction-id': created._rev, // a document's _rev is the id of the transaction that wrote it
      'sanity-dataset': 'production',
      'sanity-project-id': 'parley',
    })
    expect(delivery.headers['idempotency-key']).toEqual(expect.any(String))
    expect(JSON.parse(delivery.body)).toEqual({
      _id: 'interview-ada',
      _type: 'interview',
      slug: 'queues-at-night',
      speaker: 'Ada Okafor',
      operation: 'create',
      titleBefore: null,
      titleAfter: 'Queues at night',
      titleChanged: true,
    })
  })

  test('sends an update with before() and after(), and a delete with the document as it was', async () => {
    await client.patch('interview-ada').set({ title: 'Queues after dark' }).commit()
    const update = await waitFor(() =>
      deliveriesTo('/revalidate').find((r) => r.headers['sanity-operation'] === 'update'),
    )
    expect(JSON.parse(update.body)).toMatchObject({
      operation: 'update',
      titleBefore: 'Queues at night',
      titleAfter: 'Queues after dark',
      titleChanged: true,
    })

    await client.delete('interview-ada')
    const removal = await waitFor(() =>
      deliveriesTo('/revalidate').find((r) => r.headers['sanity-operation'] === 'delete'),
    )
    expect(JSON.parse(removal.body)).toMatchObject({
      _id: 'interview-ada',
      slug: 'queues-at-night',
      operation: 'delete',
      titleAfter: null,
    })
  })

  test('skips documents the filter rejects, and drafts unless the webhook includes drafts', async () => {
    const before = target.received.length
    await client.create({ _id: 'interview-no-slug', _type: 'interview', title: 'No slug yet' })
    await client.create({
      _id: 'drafts.interview-draft',
      _type: 'interview',
      title: 'Draft',
      slug: { _type: 'slug', current: 'draft' },
    })
    await client.create({ _id: 'drafts.note-1', _type: 'note', text: 'a draft note' })
    const draftNote = await waitFor(() =>
      deliveriesTo('/drafts').find((r) => r.headers['sanity-document-id'] === 'drafts.note-1'),
    )
    expect(JSON.parse(draftNote.body)).toMatchObject({ _id: 'drafts.note-1', text: 'a draft note' })
    await lake.webhooks.idle()
    const newToRevalidate = target.received.slice(before).filter((r) => r.path === '/revalidate')
    expect(newToRevalidate).toEqual([])
  })
})

describe('delivery', () => {
  test('retries a target that answers 503 twice, then succeeds, and logs every attempt', async () => {
    await client.create({ _id: 'flaky-1', _type: 'flaky' })
    await waitFor(() => (deliveriesTo('/flaky').length >= 3 ? true : undefined))
    await lake.webhooks.idle()
    const attempts = deliveriesTo('/flaky')
    expect(attempts).toHaveLength(3)
    // Backed off: each retry waits longer than the one before (100 ms, then 200 ms, ±20 %).
    const gaps = [attempts[1]!.at - attempts[0]!.at, attempts[2]!.at - attempts[1]!.at]
    expect(gaps[0]).toBeGreaterThanOrEqual(70)
    expect(gaps[1]).toBeGreaterThan(gaps[0]!)
    for (const attempt of attempts)
      expect(await isValidSignature(attempt.body, String(attempt.headers['sanity-webhook-signature']), SECRET)).toBe(
        true,
      )
    expect(new Set(attempts.map((a) => a.headers['idempotency-key'])).size).toBe(1)

    const log = await fetch(`${lake.url}/webhooks/deliveries?webhook=flaky`, {
      headers: { authorization: `Bearer ${WRITE_TOKEN}` },
    }).then((r) => r.json())
    const [entry] = log.deliveries
    expect(entry).toMatchObject({ webhook: 'flaky', documentId: 'flaky-1', operation: 'create', status: 'delivered' })
    expect(entry.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 200])
    expect(entry.attempts[0].error).toContain('503')
    expect(entry.attempts.every((a: { durationMs: number }) => typeof a.durationMs === 'number')).toBe(true)
  })

  test('a hanging target neither delays nor fails the mutation, nor holds up other webhooks; it times out and is logged as failed', async () => {
    const started = performance.now()
    const result = await client.create({ _id: 'slowpoke-1', _type: 'slowpoke' })
    const mutationMs = performance.now() - started
    expect(result._id).toBe('slowpoke-1')
    expect(mutationMs).toBeLessThan(400)
    // More hanging deliveries than there are delivery slots, then one to another webhook.
    const crowd = client.transaction()
    for (let i = 2; i <= 9; i++) crowd.create({ _id: `slowpoke-${i}`, _type: 'slowpoke' })
    await crowd.commit()
    const firstHang = await waitFor(() => deliveriesTo('/hang')[0])
    await client.create({ _id: 'flaky-2', _type: 'flaky' })
    const other = await waitFor(() => deliveriesTo('/flaky').find((r) => r.headers['sanity-document-id'] === 'flaky-2'))
    // Delivered while the first hanging attempt was still waiting for its 500 ms timeout.
    expect(other.at - firstHang.at).toBeLessThan(500)

    await lake.webhooks.idle()
    const [entry] = lake.webhooks.deliveries.list({ webhook: 'hanging', documentId: 'slowpoke-1' })
    expect(entry!.status).toBe('failed')
    expect(entry!.attempts).toHaveLength(4)
    expect(entry!.attempts[0]!.error).toBe('no answer within 500 ms')
    expect(
      lake.webhooks.deliveries.list({ webhook: 'hanging' }).every((delivery) => delivery.status === 'failed'),
    ).toBe(true)
    expect(lake.store.getDocument('production', 'slowpoke-9')).toMatchObject({ _id: 'slowpoke-9' })
  })

  test('does not retry a target that refuses for good (4xx other than 429)', async () => {
    await client.create({ _id: 'gone-1', _type: 'gone' })
    await waitFor(() => (deliveriesTo('/gone').length >= 1 ? true : undefined))
    await lake.webhooks.idle()
    expect(deliveriesTo('/gone')).toHaveLength(1)
    expect(deliveriesTo('/gone')[0]!.headers['sanity-webhook-signature']).toBeUndefined()
    const [entry] = lake.webhooks.deliveries.list({ webhook: 'gone' })
    expect(entry).toMatchObject({ status: 'failed', attempts: [expect.objectContaining({ statusCode: 410 })] })
  })

  test('the delivery log needs a token', async () => {
    const response = await fetch(`${lake.url}/webhooks/deliveries`)
    expect(response.status).toBe(401)
    expect((await response.json()).message).toContain('needs a token')
  })
})

describe('across a restart', () => {
  test('a delivery cut short by a stop is sent on the next start, counting the attempts already made', async () => {
    let answer = 503
    const restartTarget = await startTarget(() => answer)
    const folder = await mkdtemp(path.join(tmpdir(), 'parley-webhooks-restart-'))
    const options = {
      port: 0,
      dataDir: folder,
      durability: 'normal' as const,
      webhookRetry: { initialDelayMs: 60_000, attempts: 5, timeoutMs: 1000 },
      webhooks: [{ name: 'site', url: `${restartTarget.url}/hook`, secret: SECRET }],
    }
    let first: Lake | null = await startLake(options)
    let second: Lake | null = null
    try {
      const writer = createClient({
        projectId: 'parley',
        dataset: 'production',
        apiVersion: '2025-02-19',
        useProjectHostname: false,
        apiHost: first.url,
        token: WRITE_TOKEN,
        useCdn: false,
      })
      await writer.create({ _id: 'interview-restart', _type: 'interview', title: 'Before the restart' })
      await waitFor(() => (restartTarget.received.length === 1 ? true : undefined))
      await first.close() // the retry was due in a minute
      first = null
      answer = 200
      second = await startLake(options)
      const resent = await waitFor(() => restartTarget.received[1])
      expect(resent.headers['idempotency-key']).toBe(restartTarget.received[0]!.headers['idempotency-key'])
      expect(resent.body).toBe(restartTarget.received[0]!.body)
      expect(await isValidSignature(resent.body, String(resent.headers['sanity-webhook-signature']), SECRET)).toBe(true)
      await second.webhooks.idle()
      const [entry] = second.webhooks.deliveries.list({ documentId: 'interview-restart' })
      expect(entry).toMatchObject({ status: 'delivered' })
      expect(entry!.attempts.map((attempt) => [attempt.attempt, attempt.statusCode])).toEqual([
        [1, 503],
        [2, 200],
      ])
    } finally {
      await first?.close()
      await second?.close()
      await restartTarget.close()
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('configuration', () => {
  test('reads definitions from a file and from LAKE_WEBHOOKS, with Sanity’s defaults', async () => {
    const file = path.join(dataDir, 'hooks.json')
    await writeFile(
      file,
      JSON.stringify([
        { name: 'site', url: 'http://127.0.0.1:3000/api/revalidate', secret: 's', filter: '_type == "interview"' },
      ]),
    )
    const definitions = loadWebhookDefinitions({
      file,
      environment: JSON.stringify({ name: 'audit', url: 'https://audit.example/hook' }),
    })
    expect(definitions).toEqual([
      {
        name: 'site',
        url: 'http://127.0.0.1:3000/api/revalidate',
        secret: 's',
        filter: '_type == "interview"',
        projection: '',
        on: ['create', 'update', 'delete'],
        includeDrafts: false,
        dataset: '*',
        headers: {},
      },
      {
        name: 'audit',
        url: 'https://audit.example/hook',
        secret: null,
        filter: '',
        projection: '',
        on: ['create', 'update', 'delete'],
        includeDrafts: false,
        dataset: '*',
        headers: {},
      },
    ])
  })

  test.each([
    [[{ url: 'not a url' }], '"url" is not a valid URL'],
    [[{ url: 'ftp://x.example/' }], 'must be http or https'],
    [[{ url: 'http://x.example/', filter: '_type ==' }], '"filter" is not valid GROQ'],
    [[{ url: 'http://x.example/', projection: 'title' }], 'must be an object projection in braces'],
    [[{ url: 'http://x.example/', on: ['publish'] }], '"on" must be a non-empty array'],
    [
      [
        { name: 'a', url: 'http://x.example/' },
        { name: 'a', url: 'http://y.example/' },
      ],
      'names must be unique',
    ],
  ])('refuses a bad definition %j with a message naming the problem', (definitions, message) => {
    expect(() => loadWebhookDefinitions({ environment: JSON.stringify(definitions) })).toThrow(WebhookConfigError)
    expect(() => loadWebhookDefinitions({ environment: JSON.stringify(definitions) })).toThrow(message)
  })

  test('refuses a webhooks file that is not JSON, naming the file', async () => {
    const file = path.join(dataDir, 'broken.json')
    await writeFile(file, '{ name: site }')
    expect(() => loadWebhookDefinitions({ file })).toThrow(`Webhooks in ${file} are not valid JSON`)
  })
})
