// The content model's validation rules, run by Sanity's own document validation against a real lake: the sample content passes, and each rule stops what it should with a message that explains itself.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createClient, type SanityClient, type SanityDocument } from '@sanity/client'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createSchema, validateDocument } from 'sanity'
import { startLake, type Lake } from '../../lake/index.ts'
import { importArchive } from '../../lake/transfer/index.ts'
import { schemaTypes } from '../../schemas/index.ts'

const WRITE_TOKEN = 'schema-tests-write-token'
const schema = createSchema({ name: 'parley', types: schemaTypes })

let lake: Lake
let dataDir: string
let editor: SanityClient

type Marker = { level: string; message: string; path: unknown[] }

/** Validates as the Studio does (environment "studio": the CLI mode adds checks that rewrite levels and messages). */
async function problemsOf(document: Record<string, unknown>): Promise<Marker[]> {
  const markers = await validateDocument({
    document: document as SanityDocument,
    workspace: { schema, getClient: ({ apiVersion }) => editor.withConfig({ apiVersion }), i18n: undefined as never },
    environment: 'studio',
  })
  return markers as Marker[]
}

const messages = (markers: Marker[], level = 'error') =>
  markers.filter((marker) => marker.level === level).map((marker) => marker.message)

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-schema-lake-'))
  lake = await startLake({ port: 0, dataDir, durability: 'normal', writeToken: WRITE_TOKEN })
  await importArchive(lake, path.resolve('content/parley-sample.tar.gz'), { dataset: 'production' })
  editor = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token: WRITE_TOKEN,
    perspective: 'raw',
  })
}, 60_000)

afterAll(async () => {
  await lake?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

/** A published sample interview, fetched from the lake, to derive broken variants from. */
async function sampleInterview(): Promise<Record<string, unknown> & { _id: string }> {
  const interview = await editor.getDocument('interview-on-call-five-years-in')
  if (!interview) throw new Error('the sample interview did not import')
  return interview as Record<string, unknown> & { _id: string }
}

describe('the sample content', () => {
  test('every imported document passes the Studio’s validation with no errors and no warnings', async () => {
    const documents = await editor.fetch<Record<string, unknown>[]>(
      '*[_type in ["interview", "person", "topic", "series", "siteSettings"]]',
    )
    expect(documents.length).toBe(23)
    const problems: string[] = []
    for (const document of documents)
      for (const marker of await problemsOf(document))
        problems.push(`${document._id}: ${marker.level} ${marker.message}`)
    expect(problems).toEqual([])
  })
})

describe('validation rules', () => {
  test('a cover image without alt text is an error that says what to write', async () => {
    const interview = await sampleInterview()
    const cover = { ...(interview.coverImage as object), alt: '  ' }
    expect(messages(await problemsOf({ ...interview, _id: `drafts.${interview._id}`, coverImage: cover }))).toEqual([
      expect.stringMatching(/^Alt text is required: describe what the image shows/),
    ])
  })

  test('an inline image in an answer and a person’s photo need alt text too', async () => {
    const interview = await sampleInterview()
    const qa = structuredClone(interview.qa) as { answer: { _type: string; alt?: string }[] }[]
    const inline = qa.flatMap((block) => block.answer).find((block) => block._type === 'image')
    if (!inline) throw new Error('the sample interview has no inline image')
    delete inline.alt
    expect(messages(await problemsOf({ ...interview, _id: `drafts.${interview._id}`, qa }))).toEqual([
      expect.stringMatching(/^Alt text is required/),
    ])

    const person = (await editor.getDocument('person-grace-adeyemi')) as Record<string, unknown> & { _id: string }
    expect(
      messages(
        await problemsOf({ ...person, _id: `drafts.${person._id}`, photo: { ...(person.photo as object), alt: '' } }),
      ),
    ).toEqual([expect.stringMatching(/^Alt text is required/)])
  })

  test('an SEO description over 160 characters is refused, one of 160 is accepted', async () => {
    const interview = await sampleInterview()
    const tooLong = await problemsOf({
      ...interview,
      _id: `drafts.${interview._id}`,
      seo: { _type: 'seo', description: 'x'.repeat(161) },
    })
    expect(messages(tooLong)).toEqual([
      'The search description must be at most 160 characters: search engines cut the rest.',
    ])
    expect(
      messages(
        await problemsOf({
          ...interview,
          _id: `drafts.${interview._id}`,
          seo: { _type: 'seo', description: 'x'.repeat(160) },
        }),
      ),
    ).toEqual([])
  })

  test('an interview needs at least one Q&A block, and no question may be empty', async () => {
    const interview = await sampleInterview()
    expect(messages(await problemsOf({ ...interview, _id: `drafts.${interview._id}`, qa: [] }))).toEqual([
      'An interview needs at least one question and answer.',
    ])
    const qa = structuredClone(interview.qa) as { question: string }[]
    ;(qa[1] as { question: string }).question = '   '
    expect(messages(await problemsOf({ ...interview, _id: `drafts.${interview._id}`, qa }))).toEqual([
      'The question is only spaces: write the question, or remove the block.',
    ])
  })

  test('required fields name themselves: title, slug, standfirst, speaker, cover', async () => {
    const interview = await sampleInterview()
    const { title, slug, standfirst, speaker, coverImage, ...rest } = interview
    expect(messages(await problemsOf({ ...rest, _id: `drafts.${interview._id}` })).sort()).toEqual(
      [
        'An interview needs a title.',
        'A slug is required: it is the address of the page. Press "Generate" to make one from the title.',
        'Write a standfirst: readers see it on the index and in feeds before they decide to read.',
        'Choose the speaker (or create them with "Create new").',
        'Add a cover image: it is used on the index, the speaker page and link previews.',
      ].sort(),
    )
    expect([title, slug, standfirst, speaker, coverImage].every(Boolean)).toBe(true)
  })

  test('a slug already used by another interview is refused; the interview’s own draft may keep it', async () => {
    const interview = await sampleInterview()
    const taken = await problemsOf({ ...interview, _id: 'drafts.another-interview' })
    expect(messages(taken)).toEqual([expect.stringMatching(/already in use/i)])
    expect(messages(await problemsOf({ ...interview, _id: `drafts.${interview._id}` }))).toEqual([])
  })

  test('in a Content Release, a version keeps its own slug, even when it is stored; another document’s is still taken', async () => {
    const interview = await sampleInterview()
    const version = { ...interview, _id: `versions.rlaunch.${interview._id}` }
    expect(messages(await problemsOf(version))).toEqual([])
    // Stored in the release, as the Releases tool validates it: not taken by itself.
    await editor.createOrReplace(version)
    const fresh = {
      ...interview,
      _id: 'versions.rlaunch.interview-brand-new',
      slug: { _type: 'slug', current: 'brand-new-interview' },
    }
    await editor.createOrReplace(fresh)
    expect(messages(await problemsOf(fresh))).toEqual([])
    expect(messages(await problemsOf({ ...fresh, _id: 'versions.rother.interview-second' }))).toEqual([
      expect.stringMatching(/already in use/i),
    ])
    await editor.delete(version._id)
    await editor.delete(fresh._id)
  })

  test('a series part without a series, and a series without a part, are both explained', async () => {
    const interview = await sampleInterview()
    const { series, ...withoutSeries } = interview
    expect(series).toBeDefined()
    expect(messages(await problemsOf({ ...withoutSeries, _id: `drafts.${interview._id}` }))).toEqual([
      'A part number only makes sense with a series: choose the series or clear the part.',
    ])
    expect(messages(await problemsOf({ ...interview, _id: `drafts.${interview._id}`, seriesPart: undefined }))).toEqual(
      ['This interview belongs to a series: give its part number.'],
    )
  })
})

describe('redirects', () => {
  const redirect = (id: string, from: string, to: string) => ({
    _id: id,
    _type: 'redirect',
    from,
    to,
    kind: 'permanent',
  })

  test('a redirect to itself, or one that closes a loop through others, is refused with the loop spelled out', async () => {
    await editor.createOrReplace(redirect('redirect-a', '/old/a', '/old/b'))
    await editor.createOrReplace(redirect('redirect-b', '/old/b', '/old/c/'))
    expect(messages(await problemsOf(redirect('drafts.redirect-self', '/old/self', '/old/self/')))).toEqual([
      'This redirect points to itself (/old/self).',
    ])
    expect(messages(await problemsOf(redirect('drafts.redirect-c', '/old/c', '/old/a')))).toEqual([
      'This makes a loop: /old/c → /old/a → /old/b → /old/c. Point it somewhere that does not lead back here.',
    ])
    // Pointing on down the chain, or off the site, is fine.
    expect(
      messages(await problemsOf(redirect('drafts.redirect-c', '/old/c', '/interviews/on-call-five-years-in'))),
    ).toEqual([])
    expect(
      messages(await problemsOf(redirect('drafts.redirect-c', '/old/c', 'https://example.com/elsewhere'))),
    ).toEqual([])
  })

  test('a redirect stored as a version in a release is not compared with itself', async () => {
    const version = redirect('versions.rlaunch.redirect-e', '/old/e', '/interviews/on-call-five-years-in')
    await editor.createOrReplace(version)
    expect(messages(await problemsOf(version))).toEqual([])
    await editor.delete(version._id)
  })

  test('a second redirect from the same path, a path with a domain, and a target that is no address are refused', async () => {
    expect(messages(await problemsOf(redirect('drafts.redirect-dup', '/old/a/', '/interviews/x')))).toEqual([
      'Another redirect already starts at /old/a.',
    ])
    expect(
      messages(await problemsOf(redirect('drafts.redirect-d', 'https://blog.example.com/x', '/interviews/x'))),
    ).toEqual(['The old path must start with a single /, like /blog/old-post (no domain).'])
    expect(messages(await problemsOf(redirect('drafts.redirect-d', '/old/d', 'javascript:alert(1)')))).toEqual([
      'Readers can only be sent to a path on this site (starting with /) or an http(s):// address.',
    ])
  })
})
