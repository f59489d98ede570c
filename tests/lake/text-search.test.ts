// text::query, the search the Studio's groq2024 strategy sends in every document list, answered by the lake like Sanity's Content Lake: terms, phrases, exclusions, prefixes, `[@, _id]` as the whole document, ranked through score()/boost().
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { startLake, type Lake } from '../../lake/index.ts'
import { evaluate, parse } from 'groq-js'
import { parseTextQuery, prepareTextSearch } from '../../lake/query/text-search.ts'
import { runQuery } from '../../lake/query/run-query.ts'
import { anonymousAccess, type Access } from '../../lake/http/access.ts'
import type { Perspective } from '../../lake/query/perspectives.ts'

const WRITE_TOKEN = 'parley-local-write-token'

let lake: Lake
let dataDir: string
let editor: SanityClient
let anonymous: SanityClient

const answer = (text: string) => [
  {
    _type: 'block',
    _key: 'b1',
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: 's1', text, marks: [] }],
  },
]

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-search-'))
  lake = await startLake({ port: 0, dataDir, durability: 'normal' })
  const options = {
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: lake.url,
    useCdn: false,
  } as const
  editor = createClient({ ...options, token: WRITE_TOKEN })
  anonymous = createClient(options)
  await editor
    .transaction()
    .create({ _id: 'person-mireille', _type: 'person', name: 'Mireille Okafor', role: 'Staff Engineer, Payments' })
    .create({
      _id: 'interview-queues',
      _type: 'interview',
      title: 'Scaling the payment queue',
      speaker: { _type: 'reference', _ref: 'person-mireille' },
      qa: [
        {
          _key: 'q1',
          _type: 'qaBlock',
          question: 'Why did the queue back up?',
          answer: answer('Backpressure was missing between the ledger and the card network.'),
        },
      ],
    })
    .create({
      _id: 'interview-rust',
      _type: 'interview',
      title: 'Rust in the ledger',
      standfirst: 'A ledger rewritten, one queue at a time.',
      qa: [
        {
          _key: 'q1',
          _type: 'qaBlock',
          question: 'What changed?',
          answer: answer('Memory safety without garbage collection pauses.'),
        },
      ],
    })
    .create({
      _id: 'interview-hiring',
      _type: 'interview',
      title: 'Hiring for the platform team',
      qa: [
        {
          _key: 'q1',
          _type: 'qaBlock',
          question: 'What do you look for?',
          answer: answer('Curiosity about how the network behaves under load.'),
        },
      ],
    })
    .create({ _id: 'drafts.interview-secret', _type: 'interview', title: 'Unannounced payment partnership' })
    .commit()
})

afterAll(async () => {
  await lake?.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** The query Studio 6 builds for a document list with a search term (createSearchQuery, groq2024). */
const STUDIO_LIST_QUERY = `// findability-mvi:5
*[_type in $__types] | score(boost(_type in ["interview"] && title match text::query($__query), 10), boost(_type in ["person"] && name match text::query($__query), 10), ([@, _id] match text::query($__query) || references($__rawQuery))) [_score > 0] {_type, _id, _originalId, "orderings": [_score]} | order(_score desc) [0...$__limit]`

async function studioSearch(
  client: SanityClient,
  typed: string,
  perspective: 'raw' | 'drafts' | 'published' = 'drafts',
) {
  const rows = await client.fetch<{ _id: string }[]>(
    STUDIO_LIST_QUERY,
    { __types: ['interview', 'person'], __query: typed, __rawQuery: typed, __limit: 1001 },
    { perspective },
  )
  return rows.map((row) => row._id)
}

describe('the search language', () => {
  test('splits terms, phrases, exclusions and prefixes the way the Studio writes them', () => {
    expect(parseTextQuery('payment "card network" -rust queu*')).toEqual({
      matchesEverything: false,
      required: ['payment', 'card', 'network', 'queu*'],
      phrases: ['card network'],
      excluded: ['rust'],
      excludedPhrases: [],
    })
    expect(parseTextQuery('*').matchesEverything).toBe(true)
    expect(parseTextQuery('   ').matchesEverything).toBe(true)
  })
})

describe('whole-document search', () => {
  // Pre-tokenised words must find exactly what groq-js's own `match` finds in the original strings.
  const texts = [
    'node.js at scale',
    'Café. Crème brûlée…',
    'x..y _under_score e-mail a/b',
    'C++ & C# (2024): v1.2.3',
    '...dots... and "quotes"',
    'ÅSE øre',
  ]
  const patterns = [
    'nodejs',
    'node',
    'js',
    'café',
    'café.',
    'crème',
    'xy',
    '_under_score',
    'mail',
    'c',
    'v1.2.3',
    'v1',
    'dots',
    'quotes',
    'åse',
    'ør*',
    'brûl*',
  ]
  test.each(patterns)('finds %s in the same documents as groq-js matching the original strings', async (pattern) => {
    const documents = texts.map((text, index) => ({ _id: `doc${index}`, _rev: 'r1', body: text }))
    const viaSearch = parse('*[[@, _id] match text::query($q)]._id')
    const prepared = prepareTextSearch(viaSearch, { q: pattern }, documents)
    const found = await (await evaluate(prepared.tree, { dataset: prepared.dataset, params: { q: pattern } })).get()
    const native = await (
      await evaluate(parse('*[[body, _id] match $q]._id'), { dataset: documents, params: { q: pattern } })
    ).get()
    expect(found).toEqual(native)
  })
})

describe('Studio document lists', () => {
  test('an empty search box (*) lists every document of the types', async () => {
    expect((await studioSearch(editor, '*')).sort()).toEqual([
      'interview-hiring',
      'interview-queues',
      'interview-rust',
      'interview-secret',
      'person-mireille',
    ])
  })

  test('a title match ranks above a match deep in the answers', async () => {
    expect(await studioSearch(editor, 'queue')).toEqual(['interview-queues', 'interview-rust'])
    expect(await studioSearch(editor, 'ledger')).toEqual(['interview-rust', 'interview-queues'])
  })

  test('the last word is a prefix while the editor is still typing', async () => {
    expect(await studioSearch(editor, 'backpress*')).toEqual(['interview-queues'])
    expect(await studioSearch(editor, 'backpress')).toEqual([])
  })

  test('every term must match, in the ranking as well as in the filter', async () => {
    expect(await studioSearch(editor, 'network curiosity')).toEqual(['interview-hiring'])
    // "the" occurs in every interview; "again" in none: nothing may rank above zero.
    expect(await studioSearch(editor, 'the payment queue again')).toEqual([])
    const filtered = await editor.fetch('*[_type == "interview" && [@, _id] match text::query($q)]._id', {
      q: 'the payment queue again',
    })
    expect(filtered).toEqual([])
  })

  test('a quoted phrase matches only as written', async () => {
    expect(await studioSearch(editor, '"card network"')).toEqual(['interview-queues'])
    expect(await studioSearch(editor, '"network card"')).toEqual([])
  })

  test('a minus excludes documents with the term', async () => {
    expect(await studioSearch(editor, 'ledger -rust')).toEqual(['interview-queues'])
  })

  test('[@, _id] includes the document id', async () => {
    expect(await studioSearch(editor, 'interview-hiring')).toEqual(['interview-hiring'])
  })

  test('finds a person by name through the boosted field', async () => {
    expect(await studioSearch(editor, 'okaf*')).toEqual(['person-mireille'])
  })

  test('search never reveals drafts to anonymous readers', async () => {
    expect(await studioSearch(editor, 'partnership')).toEqual(['interview-secret'])
    expect(await studioSearch(anonymous, 'partnership')).toEqual([])
  })

  test('results keep their shape: no search bookkeeping leaks into documents', async () => {
    const [document] = await editor.fetch<Record<string, unknown>[]>(
      '*[_type == "interview" && [@, _id] match text::query($q)]',
      { q: 'backpressure' },
    )
    expect(Object.keys(document!).sort()).toEqual([
      '_createdAt',
      '_id',
      '_rev',
      '_type',
      '_updatedAt',
      'qa',
      'speaker',
      'title',
    ])
  })

  test('works on a single field and with a literal search string', async () => {
    expect(await editor.fetch('*[title match text::query("hiring")]._id')).toEqual(['interview-hiring'])
  })
})

describe('the query planner', () => {
  const editorAccess: Access = {
    role: 'editor',
    identity: 'parley-editor',
    readPublished: true,
    readDrafts: true,
    write: true,
  }
  const asOpened = `*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery)) && (_type == $type)] {_type, _id, _originalId, "orderings": [title]} | order(orderings[0] asc) [0...$__limit]`
  const byTitle = `*[_type == "interview" && title match text::query($__query)] | order(title asc) [0...2] {_id}`
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'the list as opened (empty search box)',
      asOpened,
      { __types: ['interview'], __query: '*', __rawQuery: '', type: 'interview', __limit: 2 },
    ],
    [
      'the list searched in the whole document',
      asOpened,
      { __types: ['interview'], __query: 'network*', __rawQuery: 'network', type: 'interview', __limit: 2 },
    ],
    ['a search of one field', byTitle, { __query: 'the' }],
  ]
  test.each(cases)('answers %s exactly as a full scan', async (_name, query, params) => {
    const perspectives: Perspective[] = [{ kind: 'stack', layers: ['drafts'] }, { kind: 'published' }]
    for (const perspective of perspectives) {
      for (const access of [editorAccess, anonymousAccess]) {
        const request = { dataset: 'production', query, params, perspective, access }
        const indexed = await runQuery(lake.store, request)
        const scanned = await runQuery(lake.store, { ...request, fullScan: true })
        expect(indexed.result).toEqual(scanned.result)
      }
    }
  })
})
