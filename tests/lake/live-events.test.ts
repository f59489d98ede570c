// The Live Content API through the real @sanity/client: sync tags on queries, live.events() messages, drafts, resume, reconnect, goaway, /check/cors.
import type { LiveEvent } from '@sanity/client'
import { liveSettings } from '../../lake/live/live-events.ts'
import { startTestLake, READ_TOKEN, type TestLake } from './core-lake.ts'

let t: TestLake
const defaults = { ...liveSettings }

beforeAll(async () => {
  t = await startTestLake()
  await t.writer
    .transaction()
    .create({ _id: 'person-grace', _type: 'person', name: 'Grace Hopper' })
    .create({ _id: 'person-other', _type: 'person', name: 'Someone Else' })
    .create({ _id: 'interview-1', _type: 'interview', title: 'Compilers', speaker: { _ref: 'person-grace' } })
    .commit()
})

afterEach(() => Object.assign(liveSettings, defaults))
afterAll(() => t.stop())

const LIST_QUERY = '*[_type == "interview"]{title, "speaker": speaker->name}'

async function tagsOf(query: string, perspective: 'published' | 'drafts' = 'published', client = t.reader) {
  const response = (await client.fetch(query, {}, { filterResponse: false, perspective })) as { syncTags: string[] }
  return response.syncTags
}

/** Subscribes to client.live.events(); `ready` resolves on welcome, `message()` waits for the next message. */
function liveEvents(client: TestLake['reader'], includeDrafts = false) {
  const events: LiveEvent[] = []
  const waiters: (() => void)[] = []
  let welcomed: () => void = () => {}
  const ready = new Promise<void>((resolve) => (welcomed = resolve))
  const subscription = client.live.events({ includeDrafts }).subscribe({
    next(event) {
      events.push(event)
      if (event.type === 'welcome') welcomed()
      for (const wake of waiters.splice(0)) wake()
    },
  })
  const messages = () => events.filter((event) => event.type === 'message') as Extract<LiveEvent, { type: 'message' }>[]
  return {
    events,
    ready,
    messages,
    /** The `count`-th message (1-based) once it arrives; generous timeout, the delay is measured by the bench. */
    async message(count: number) {
      const deadline = Date.now() + 10_000
      while (messages().length < count) {
        if (Date.now() > deadline) throw new Error(`only ${messages().length} of ${count} live messages arrived`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
      return messages()[count - 1] as Extract<LiveEvent, { type: 'message' }>
    },
    stop: () => subscription.unsubscribe(),
  }
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((tag) => b.includes(tag))

type RawEvent = { event: string; id?: string; data: unknown }

/** A raw SSE connection, for what the client hides (Last-Event-ID, reconnect, goaway). */
async function rawStream(path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(`${t.lake.url}${path}`, { headers, signal: controller.signal })
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let ended = false
  const queue: RawEvent[] = []
  async function next(): Promise<RawEvent | null> {
    for (;;) {
      const frame = buffer.indexOf('\n\n')
      if (frame >= 0) {
        const lines = buffer.slice(0, frame).split('\n')
        buffer = buffer.slice(frame + 2)
        const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2)
        const event = field('event')
        if (!event) continue // a keep-alive comment
        return { event, id: field('id'), data: JSON.parse(field('data') ?? 'null') }
      }
      if (ended) return null
      const chunk = await reader.read()
      if (chunk.done) ended = true
      else buffer += decoder.decode(chunk.value, { stream: true })
    }
  }
  return {
    status: response.status,
    response,
    queue,
    next,
    close: () => controller.abort(),
  }
}

describe('sync tags', () => {
  test('a query carries sync tags; the transaction that changes its result sends a message whose tags meet them', async () => {
    const queryTags = await tagsOf(LIST_QUERY)
    expect(queryTags.length).toBeGreaterThan(0)
    const live = liveEvents(t.anonymous)
    await live.ready
    await t.writer.patch('interview-1').set({ title: 'Compilers, revisited' }).commit()
    const message = await live.message(1)
    live.stop()
    expect(message.tags.every((tag) => /^s1:[A-Za-z0-9_-]{6}$/.test(tag))).toBe(true)
    expect(intersects(message.tags, queryTags)).toBe(true)
    expect(typeof message.id).toBe('string')
  })

  test('granularity: a referenced document or a new document of a queried type meets the tags, an unrelated one does not', async () => {
    const queryTags = await tagsOf(LIST_QUERY)
    const live = liveEvents(t.anonymous)
    await live.ready
    await t.writer.patch('person-grace').set({ name: 'Rear Admiral Grace Hopper' }).commit()
    await t.writer.patch('person-other').set({ name: 'Still someone else' }).commit()
    await t.writer.create({ _id: 'interview-2', _type: 'interview', title: 'COBOL' })
    const [speakerEdit, unrelatedEdit, newInterview] = [
      await live.message(1),
      await live.message(2),
      await live.message(3),
    ]
    live.stop()
    expect(intersects(speakerEdit.tags, queryTags)).toBe(true)
    expect(intersects(unrelatedEdit.tags, queryTags)).toBe(false)
    expect(intersects(newInterview.tags, queryTags)).toBe(true)
    // The same edit does concern a query that reads every person.
    expect(intersects(unrelatedEdit.tags, await tagsOf('*[_type == "person"]{name}'))).toBe(true)
  })

  test('a query that names its documents by id is tagged by those ids; one that reads everything by the dataset', async () => {
    const byId = await tagsOf('*[_id == "person-other"][0]{name}')
    const everything = await tagsOf('*[defined(name)]{name}')
    const live = liveEvents(t.anonymous)
    await live.ready
    await t.writer.patch('person-grace').set({ role: 'Admiral' }).commit()
    const message = await live.message(1)
    live.stop()
    expect(intersects(message.tags, byId)).toBe(false)
    expect(intersects(message.tags, everything)).toBe(true)
  })
})

describe('drafts', () => {
  test('a draft edit reaches only an includeDrafts stream, and meets the tags of the drafts view of the query', async () => {
    const anonymous = liveEvents(t.anonymous)
    const editor = liveEvents(t.reader, true)
    await Promise.all([anonymous.ready, editor.ready])
    await t.writer.createOrReplace({ _id: 'drafts.interview-1', _type: 'interview', title: 'Compilers (draft)' })
    const draftMessage = await editor.message(1)
    expect(intersects(draftMessage.tags, await tagsOf(LIST_QUERY, 'drafts'))).toBe(true)
    // A published edit afterwards is the first (and only) message the anonymous stream sees.
    await t.writer.patch('person-other').set({ name: 'Published edit' }).commit()
    await anonymous.message(1)
    await editor.message(2)
    anonymous.stop()
    editor.stop()
    expect(anonymous.messages()).toHaveLength(1)
  })

  test('includeDrafts without a token is a 401 in Sanity’s error shape; the client refuses before connecting', async () => {
    const response = await t.request('/v2025-02-19/data/live/events/production?includeDrafts=true')
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.stringContaining('includeDrafts requires a token'),
    })
    expect(() => t.anonymous.live.events({ includeDrafts: true })).toThrow(/requires a token/)
    const withToken = await rawStream('/v2025-02-19/data/live/events/production?includeDrafts=true', {
      authorization: `Bearer ${READ_TOKEN}`,
    })
    expect(withToken.status).toBe(200)
    expect((await withToken.next())?.event).toBe('welcome')
    withToken.close()
  })
})

describe('resume, reconnect, goaway', () => {
  test('Last-Event-ID resumes after the last event seen: the missed transaction’s tags come after welcome', async () => {
    const first = await rawStream('/v2025-02-19/data/live/events/production')
    const welcome = await first.next()
    first.close()
    expect(welcome).toMatchObject({ event: 'welcome', id: expect.any(String) })
    await t.writer.patch('interview-1').set({ title: 'Missed while away' }).commit()

    const resumed = await rawStream('/v2025-02-19/data/live/events/production', {
      'last-event-id': welcome?.id as string,
    })
    expect((await resumed.next())?.event).toBe('welcome')
    const missed = await resumed.next()
    resumed.close()
    expect(missed).toMatchObject({ event: 'message', id: expect.any(String) })
    expect(intersects((missed?.data as { tags: string[] }).tags, await tagsOf(LIST_QUERY))).toBe(true)
  })

  test('an unknown Last-Event-ID gets restart (start over), not silence', async () => {
    const stream = await rawStream('/v2025-02-19/data/live/events/production', { 'last-event-id': 'bm9uc2Vuc2U' })
    expect((await stream.next())?.event).toBe('welcome')
    expect(await stream.next()).toMatchObject({ event: 'restart', id: expect.any(String) })
    stream.close()
  })

  test('an old connection is asked to reconnect; the client comes back with Last-Event-ID and gets what it missed', async () => {
    liveSettings.maxConnectionMs = 300
    const raw = await rawStream('/v2025-02-19/data/live/events/production')
    expect((await raw.next())?.event).toBe('welcome')
    expect((await raw.next())?.event).toBe('reconnect')
    expect(await raw.next()).toBeNull()

    liveSettings.maxConnectionMs = 1000
    const live = liveEvents(t.anonymous)
    await live.ready
    // Asked to reconnect after 1 s, the client waits before coming back: this edit lands while it is away.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    liveSettings.maxConnectionMs = defaults.maxConnectionMs
    await t.writer.patch('interview-1').set({ title: 'While the client was away' }).commit()
    const message = await live.message(1)
    live.stop()
    expect(live.events.map((event) => event.type)).toEqual(['welcome', 'reconnect', 'welcome', 'message'])
    expect(intersects(message.tags, await tagsOf(LIST_QUERY))).toBe(true)
  })

  test('past the connection limit a new stream gets goaway with a reason', async () => {
    const open = await rawStream('/v2025-02-19/data/live/events/production')
    await open.next()
    liveSettings.maxConnections = 1
    const refused = await rawStream('/v2025-02-19/data/live/events/production')
    expect(await refused.next()).toMatchObject({
      event: 'goaway',
      id: expect.any(String),
      data: { reason: expect.stringContaining('too many live connections') },
    })
    expect(await refused.next()).toBeNull()
    open.close()
  })
})

describe('/check/cors', () => {
  test('answers whether the calling origin may use the lake, readable from that origin', async () => {
    const allowed = await t.request('/v2025-02-19/check/cors', { headers: { origin: 'http://localhost:3000' } })
    expect(await allowed.json()).toEqual({ result: { allowed: true, withCredentials: true } })
    const refused = await t.request('/v2025-02-19/check/cors', { headers: { origin: 'https://elsewhere.example' } })
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example')
    expect(await refused.json()).toEqual({ result: { allowed: false, withCredentials: false } })
  })
})
