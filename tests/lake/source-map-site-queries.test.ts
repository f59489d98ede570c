// Every GROQ query the site runs, over the sample content, with a source map: the same result byte for byte, and every mapping true.
import path from 'node:path'
import * as siteQueries from '../../lib/content/queries.ts'
import { importArchive } from '../../lake/transfer/index.ts'
import { startTestLake, type TestLake } from './core-lake.ts'
import { describeMappings, expectEveryMappingTrue, fetchMapped } from './source-map-support.ts'

let t: TestLake

beforeAll(async () => {
  t = await startTestLake()
  await importArchive(t.lake, path.resolve('content/parley-sample.tar.gz'), { dataset: 'production' })
  // A draft, so the drafts perspective differs from the published one.
  const published = (await t.writer.getDocument('interview-on-call-five-years-in')) as { _type: string }
  await t.writer.create({ ...published, _id: 'drafts.interview-on-call-five-years-in', title: 'On call (draft title)' })
}, 60_000)

afterAll(() => t.stop())

/** Parameters the site passes; every query gets all of them (GROQ ignores the ones it does not use). */
function paramsFor(name: string): Record<string, unknown> {
  const slugs: Record<string, string> = {
    speakerQuery: 'jonah-reyes',
    topicQuery: 'reliability',
    seriesQuery: 'lessons-from-production',
  }
  return {
    slug: slugs[name] ?? 'on-call-five-years-in',
    id: 'interview-on-call-five-years-in',
    speakerId: 'person-jonah-reyes',
    seriesId: 'series-lessons-from-production',
    topicIds: ['topic-reliability'],
    start: 0,
    end: 10,
    limit: 50,
    terms: 'on*',
  }
}

const queries = Object.entries(siteQueries as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
)

test('the site has queries to check', () => {
  expect(queries.length).toBeGreaterThan(10)
})

describe.each(['published', 'drafts'] as const)('under the %s perspective', (perspective) => {
  test.each(queries)('%s: byte-identical result, every mapping true', async (name, query) => {
    const params = paramsFor(name)
    const plain = await t.reader.fetch(query, params, { perspective })
    const mapped = await fetchMapped(t.reader, query, params, { perspective, resultSourceMap: 'withKeyArraySelector' })
    expect(JSON.stringify(mapped.result)).toBe(JSON.stringify(plain))
    await expectEveryMappingTrue(t.writer, mapped)
  })
})

test('the interview page maps what an editor would click: title, standfirst, speaker, questions, answer text', async () => {
  const mapped = await fetchMapped(t.reader, siteQueries.interviewQuery, paramsFor('interviewQuery'), {
    perspective: 'drafts',
    resultSourceMap: 'withKeyArraySelector',
  })
  const described = describeMappings(mapped.resultSourceMap)
  const speakerId = (mapped.result as { speaker: { _id: string } }).speaker._id
  expect(described["$['title']"]).toBe("drafts.interview-on-call-five-years-in : $['title']")
  expect(described["$['standfirst']"]).toBe("drafts.interview-on-call-five-years-in : $['standfirst']")
  expect(described["$['speaker']['name']"]).toBe(`${speakerId} : $['name']`)
  expect(described["$['qa'][0]['question']"]).toMatch(
    /^drafts\.interview-on-call-five-years-in : \$\['qa'\]\[\?\(@\._key=='[^']+'\)\]\['question'\]$/,
  )
  // Answer blocks come through `...` on each block: their children (the text) are mapped as a whole.
  expect(described["$['qa'][0]['answer'][0]['children']"]).toMatch(
    /\['answer'\]\[\?\(@\._key=='[^']+'\)\]\['children'\]$/,
  )
  // Computed: the word count.
  expect(described["$['wordCount']"]).toBeUndefined()
})
