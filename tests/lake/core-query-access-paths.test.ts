// The planner's access paths (ranges on the index, reference lists, ordered walks, counts from the index) answer
// exactly what groq-js answers over every document, and the path chosen is the one the index statistics favour.
import { startTestLake, WRITE_TOKEN, type TestLake } from './core-lake.ts'
import { runQuery, type QueryRequest } from '../../lake/query/run-query.ts'
import type { Access } from '../../lake/http/access.ts'
import type { Perspective } from '../../lake/query/perspectives.ts'

let t: TestLake

const editor: Access = { role: 'editor', identity: 'e', readPublished: true, readDrafts: true, write: true }
const anonymous: Access = { role: 'anonymous', identity: '', readPublished: true, readDrafts: false, write: false }
const published: Perspective = { kind: 'published' }
const perspectives: Perspective[] = [
  { kind: 'raw' },
  published,
  { kind: 'stack', layers: ['drafts'] },
  { kind: 'stack', layers: ['r1', 'drafts'] },
]

const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T00:00:00Z`
const pad = (i: number) => String(i).padStart(3, '0')

/**
 * "messy": interviews whose values are of every shape GROQ compares differently: dates missing, null, numbers,
 * booleans, objects, strings with characters SQLite orders apart from groq-js, lone surrogates, references
 * nested in references, drafts and release versions that move documents in and out of ranges.
 */
function messyDocuments(): Record<string, unknown>[] {
  // Titles SQLite orders apart from groq-js (U+E000–U+FFFF after emoji in UTF-8, before them in UTF-16).
  const titles: Record<number, string> = {
    0: '\uFF3A fullwidth',
    3: 'Aardvark',
    37: '\u{1F600} emoji',
    74: '\uE000 private',
  }
  const docs: Record<string, unknown>[] = []
  for (let i = 0; i < 240; i++) {
    const publishedAt: unknown =
      i % 10 === 0
        ? undefined
        : i % 23 === 0
          ? null
          : i % 31 === 0
            ? 20240105
            : i % 43 === 0
              ? `${day(5)}\uFFFF`
              : i % 47 === 0
                ? `${day(5)}\u{1F600}`
                : i % 53 === 0
                  ? `${day(5)}\uD800`
                  : i % 59 === 0
                    ? true
                    : i % 61 === 0
                      ? { date: day(5) }
                      : day((i % 28) + 1)
    const speaker =
      i % 50 === 7
        ? [{ _type: 'reference', _ref: 'person-1' }]
        : i % 50 === 8
          ? { _type: 'reference', _ref: 5 }
          : { _type: 'reference', _ref: i < 3 ? 'person-rare' : `person-${i % 6}` }
    const topics: unknown[] = [{ _type: 'reference', _ref: `topic-${i % 4}`, _key: 'a' }]
    // groq-js's references() stops at an object with a truthy _ref, and looks inside one whose _ref is falsy.
    if (i === 3) topics.push({ _type: 'reference', _ref: 'topic-0', _key: 'b', nested: { _ref: 'topic-2' } })
    if (i === 4) topics.push({ _key: 'c', _ref: 7, inner: { _ref: 'topic-2' } })
    if (i === 5) topics.push({ _key: 'd', _ref: '', _weak: true, inner: { _ref: 'topic-1' } })
    const doc: Record<string, unknown> = {
      _id: `iv-${pad(i)}`,
      _type: 'interview',
      title: titles[i] ?? `Interview ${i}`,
      speaker,
      topics,
      ...(i % 3 === 0 && { series: { _type: 'reference', _ref: `series-${i % 5}` } }),
      ...(publishedAt !== undefined && { publishedAt }),
      rank: i % 19 === 0 ? '3' : i % 7,
      featured: i % 5 === 0,
      // A string too long for the index: ranges on recordedAt must not trust the index.
      recordedAt: i === 11 ? `2024-06-01${'x'.repeat(250)}` : day((i % 27) + 1),
    }
    docs.push(doc)
    if (i % 9 === 0)
      docs.push({
        ...doc,
        _id: `drafts.${doc._id}`,
        title: `Draft ${i}`,
        publishedAt: day(2),
        speaker: { _type: 'reference', _ref: 'person-rare' },
      })
    if (i % 13 === 0) docs.push({ ...doc, _id: `versions.r1.${doc._id}`, publishedAt: day(27), rank: 6 })
  }
  // `Drafts.` in capitals is an ordinary published id.
  docs.push({
    _id: 'Drafts.iv-caps',
    _type: 'interview',
    title: 'Capitals',
    publishedAt: day(6),
    speaker: { _type: 'reference', _ref: 'person-1' },
    topics: [{ _type: 'reference', _ref: 'topic-1', _key: 'a' }],
  })
  docs.push({ _id: 'drafts.iv-new', _type: 'interview', title: 'Draft only', publishedAt: day(4) })
  // Another type with a long string at publishedAt: a range not pinned to interviews cannot trust the index.
  docs.push({ _id: 'note-1', _type: 'note', publishedAt: `${day(5)}${'y'.repeat(250)}` })
  for (let p = 0; p < 6; p++) docs.push({ _id: `person-${p}`, _type: 'person', name: `Person ${p}` })
  docs.push({ _id: 'person-rare', _type: 'person', name: 'Rare' })
  docs.push(...referenced('topic', 4), ...referenced('series', 5))
  return docs
}

/** The documents `prefix-0`…`prefix-(n-1)` that interviews reference (strong references must resolve). */
const referenced = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, k) => ({ _id: `${prefix}-${k}`, _type: prefix, title: `${prefix} ${k}` }))

/** "blog": a clean archive of 400 interviews, shaped like the site's, for the plans the statistics choose. */
function blogDocuments(): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = []
  for (let i = 0; i < 400; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 4) * 86400_000).toISOString()
    const doc = {
      _id: `interview-${pad(i)}`,
      _type: 'interview',
      title: `Interview ${i}`,
      slug: { _type: 'slug', current: `interview-${i}` },
      speaker: { _type: 'reference', _ref: i < 2 ? 'person-rare' : `person-${i % 8}` },
      topics: [
        { _type: 'reference', _ref: `topic-${i % 4}`, _key: 't' },
        // The archive topic tags only the 60 oldest interviews: far down the date order.
        ...(i < 60 ? [{ _type: 'reference', _ref: 'topic-archive', _key: 'a' }] : []),
      ],
      ...(i % 2 === 0 && { series: { _type: 'reference', _ref: `series-${i % 80}` } }),
      publishedAt: date,
    }
    docs.push(doc)
    if (i % 50 === 0) docs.push({ ...doc, _id: `drafts.${doc._id}`, title: `Draft ${i}` })
  }
  for (let p = 0; p < 8; p++)
    docs.push({
      _id: `person-${p}`,
      _type: 'person',
      name: `Person ${p}`,
      photo: { _type: 'image', asset: { _type: 'reference', _ref: `image-${p}` } },
    })
  docs.push({ _id: 'person-rare', _type: 'person', name: 'Rare' })
  docs.push(...referenced('topic', 4), ...referenced('series', 80), ...referenced('image', 8))
  docs.push({ _id: 'topic-archive', _type: 'topic', title: 'Archive' })
  return docs
}

async function load(dataset: string, docs: Record<string, unknown>[]) {
  const tx = t.client({ token: WRITE_TOKEN, dataset }).transaction()
  for (const doc of docs) tx.create(doc as never)
  await tx.commit({ visibility: 'sync' })
}

beforeAll(async () => {
  t = await startTestLake()
  await load('messy', messyDocuments())
  await load('blog', blogDocuments())
})

afterAll(() => t.stop())

const week = { from: day(3), to: day(8) }

/** [query, params] pairs; each runs in every perspective, as an editor and anonymously. */
const messyQueries: [string, Record<string, unknown>][] = [
  // Ranges, with an ordering, a slice, mirrored and inclusive forms, and `in a..b`.
  [
    '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc)[0...10]{_id, publishedAt}',
    week,
  ],
  ['*[_type == "interview" && publishedAt >= $from && publishedAt < $to]._id', week],
  ['*[_type == "interview" && publishedAt > $from] | order(publishedAt asc)[2...9]._id', { from: day(20) }],
  ['*[_type == "interview" && $to >= publishedAt] | order(publishedAt desc)[0...5]._id', { to: day(4) }],
  ['*[_type == "interview" && publishedAt in $from..$to]._id', week],
  ['*[_type == "interview" && publishedAt in $from...$to] | order(publishedAt desc)[0...4]._id', week],
  ['*[_type == "interview" && publishedAt <= $to && publishedAt >= $from && publishedAt > $from]._id', week],
  // Params of the wrong type: a number, null, an object, an array, a boolean, bounds of two types.
  ['*[_type == "interview" && publishedAt >= $from] | order(publishedAt desc)[0...5]._id', { from: 20240101 }],
  ['*[_type == "interview" && publishedAt >= $from]._id', { from: null }],
  ['*[_type == "interview" && publishedAt < $to]._id', { to: { a: 1 } }],
  ['*[_type == "interview" && publishedAt < $to]._id', { to: [day(9)] }],
  ['*[_type == "interview" && publishedAt >= $from]._id', { from: true }],
  ['*[_type == "interview" && publishedAt >= $from && publishedAt < $to]._id', { from: 20240101, to: '2025' }],
  ['*[_type == "interview" && publishedAt in $from..$to]._id', { from: day(3), to: 5 }],
  // Bounds with characters SQLite orders apart from groq-js, or holds as U+FFFD.
  ['*[_type == "interview" && publishedAt > $from]._id', { from: `${day(5)}\uFFFF` }],
  ['*[_type == "interview" && publishedAt >= $from]._id', { from: `${day(5)}\u{1F600}` }],
  ['*[_type == "interview" && publishedAt >= $from && publishedAt < $to]._id', { from: day(5), to: `${day(5)}\uD800` }],
  ['*[_type == "interview" && publishedAt < $to] | order(publishedAt desc)[0...3]._id', { to: `${day(5)}z` }],
  // Numbers with ties and a string among them; booleans.
  ['*[_type == "interview" && rank >= 2 && rank <= 4] | order(rank desc)[0...6]._id', {}],
  ['*[_type == "interview" && rank > 5] | order(rank asc)[0...6]._id', {}],
  ['*[_type == "interview" && rank in 1...3]._id', {}],
  ['*[_type == "interview" && featured > false]._id', {}],
  // Long strings: the index cannot hold them, so their ranges must not narrow.
  ['*[publishedAt >= $from && publishedAt < $to] | order(publishedAt desc)[0...10]._id', week],
  ['*[_type == "interview" && recordedAt > "2024-05"]._id', {}],
  ['count(*[_type == "interview" && recordedAt > "2024-05"])', {}],
  // Ranges under `||` and `!`.
  ['*[_type == "interview" && (publishedAt < $from || publishedAt >= $to)] | order(publishedAt desc)[0...8]._id', week],
  ['*[_type == "interview" && !(publishedAt >= $from)] | order(_id)[0...8]._id', week],
  // References: a rare and a common speaker, wrong-type params, speaker as an array.
  ...['person-rare', 'person-1', 5, null, ['person-1'], { _ref: 'person-1' }].map(
    (p): [string, Record<string, unknown>] => [
      '*[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...10]{_id, title}',
      { p },
    ],
  ),
  ...['topic-0', 'topic-1', 'topic-2', 'topic-3', ['topic-1', 'topic-2'], 7].map(
    (topic): [string, Record<string, unknown>] => [
      '*[_type == "interview" && references($topic)] | order(publishedAt desc)[0...10]._id',
      { topic },
    ],
  ),
  ...['topic-1', 'topic-2'].map((topic): [string, Record<string, unknown>] => [
    '*[_type == "interview" && references($topic)] | order(title asc)[0...3]._id',
    { topic },
  ]),
  ['*[_type == "interview" && series._ref == $s] | order(publishedAt asc)[0...5]._id', { s: 'series-2' }],
  ['*[_type == "interview" && series._ref in [null, "series-1"]]._id', {}],
  // Orderings by strings that collate apart in SQLite and groq-js.
  ['*[_type == "interview"] | order(title desc)[0...2]._id', {}],
  ['*[_type == "interview"] | order(title asc)[238...240]._id', {}],
  // Counts, alone and beside a page of the same documents.
  ...['topic-0', 'topic-3', ['topic-1', 'topic-2'], 7].map((topic): [string, Record<string, unknown>] => [
    'count(*[_type == "interview" && references($topic)])',
    { topic },
  ]),
  ['count(*[_type == "interview" && publishedAt >= $from && publishedAt < $to])', week],
  ['count(*[_type == "interview" && publishedAt >= $from])', { from: 20240101 }],
  [
    '{"total": count(*[_type == "interview" && speaker._ref == $p]), "page": *[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...3]._id}',
    { p: 'person-2' },
  ],
  ['count(*)', {}],
  ['count(*[_id in $ids])', { ids: ['iv-009', 'drafts.iv-009', 'Drafts.iv-caps', 'versions.r1.iv-013', 'nope'] }],
  ['count(*[_type == "interview" && references($topic) && publishedAt > $from])', { topic: 'topic-1', from: day(20) }],
  ['*[_type == "person"]{_id, "n": count(*[_type == "interview" && speaker._ref == ^._id])}', {}],
]

const blogQueries: [string, Record<string, unknown>][] = [
  ['*[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...10]{title}', { p: 'person-rare' }],
  ['*[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...10]{title}', { p: 'person-3' }],
  [
    '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc)[0...10]{title}',
    { from: '2024-02-01T00:00:00.000Z', to: '2024-02-08T00:00:00.000Z' },
  ],
  [
    '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc){title}',
    { from: '2024-02-01T00:00:00.000Z', to: '2024-03-01T00:00:00.000Z' },
  ],
  ['*[_type == "interview" && references($topic)] | order(publishedAt desc)[0...10]{title}', { topic: 'topic-1' }],
  ['*[_type == "interview" && series._ref == $s] | order(publishedAt asc)[0...10]{title}', { s: 'series-8' }],
  [
    '*[_type == "interview" && references($topic)] | order(publishedAt desc)[0...10]{title}',
    { topic: 'topic-archive' },
  ],
  ['count(*[_type == "interview" && references($topic)])', { topic: 'topic-1' }],
  ['count(*[_type == "interview" && publishedAt >= $from])', { from: '2024-03-01T00:00:00.000Z' }],
  ['count(*[references($image)])', { image: 'image-4' }],
]

describe.each(perspectives.map((p) => [p.kind === 'stack' ? p.layers.join(',') : p.kind, p] as const))(
  'perspective %s',
  (_name, perspective) => {
    test.each([
      ...messyQueries.map(([query, params]) => ['messy', query, params] as const),
      ...blogQueries.map(([query, params]) => ['blog', query, params] as const),
    ])('%s: the index answers as groq-js over every document: %s %j', async (dataset, query, params) => {
      for (const access of [editor, anonymous]) {
        const request: QueryRequest = { dataset, query, params, perspective, access }
        const indexed = await runQuery(t.lake.store, request)
        const scanned = await runQuery(t.lake.store, { ...request, fullScan: true })
        expect(indexed.result).toEqual(scanned.result)
      }
    })
  },
)

test.each([
  ['*[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...3]{title, "speaker": speaker->name}'],
  ['*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc){title}'],
  [
    '{"total": count(*[_type == "interview" && references($topic)]), "page": *[_type == "interview"] | order(publishedAt desc)[0...2]{title}}',
  ],
])('source maps and sync tags are the same whatever path the index takes: %s', async (query) => {
  const params = { p: 'person-3', from: '2024-02-01T00:00:00.000Z', to: '2024-02-03T00:00:00.000Z', topic: 'topic-1' }
  const request: QueryRequest = {
    dataset: 'blog',
    query,
    params,
    perspective: published,
    access: editor,
    sourceMap: 'keyed',
  }
  const indexed = await runQuery(t.lake.store, request)
  const scanned = await runQuery(t.lake.store, { ...request, fullScan: true })
  expect(indexed.access).not.toEqual(['scan'])
  expect(indexed.result).toEqual(scanned.result)
  expect(indexed.resultSourceMap).toEqual(scanned.resultSourceMap)
  expect(indexed.syncTags).toEqual(scanned.syncTags)
})

/** How the blog dataset is read for a query, as an editor in the published perspective. */
async function accessOf(query: string, params: Record<string, unknown>, perspective: Perspective = published) {
  const answer = await runQuery(t.lake.store, { dataset: 'blog', query, params, perspective, access: editor })
  return { access: answer.access, scanned: answer.scanned }
}

describe('the planner chooses the access path by selectivity', () => {
  const latestBySpeaker = '*[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...10]{title}'

  test("a rare speaker's latest interviews are listed from the reference, not walked in date order", async () => {
    expect(await accessOf(latestBySpeaker, { p: 'person-rare' })).toEqual({
      access: ['list speaker._ref'],
      scanned: 2,
    })
  })

  test("a prolific speaker's latest interviews walk the date order until ten are found", async () => {
    expect(await accessOf(latestBySpeaker, { p: 'person-3' })).toEqual({
      access: ['walk publishedAt desc'],
      scanned: 10,
    })
  })

  test('a week, latest first, walks only the rows of the date index inside the week', async () => {
    const week = { from: '2024-02-01T00:00:00.000Z', to: '2024-02-08T00:00:00.000Z' }
    expect(
      await accessOf(
        '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc)[0...10]{title}',
        week,
      ),
    ).toEqual({ access: ['walk publishedAt desc in range'], scanned: 12 })
  })

  test("a month's archive lists exactly the month's interviews from the date range, in date order", async () => {
    const february = { from: '2024-02-01T00:00:00.000Z', to: '2024-03-01T00:00:00.000Z' }
    expect(
      await accessOf(
        '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc){title}',
        february,
      ),
    ).toEqual({ access: ['list publishedAt range in order'], scanned: 29 * 4 })
  })

  test("a topic's latest interviews walk the date order; a series' few are listed", async () => {
    expect(
      await accessOf('*[_type == "interview" && references($topic)] | order(publishedAt desc)[0...10]{title}', {
        topic: 'topic-1',
      }),
    ).toEqual({ access: ['walk publishedAt desc'], scanned: 10 })
    expect(
      await accessOf('*[_type == "interview" && series._ref == $s] | order(publishedAt asc)[0...10]{title}', {
        s: 'series-8',
      }),
    ).toEqual({ access: ['list series._ref'], scanned: 5 })
  })

  test('a walk that meets too few matches stops where listing becomes cheaper, and lists', async () => {
    expect(
      await accessOf('*[_type == "interview" && references($topic)] | order(publishedAt desc)[0...10]{title}', {
        topic: 'topic-archive',
      }),
    ).toEqual({ access: ['walk publishedAt desc (stopped)', 'list @ref'], scanned: 60 })
  })

  test('counts are answered by the index alone, except in a stacked view', async () => {
    const count = 'count(*[_type == "interview" && references($topic)])'
    expect(await accessOf(count, { topic: 'topic-1' })).toEqual({ access: ['count @ref'], scanned: 0 })
    expect(await accessOf(count, { topic: 'topic-1' }, { kind: 'stack', layers: ['drafts'] })).toEqual({
      access: ['list @ref'],
      scanned: 100,
    })
  })

  test('references() is left to groq-js where a document holds a reference inside a reference', async () => {
    // @ref rows list every `_ref` (reference integrity needs them); references() stops at the outer one.
    const answer = await runQuery(t.lake.store, {
      dataset: 'messy',
      query: 'count(*[_type == "interview" && references("topic-2")])',
      params: {},
      perspective: published,
      access: editor,
    })
    expect(answer.access).toEqual(['list @ref'])
  })

  test('a string range on a path where some document holds a string too long for the index is not narrowed', async () => {
    const answer = await runQuery(t.lake.store, {
      dataset: 'messy',
      query: '*[_type == "interview" && recordedAt > "2024-05"]._id',
      params: {},
      perspective: published,
      access: editor,
    })
    expect(answer).toMatchObject({ access: ['list _type'], result: ['iv-011'] })
  })
})
