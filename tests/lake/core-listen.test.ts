// client.listen against the lake: welcome, mutation events with chained revisions, include* options, keep-alive.
import type { MutationEvent, ListenEvent } from '@sanity/client'
import { listenTiming } from '../../lake/http/routes/listen.ts'
import { startTestLake, READ_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
})

afterAll(() => t.stop())

/** Subscribes and collects mutation events; resolves `ready` once the welcome event arrived. */
function collect(
  client: TestLake['writer'],
  query: string,
  params: Record<string, unknown>,
  options: Record<string, unknown>,
) {
  const events: MutationEvent[] = []
  let welcomed: () => void = () => {}
  const ready = new Promise<void>((resolve) => (welcomed = resolve))
  const subscription = client
    .listen(query, params, { events: ['welcome', 'mutation'], ...options } as never)
    .subscribe((event: ListenEvent<Record<string, unknown>>) => {
      if (event.type === 'welcome') welcomed()
      if (event.type === 'mutation') events.push(event as MutationEvent)
    })
  return { events, ready, stop: () => subscription.unsubscribe() }
}

async function until(check: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test('listen delivers one event per matching document with previousRev chaining to resultRev', async () => {
  const listener = collect(
    t.writer,
    '*[_type == $type]',
    { type: 'person' },
    { includeResult: true, includePreviousRevision: true },
  )
  await listener.ready
  const created = await t.writer.create({ _id: 'p1', _type: 'person', name: 'A' })
  await t.writer.create({ _id: 'unrelated', _type: 'topic' })
  const patched = await t.writer.patch('p1').set({ name: 'B' }).commit()
  await t.writer.delete('p1')
  await until(() => listener.events.length === 3)
  listener.stop()
  const [appear, update, disappear] = listener.events as [MutationEvent, MutationEvent, MutationEvent]
  expect(appear).toMatchObject({
    documentId: 'p1',
    transition: 'appear',
    resultRev: created._rev,
    result: expect.objectContaining({ name: 'A' }),
  })
  expect(appear.previousRev).toBeUndefined()
  expect(update).toMatchObject({
    transition: 'update',
    previousRev: created._rev,
    resultRev: patched._rev,
    previous: expect.objectContaining({ name: 'A' }),
    result: expect.objectContaining({ name: 'B' }),
  })
  expect(disappear).toMatchObject({ transition: 'disappear', previousRev: patched._rev, resultRev: expect.any(String) })
  expect(update.mutations).toEqual([{ patch: expect.objectContaining({ id: 'p1', set: { name: 'B' } }) }])
})

test("a publish is two events in one transaction, counted per listener, with mendoza effects (the draft's deletion as apply [0, null])", async () => {
  await t.writer.create({ _id: 'drafts.p2', _type: 'person', name: 'Draft' })
  const listener = collect(t.writer, '*[_type == "person"]', {}, { effectFormat: 'mendoza' })
  await listener.ready
  await t.writer.action(
    { actionType: 'sanity.action.document.publish', draftId: 'drafts.p2', publishedId: 'p2' },
    { transactionId: 'publish-p2' },
  )
  await until(() => listener.events.length === 2)
  listener.stop()
  const byId = Object.fromEntries(
    listener.events.map((event) => [event.documentId, event as MutationEvent & { effects?: unknown }]),
  )
  expect(byId.p2).toMatchObject({
    transition: 'appear',
    resultRev: 'publish-p2',
    transactionTotalEvents: 2,
    effects: { apply: [0, expect.objectContaining({ _id: 'p2', name: 'Draft' })], revert: [0, null] },
  })
  // A deletion carries Sanity's delete patch, which the Studio's history timeline and previews apply.
  expect(byId['drafts.p2']).toMatchObject({
    transition: 'disappear',
    transactionTotalEvents: 2,
    effects: { apply: [0, null], revert: [0, expect.objectContaining({ _id: 'drafts.p2', name: 'Draft' })] },
  })
  expect(listener.events.map((event) => event.transactionCurrentEvent).sort()).toEqual([1, 2])
})

test('anonymous listeners do not hear about drafts', async () => {
  const anonymous = collect(t.anonymous, '*[_type == "person"]', {}, {})
  await anonymous.ready
  await t.writer.create({ _id: 'drafts.p3', _type: 'person' })
  await t.writer.create({ _id: 'p3', _type: 'person' })
  await until(() => anonymous.events.length >= 1)
  await new Promise((resolve) => setTimeout(resolve, 200))
  anonymous.stop()
  expect(anonymous.events.map((event) => event.documentId)).toEqual(['p3'])
})

test('the stream sends the welcome event first and keep-alive comments while idle', async () => {
  const previous = listenTiming.keepAliveMs
  listenTiming.keepAliveMs = 100
  try {
    const controller = new AbortController()
    const res = await t.request('/v2025-02-19/data/listen/production?query=' + encodeURIComponent('*[_type == "x"]'), {
      token: READ_TOKEN,
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    let text = ''
    while (!text.includes(': keep-alive')) text += new TextDecoder().decode((await reader.read()).value)
    controller.abort()
    expect(text.indexOf('event: welcome')).toBe(0)
    expect(text).toContain('data: {"listenerName":')
  } finally {
    listenTiming.keepAliveMs = previous
  }
})

test('a listen query that does not parse is a 400 before the stream starts', async () => {
  const res = await t.request('/v2025-02-19/data/listen/production?query=' + encodeURIComponent('*[_type =='), {
    token: READ_TOKEN,
  })
  expect(res.status).toBe(400)
  expect((await res.json()).error.type).toBe('queryParseError')
})
