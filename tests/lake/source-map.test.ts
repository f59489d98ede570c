// Content Source Maps through the real @sanity/client: what each query shape maps, in Sanity's format, under each perspective, and stega built on it.
import { createClient, type SanityClient } from '@sanity/client'
import { stegaClean } from '@sanity/client/stega'
import { vercelStegaDecode, vercelStegaSplit } from '@vercel/stega'
import { startTestLake, READ_TOKEN, type TestLake } from './core-lake.ts'
import {
  describeMappings,
  expectEveryMappingTrue as expectMappingsTrue,
  fetchMapped as fetchMappedWith,
  type MapOptions,
  type MappedResponse,
} from './source-map-support.ts'

let t: TestLake

const interview = {
  _id: 'interview-graphs',
  _type: 'interview',
  title: 'Graphs all the way down',
  slug: { _type: 'slug', current: 'graphs' },
  standfirst: 'How one team modelled everything as a graph.',
  featured: true,
  speaker: { _type: 'reference', _ref: 'person-ada' },
  topics: [
    { _key: 't1', _type: 'reference', _ref: 'topic-data' },
    // Weak: on hosted Sanity only a weak reference may point at a document that does not exist.
    { _key: 't2', _type: 'reference', _ref: 'topic-missing', _weak: true },
  ],
  qa: [
    {
      _key: 'q1',
      _type: 'qaBlock',
      question: 'Why graphs?',
      answer: [
        {
          _key: 'b1',
          _type: 'block',
          style: 'normal',
          markDefs: [],
          children: [{ _key: 's1', _type: 'span', marks: [], text: 'Because everything is connected.' }],
        },
      ],
    },
    { _key: 'q2', _type: 'qaBlock', question: 'What broke first?' },
    { _key: 'q3', _type: 'qaBlock', question: 'Would you do it again?', answer: [] },
  ],
  publishedAt: '2024-03-01T09:00:00Z',
}
const second = {
  _id: 'interview-queues',
  _type: 'interview',
  title: 'Queues',
  slug: { _type: 'slug', current: 'queues' },
  seo: { title: 'Queues, explained' },
  speaker: { _type: 'reference', _ref: 'person-ada' },
  qa: [{ _key: 'x1', _type: 'qaBlock', question: 'Kafka?' }],
  publishedAt: '2024-04-01T09:00:00Z',
}
const ada = { _id: 'person-ada', _type: 'person', name: 'Ada Lovelace', role: 'Engineer' }
const topic = { _id: 'topic-data', _type: 'topic', title: 'Data' }
const draft = { ...interview, _id: 'drafts.interview-graphs', title: 'Graphs all the way down (draft)' }

beforeAll(async () => {
  t = await startTestLake()
  await t.writer
    .transaction()
    .create(interview)
    .create(second)
    .create(ada)
    .create(topic)
    .create(draft)
    .commit({ visibility: 'sync' })
})

afterAll(() => t.stop())

type RawResponse = MappedResponse

const fetchMapped = (
  query: string,
  params: Record<string, unknown> = {},
  options: MapOptions = {},
  client: SanityClient = t.reader,
) => fetchMappedWith(client, query, params, options)
const expectEveryMappingTrue = (response: RawResponse) => expectMappingsTrue(t.writer, response)

describe('mapped where Sanity maps: values read from a document field', () => {
  test('a projection maps each attribute to its field, nested attributes by their path', async () => {
    const response = await fetchMapped('*[_id == $id][0]{title, "slug": slug.current, standfirst, featured, seo}', {
      id: interview._id,
    })
    expect(response.resultSourceMap.documents).toEqual([{ _id: 'interview-graphs', _type: 'interview' }])
    expect(describeMappings(response.resultSourceMap)).toEqual({
      "$['title']": "interview-graphs : $['title']",
      "$['slug']": "interview-graphs : $['slug']['current']",
      "$['standfirst']": "interview-graphs : $['standfirst']",
      "$['featured']": "interview-graphs : $['featured']",
    })
    // `seo` is absent from the document: null values are not mapped.
    expect(response.result).toMatchObject({ seo: null })
    await expectEveryMappingTrue(response)
  })

  test('the mapping keys come in byte order and every mapping has the documentValue shape', async () => {
    const response = await fetchMapped('*[_type == "interview"] | order(publishedAt asc){title, standfirst}')
    const keys = Object.keys(response.resultSourceMap.mappings)
    expect(keys).toEqual([...keys].sort())
    for (const mapping of Object.values(response.resultSourceMap.mappings)) {
      expect(mapping).toEqual({
        type: 'value',
        source: { type: 'documentValue', document: expect.any(Number), path: expect.any(Number) },
      })
    }
    expect(response.resultSourceMap.paths.every((path) => /^\$(\['[^']+'\])+$/.test(path))).toBe(true)
  })

  test('a whole document (no projection) and a splat map attribute by attribute', async () => {
    const whole = await fetchMapped('*[_id == $id][0]', { id: ada._id })
    expect(describeMappings(whole.resultSourceMap)).toMatchObject({
      "$['name']": "person-ada : $['name']",
      "$['role']": "person-ada : $['role']",
      "$['_id']": "person-ada : $['_id']",
      "$['_type']": "person-ada : $['_type']",
    })
    const splat = await fetchMapped('*[_id == $id][0]{..., "shout": name + "!"}', { id: ada._id })
    expect(describeMappings(splat.resultSourceMap)["$['name']"]).toBe("person-ada : $['name']")
    expect(describeMappings(splat.resultSourceMap)["$['shout']"]).toBeUndefined()
    await expectEveryMappingTrue(whole)
  })

  test('joins map to the referenced document; a reference to a missing document maps nothing', async () => {
    const response = await fetchMapped(
      '*[_id == $id][0]{"speaker": speaker->{name, role}, "speakerName": speaker->name, "topics": topics[]->title}',
      { id: interview._id },
    )
    expect(response.result).toEqual({
      speaker: { name: 'Ada Lovelace', role: 'Engineer' },
      speakerName: 'Ada Lovelace',
      topics: ['Data', null],
    })
    expect(describeMappings(response.resultSourceMap)).toEqual({
      "$['speaker']['name']": "person-ada : $['name']",
      "$['speaker']['role']": "person-ada : $['role']",
      "$['speakerName']": "person-ada : $['name']",
      "$['topics'][0]": "topic-data : $['title']",
    })
    await expectEveryMappingTrue(response)
  })

  test('a join through ^ (the interviews of a speaker) maps each interview to its own document', async () => {
    const response = await fetchMapped(
      '*[_id == $id][0]{name, "interviews": *[_type == "interview" && speaker._ref == ^._id] | order(publishedAt desc){title}}',
      { id: ada._id },
    )
    expect(describeMappings(response.resultSourceMap)).toEqual({
      "$['name']": "person-ada : $['name']",
      "$['interviews'][0]['title']": "interview-queues : $['title']",
      "$['interviews'][1]['title']": "interview-graphs : $['title']",
    })
  })

  test('array filters and slices keep each item’s place in the document: by index, or by _key with withKeyArraySelector', async () => {
    const query =
      '*[_id == $id][0]{"asked": qa[defined(answer)][0...2]{question}, "first": qa[0].question, "last": qa[-1]}'
    const indexed = await fetchMapped(query, { id: interview._id })
    expect(describeMappings(indexed.resultSourceMap)).toEqual({
      "$['asked'][0]['question']": "interview-graphs : $['qa'][0]['question']",
      "$['asked'][1]['question']": "interview-graphs : $['qa'][2]['question']",
      "$['first']": "interview-graphs : $['qa'][0]['question']",
      "$['last']": "interview-graphs : $['qa'][2]",
    })
    const keyed = await fetchMapped(query, { id: interview._id }, { resultSourceMap: 'withKeyArraySelector' })
    expect(describeMappings(keyed.resultSourceMap)).toEqual({
      "$['asked'][0]['question']": "interview-graphs : $['qa'][?(@._key=='q1')]['question']",
      "$['asked'][1]['question']": "interview-graphs : $['qa'][?(@._key=='q3')]['question']",
      "$['first']": "interview-graphs : $['qa'][?(@._key=='q1')]['question']",
      "$['last']": "interview-graphs : $['qa'][?(@._key=='q3')]",
    })
    await expectEveryMappingTrue(indexed)
    await expectEveryMappingTrue(keyed)
  })

  test('coalesce and select map to the branch that gave the value', async () => {
    const response = await fetchMapped(
      '*[_type == "interview"] | order(publishedAt asc){"heading": coalesce(seo.title, title), "label": select(featured == true => standfirst, title)}',
    )
    expect(describeMappings(response.resultSourceMap)).toEqual({
      "$[0]['heading']": "interview-graphs : $['title']",
      "$[0]['label']": "interview-graphs : $['standfirst']",
      "$[1]['heading']": "interview-queues : $['seo']['title']",
      "$[1]['label']": "interview-queues : $['title']",
    })
  })
})

describe('absent where Sanity maps nothing: computed values', () => {
  test('concatenations, counts, functions, literals and parameters have no mapping', async () => {
    const response = await fetchMapped(
      '*[_id == $id][0]{"line": title + " — " + standfirst, "questions": count(qa), "upper": upper(title), "kind": "interview", "asked": $who, "n": length(qa)}',
      { id: interview._id, who: 'reader' },
    )
    expect(response.result).toMatchObject({ questions: 3, kind: 'interview', asked: 'reader' })
    expect(response.resultSourceMap).toEqual({ documents: [], paths: [], mappings: {} })
  })

  test('a query with no result has an empty map', async () => {
    const response = await fetchMapped('*[_id == "nobody"][0]{title}')
    expect(response.result).toBeNull()
    expect(response.resultSourceMap).toEqual({ documents: [], paths: [], mappings: {} })
  })
})

describe('perspectives and drafts', () => {
  test('under the drafts perspective a drafted document is named by its drafts. id', async () => {
    const response = await fetchMapped('*[_id == $id][0]{_id, title}', { id: interview._id }, { perspective: 'drafts' })
    expect(response.result).toEqual({ _id: 'interview-graphs', title: 'Graphs all the way down (draft)' })
    expect(response.resultSourceMap.documents).toEqual([{ _id: 'drafts.interview-graphs', _type: 'interview' }])
    expect(describeMappings(response.resultSourceMap)["$['title']"]).toBe("drafts.interview-graphs : $['title']")
    // A document without a draft keeps its published id in the same view.
    const other = await fetchMapped('*[_id == $id][0]{title}', { id: second._id }, { perspective: 'drafts' })
    expect(other.resultSourceMap.documents).toEqual([{ _id: 'interview-queues', _type: 'interview' }])
  })

  test('the published perspective names published documents; an anonymous reader never sees a draft id', async () => {
    const published = await fetchMapped('*[_type == "interview"]{title}', {}, { perspective: 'published' })
    expect(published.resultSourceMap.documents.map((d) => d._id).sort()).toEqual([
      'interview-graphs',
      'interview-queues',
    ])
    const anonymous = await fetchMapped('*[_type == "interview"]{title}', {}, { perspective: 'drafts' }, t.anonymous)
    expect(JSON.stringify(anonymous)).not.toContain('drafts.')
    const raw = await fetchMapped('*[_id in path("drafts.**")]{title}', {}, { perspective: 'raw' })
    expect(raw.resultSourceMap.documents).toEqual([{ _id: 'drafts.interview-graphs', _type: 'interview' }])
  })
})

describe('the result does not change', () => {
  const queries: [string, Record<string, unknown>][] = [
    ['*[_type == "interview"] | order(publishedAt desc){title, "speaker": speaker->{name}, topics[]->{title}}', {}],
    ['*[_id == $id][0]{..., qa[]{..., "n": count(answer)}}', { id: interview._id }],
    [
      '{"total": count(*[_type == "interview"]), "latest": *[_type == "interview"] | order(publishedAt desc)[0].title}',
      {},
    ],
    [
      '*[_type == "interview" && [title, standfirst] match $terms] | score(title match $terms) {title, _score}',
      { terms: 'graph*' },
    ],
  ]
  test.each(queries)('byte-identical with and without a source map: %s', async (query, params) => {
    for (const [perspective, resultSourceMap] of [
      ['published', true],
      ['drafts', 'withKeyArraySelector'],
    ] as const) {
      const plain = await t.reader.fetch(query, params, { perspective })
      const mapped = await fetchMapped(query, params, { perspective, resultSourceMap })
      expect(JSON.stringify(mapped.result)).toBe(JSON.stringify(plain))
      expect(Object.keys(mapped.resultSourceMap.mappings).length).toBeGreaterThan(0)
      await expectEveryMappingTrue(mapped)
    }
  })
})

describe('the response', () => {
  test('filterResponse: false returns query, result, resultSourceMap, syncTags and ms; without the option no map', async () => {
    const response = await fetchMapped('*[_id == $id][0]{title}', { id: interview._id })
    expect(Object.keys(response)).toEqual(['query', 'result', 'resultSourceMap', 'syncTags', 'ms'])
    expect(response.syncTags.every((tag) => /^s1:[A-Za-z0-9_-]{6}$/.test(tag))).toBe(true)
    const plain = (await t.reader.fetch(
      '*[_id == $id][0]{title}',
      { id: interview._id },
      { filterResponse: false },
    )) as unknown as Record<string, unknown>
    expect(plain.resultSourceMap).toBeUndefined()
    expect(plain.syncTags).toEqual(response.syncTags)
  })

  test('POST queries take resultSourceMap from the query string too', async () => {
    const response = await t.request('/v2025-02-19/data/query/production?resultSourceMap=withKeyArraySelector', {
      method: 'POST',
      token: READ_TOKEN,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '*[_id == $id][0]{"first": qa[0].question}', params: { id: interview._id } }),
    })
    const body = (await response.json()) as RawResponse
    expect(describeMappings(body.resultSourceMap)).toEqual({
      "$['first']": "interview-graphs : $['qa'][?(@._key=='q1')]['question']",
    })
  })

  test('API versions before 2021-03-25 get neither source maps nor sync tags, as on Sanity', async () => {
    const response = await t.request(
      `/v1/data/query/production?query=${encodeURIComponent('*[_type == "person"]{name}')}&resultSourceMap=true`,
      { token: READ_TOKEN },
    )
    const body = (await response.json()) as Record<string, unknown>
    expect(body.result).toEqual([{ name: 'Ada Lovelace' }])
    expect(body.resultSourceMap).toBeUndefined()
    expect(body.syncTags).toBeUndefined()
  })
})

describe('bad input', () => {
  test('a source-map request on an invalid query gets the usual 400 queryParseError', async () => {
    const error = await t.reader
      .fetch('*[_type == "interview"]{title', {}, { resultSourceMap: 'withKeyArraySelector' })
      .catch((e: unknown) => e as { statusCode: number; response: { body: { error: { type: string } } } })
    expect(error.statusCode).toBe(400)
    expect(error.response.body.error.type).toBe('queryParseError')
  })

  test('an unknown resultSourceMap value is a 400 that names the accepted ones', async () => {
    const response = await t.request(`/v2025-02-19/data/query/production?query=*&resultSourceMap=yes`, {
      token: READ_TOKEN,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        type: 'invalidParams',
        description: 'resultSourceMap must be true, false or withKeyArraySelector, not "yes"',
      },
    })
  })
})

describe("stega through the client's stega option", () => {
  const studioUrl = '/studio'
  const stegaClient = () =>
    createClient({
      projectId: 'parley',
      dataset: 'production',
      apiVersion: '2025-02-19',
      useProjectHostname: false,
      apiHost: t.lake.url,
      token: READ_TOKEN,
      useCdn: false,
      perspective: 'drafts',
      stega: { enabled: true, studioUrl },
    })

  /** The edit intent hidden in a stega-encoded string: document id, type and field path. */
  function editTarget(encoded: string): { id: string; type: string; path: string } {
    const decoded = vercelStegaDecode<{ origin: string; href: string }>(encoded)
    expect(decoded?.origin).toBe('sanity.io')
    const href = new URL(decoded?.href as string, 'http://studio.invalid')
    return {
      id: href.searchParams.get('id') as string,
      type: href.searchParams.get('type') as string,
      path: href.searchParams.get('path') as string,
    }
  }

  test('strings decode to the document and field they came from; computed strings stay plain', async () => {
    const result = (await stegaClient().fetch(
      '*[_id == $id][0]{title, "speaker": speaker->name, "questions": qa[]{question}, "line": title + "!"}',
      { id: interview._id },
    )) as { title: string; speaker: string; questions: { question: string }[]; line: string }

    expect(vercelStegaSplit(result.title).cleaned).toBe('Graphs all the way down (draft)')
    expect(editTarget(result.title)).toEqual({ id: 'interview-graphs', type: 'interview', path: 'title' })
    expect(editTarget(result.speaker)).toEqual({ id: 'person-ada', type: 'person', path: 'name' })
    expect(editTarget((result.questions[1] as { question: string }).question)).toEqual({
      id: 'interview-graphs',
      type: 'interview',
      path: 'qa[_key=="q2"].question',
    })
    expect(vercelStegaDecode(result.line)).toBeUndefined()
    expect(stegaClean(result)).toEqual({
      title: 'Graphs all the way down (draft)',
      speaker: 'Ada Lovelace',
      questions: interview.qa.map(({ question }) => ({ question })),
      line: 'Graphs all the way down (draft)!',
    })
  })

  test('Portable Text spans inside a field mapped whole decode to their block and span by _key', async () => {
    const result = (await stegaClient().fetch('*[_id == $id][0]{"answer": qa[0].answer}', { id: interview._id })) as {
      answer: { children: { text: string }[] }[]
    }
    const text = result.answer[0]?.children[0]?.text as string
    expect(vercelStegaSplit(text).cleaned).toBe('Because everything is connected.')
    expect(editTarget(text)).toEqual({
      id: 'interview-graphs',
      type: 'interview',
      path: 'qa[_key=="q1"].answer[_key=="b1"].children[_key=="s1"].text',
    })
  })
})
