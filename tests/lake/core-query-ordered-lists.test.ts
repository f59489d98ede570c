// A range listed in its index's order skips groq-js's order(), and groq-js's synchronous evaluator answers the
// rest: through the real client, every answer is byte for byte what groq-js's own evaluation over the view gives.
import { startTestLake, READ_TOKEN, type TestLake } from './core-lake.ts'
import { runQuery, type QueryRequest } from '../../lake/query/run-query.ts'
import type { Access } from '../../lake/http/access.ts'
import type { Perspective } from '../../lake/query/perspectives.ts'

let t: TestLake

const reader: Access = { role: 'viewer', identity: 'r', readPublished: true, readDrafts: true, write: false }
const day = (n: number) => `2024-03-${String(n).padStart(2, '0')}T00:00:00Z`
const march = { from: day(1), to: '2024-04-01T00:00:00Z' }

beforeAll(async () => {
  t = await startTestLake()
  const tx = t.writer.transaction()
  for (let i = 0; i < 150; i++) {
    // Ids out of date order, and ties: three interviews a day in March, the rest a year before.
    const id = `interview-${String((i * 37) % 150).padStart(3, '0')}`
    const slug =
      i % 11 === 0
        ? undefined
        : i % 13 === 0
          ? 'a string, not an object'
          : i % 17 === 0
            ? [{ _key: 'a', current: 'in an array' }]
            : i % 19 === 0
              ? null
              : i % 23 === 0
                ? { _type: 'slug', current: 42 }
                : { _type: 'slug', current: `interview-${i}` }
    tx.create({
      _id: id,
      _type: 'interview',
      ...(i % 7 !== 0 && { title: `Interview ${i % 10}` }),
      ...(slug !== undefined && { slug }),
      publishedAt: i < 90 ? day(Math.floor(i / 3) + 1) : `2023-05-${String(i - 89).padStart(2, '0')}T00:00:00Z`,
      ...(i % 2 === 0 && { rank: i % 5 }),
    } as never)
    // Drafts move some interviews to another day, out of the month, or into it.
    if (i % 8 === 0)
      tx.create({ _id: `drafts.${id}`, _type: 'interview', title: `Draft ${i}`, publishedAt: day(i % 2 ? 31 : 2) })
  }
  tx.create({ _id: 'drafts.interview-new', _type: 'interview', title: 'Only a draft', publishedAt: day(15) })
  // Another type with dates, so `_type == "interview"` is a test of its own.
  for (let n = 0; n < 40; n++)
    tx.create({ _id: `note-${n}`, _type: 'note', publishedAt: n < 4 ? day(n * 7 + 1) : `2022-01-01T00:00:${n}Z` })
  await tx.commit()
})

afterAll(() => t.stop())

const perspectives: Perspective[] = [{ kind: 'published' }, { kind: 'raw' }, { kind: 'stack', layers: ['drafts'] }]
const clientPerspective = { published: 'published', raw: 'raw', stack: 'drafts' } as const

/** The lake's answer through the client, beside groq-js's asynchronous evaluation over every document of the view. */
async function answers(query: string, params: Record<string, unknown>, perspective: Perspective) {
  const client = t.client({ token: READ_TOKEN, perspective: clientPerspective[perspective.kind] })
  const request: QueryRequest = { dataset: 'production', query, params, perspective, access: reader }
  const [viaClient, scanned, indexed] = await Promise.all([
    client.fetch(query, params),
    runQuery(t.lake.store, { ...request, fullScan: true }),
    runQuery(t.lake.store, request),
  ])
  return { lake: JSON.stringify(viaClient), groq: JSON.stringify(scanned.result), access: indexed.access }
}

const archive = (order: string, projection = '{title, "slug": slug.current}') =>
  `*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(${order})${projection}`

describe.each(perspectives.map((p) => [p.kind, p] as const))('perspective %s', (_name, perspective) => {
  test.each([
    // Ties on the date, titles and slugs missing or of another shape.
    [archive('publishedAt desc'), march],
    [archive('publishedAt asc'), march],
    [archive('publishedAt'), { from: day(5), to: day(9) }],
    [archive('publishedAt desc', '[2...7]{_id, title}'), march],
    [archive('publishedAt desc', '[0]._id'), march],
    [archive('publishedAt desc', '.slug.current'), march],
    [archive('publishedAt desc', '{..., "n": count(title)}'), { from: day(10), to: day(12) }],
    ['*[publishedAt > $from] | order(publishedAt desc){_id, _type}', { from: day(25) }],
    // Orderings the index does not give: another path, two keys, a computed key.
    [archive('title desc'), march],
    [archive('rank desc', '{_id, rank}'), march],
    [archive('publishedAt desc, title asc', '{_id, title}'), march],
    [archive('lower(title) asc', '{_id, title}'), march],
    // What groq-js's synchronous evaluator refuses (diff::) is answered by its asynchronous one.
    [archive('publishedAt desc', '{_id, "changed": diff::changedAny(@, {"title": "Interview 1"}, (title))}'), march],
  ])('%s %j', async (query, params) => {
    const { lake, groq } = await answers(query, params, perspective)
    expect(lake).toBe(groq)
  })
})

describe('which lists skip the order()', () => {
  test("a month's archive in either direction is listed in date order", async () => {
    for (const order of ['publishedAt desc', 'publishedAt asc', 'publishedAt'])
      expect((await answers(archive(order), march, { kind: 'published' })).access).toEqual([
        'list publishedAt range in order',
      ])
  })

  test('a range narrower than the type it is tested with is listed in order too', async () => {
    const { lake, groq, access } = await answers(
      archive('publishedAt desc'),
      { from: day(3), to: day(4) },
      { kind: 'raw' },
    )
    expect(access).toEqual(['list publishedAt range in order'])
    expect(lake).toBe(groq)
  })

  test('another ordering, two keys, or a stacked view leaves the sorting to groq-js', async () => {
    for (const order of ['title desc', 'publishedAt desc, title asc', 'lower(title) asc'])
      expect((await answers(archive(order), march, { kind: 'published' })).access).toEqual(['list publishedAt range'])
    expect((await answers(archive('publishedAt desc'), march, { kind: 'stack', layers: ['drafts'] })).access).toEqual([
      'list publishedAt range',
    ])
  })

  test('dates holding characters SQLite orders apart from groq-js leave the sorting to groq-js', async () => {
    // U+FFFF sorts after an emoji in UTF-8 (SQLite), before it in UTF-16 (groq-js).
    const odd = [`${day(20)}\uFFFF`, `${day(20)}\u{1F600}`].map((publishedAt, n) => ({
      _id: `interview-odd-${n}`,
      _type: 'interview',
      title: `Odd ${n}`,
      publishedAt,
    }))
    await odd.reduce((tx, doc) => tx.create(doc), t.writer.transaction()).commit()
    try {
      const { lake, groq, access } = await answers(archive('publishedAt desc'), march, { kind: 'published' })
      expect(lake).toBe(groq)
      expect(access).toEqual(['list publishedAt range'])
      expect(JSON.parse(lake).filter((item: { title?: string }) => item.title?.startsWith('Odd'))).toEqual([
        { title: 'Odd 0', slug: null },
        { title: 'Odd 1', slug: null },
      ])
    } finally {
      await odd.reduce((tx, doc) => tx.delete(doc._id), t.writer.transaction()).commit()
    }
  })
})

test('strings that look like numbers are ranged and ordered as strings, as groq-js compares them', async () => {
  const codes = ['9', '10', '05', '5', '1e3', 'x']
  await codes
    .reduce((tx, code, n) => tx.create({ _id: `code-${n}`, _type: 'code', code }), t.writer.transaction())
    .commit()
  try {
    for (const [query, params] of [
      ['*[_type == "code" && code < $to] | order(code asc)._id', { to: 'y' }],
      ['*[_type == "code" && code >= $from] | order(code desc)._id', { from: '1' }],
      ['*[_type == "code" && code < $to]._id', { to: '2' }],
      ['count(*[_type == "code" && code > $from])', { from: '09' }],
    ] as const) {
      const { lake, groq } = await answers(query, params, { kind: 'published' })
      expect([query, lake]).toEqual([query, groq])
    }
  } finally {
    await codes.reduce((tx, _code, n) => tx.delete(`code-${n}`), t.writer.transaction()).commit()
  }
})
