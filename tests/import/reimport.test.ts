// Imports the fixtures into a real lake through the real client: drafts or published, linked people, uploaded images, idempotent re-import.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { join } from 'node:path'
import type { SanityClient } from '@sanity/client'
import { readArticles, writeInterviews } from '../../lib/import/index.ts'
import { readInterviewArticle } from '../../lib/import/interview-article.ts'
import { fixtures, startImportLake, type ImportLake } from './support/import-lake.ts'

let lake: ImportLake
let editor: SanityClient

beforeAll(async () => {
  lake = await startImportLake('reimport')
  editor = lake.editor
})

afterAll(() => lake.close())

const raw = <T>(query: string, params: Record<string, unknown> = {}) => lake.raw<T>(query, params)

test('writes every fixture as a draft in one transaction, linking an existing person by name and creating the others', async () => {
  // An editor already created Priya Raman in the Studio, with a random id and a different letter case.
  await editor.create({
    _id: 'a1b2c3-priya',
    _type: 'person',
    name: 'priya raman',
    slug: { _type: 'slug', current: 'priya' },
  })
  const { interviews, refused } = readArticles([fixtures])
  expect(refused).toEqual([])
  expect(interviews).toHaveLength(4)

  const result = await writeInterviews(editor, interviews, { publish: false })
  expect(result.refused).toEqual([])
  expect(result.written.map((written) => written.id.startsWith('drafts.interview-'))).toEqual([true, true, true, true])
  expect(result.written.map((written) => written.operation)).toEqual(['created', 'created', 'created', 'created'])

  const drafts = await raw<{ _id: string; _rev: string; title: string; speaker: { _ref: string } }[]>(
    `*[_type == "interview"] | order(title asc)`,
  )
  expect(drafts.map((doc) => doc.title)).toEqual([
    'An interview with Mireille Okafor | Staff Engineer, Payments',
    'On-call without the dread',
    'Scaling the queue: a conversation with Kofi Mensah',
    'Shipping a design system to twelve product teams',
  ])
  expect(drafts.every((doc) => doc._id.startsWith('drafts.') && doc._rev === result.transactionId)).toBe(true)
  expect(drafts[1]!.speaker._ref).toBe('a1b2c3-priya')

  const people = await raw<{ _id: string; name: string; role: string | null; company: string | null; _rev: string }[]>(
    `*[_type == "person"] | order(name asc){_id, name, role, company, _rev}`,
  )
  expect(people.map(({ _id, name, role, company }) => ({ _id, name, role, company }))).toEqual([
    { _id: 'person-dario-lentz', name: 'Dario Lentz', role: null, company: null },
    { _id: 'person-hana-kobayashi', name: 'Hana Kobayashi', role: 'Design Systems Lead', company: 'Fernhill' },
    { _id: 'person-kofi-mensah', name: 'Kofi Mensah', role: 'Principal Engineer', company: 'Tallgrass Labs' },
    {
      _id: 'person-mireille-okafor',
      name: 'Mireille Okafor',
      role: 'Staff Engineer, Payments',
      company: 'Lindqvist Freight',
    },
    { _id: 'person-sam-ortiz', name: 'Sam Ortiz', role: null, company: null },
    { _id: 'person-tomas-brennan', name: 'Tomás Brennan', role: null, company: null },
    { _id: 'a1b2c3-priya', name: 'priya raman', role: null, company: null },
  ])
  // Speakers and interviewers were created in the same transaction as the interviews.
  expect(people.filter((person) => person._rev === result.transactionId)).toHaveLength(6)

  // Drafts stay invisible to readers; the editor sees them through the drafts perspective with the speaker resolved.
  expect(await lake.anonymous.fetch('count(*[_type == "interview"])')).toBe(0)
  const preview = await editor.fetch<{ speaker: string; questions: number }>(
    `*[_type == "interview" && slug.current == "scaling-the-queue-a-conversation-with-kofi-mensah"][0]{"speaker": speaker->name, "questions": count(qa)}`,
    {},
    { perspective: 'drafts' },
  )
  expect(preview).toEqual({ speaker: 'Kofi Mensah', questions: 3 })
})

test("uploads an article's local image and references the asset from the answer", async () => {
  const image = await raw<{
    alt: string
    caption: string
    asset: { url: string; originalFilename: string; metadata: { dimensions: { width: number } } }
  }>(
    `*[_type == "interview" && slug.current == "scaling-the-queue-a-conversation-with-kofi-mensah"][0].qa[1].answer[_type == "image"][0]{alt, caption, asset->{url, originalFilename, metadata}}`,
  )
  expect(image.alt).toBe('Queue depth over a week')
  expect(image.caption).toBe('Queue depth during the first week')
  expect(image.asset.originalFilename).toBe('queue-depth.png')
  expect(image.asset.metadata.dimensions.width).toBe(8)
  const bytes = await fetch(image.asset.url)
  expect(bytes.status).toBe(200)
})

test('re-importing updates the same documents instead of duplicating them, and keeps what editors added', async () => {
  const [before] = await raw<{ _id: string }[]>(
    `*[_type == "interview" && slug.current == "on-call-without-the-dread"]{_id}`,
  )
  await editor.patch(before!._id).set({ featured: true, title: 'Edited in the Studio' }).commit()

  const { interviews } = readArticles([fixtures])
  const result = await writeInterviews(editor, interviews, { publish: false })
  expect(result.written.map((written) => written.operation)).toEqual(['updated', 'updated', 'updated', 'updated'])
  expect(result.written.every((written) => !written.person.created)).toBe(true)

  expect(await raw('count(*[_type == "interview"])')).toBe(4)
  expect(await raw('count(*[_type == "person"])')).toBe(7)
  expect(await raw('count(*[_type == "sanity.imageAsset"])')).toBe(1)
  const after = await raw<{ title: string; featured: boolean; qa: unknown[] }>(`*[_id == $id][0]`, { id: before!._id })
  // The imported fields come from the article again; the editor's own field survives.
  expect(after.title).toBe('On-call without the dread')
  expect(after.featured).toBe(true)
  expect(after.qa).toEqual(interviews.find((interview) => interview.slug === 'on-call-without-the-dread')!.qa)
})

test('--publish writes the published interview, replaces the draft, and is repeatable', async () => {
  const { interviews } = readArticles([join(fixtures, 'article.html')])
  const first = await writeInterviews(editor, interviews, { publish: true })
  expect(first.written).toHaveLength(1)
  const id = first.written[0]!.id
  expect(id.startsWith('interview-')).toBe(true)
  expect(await raw('*[_id in [$id, "drafts." + $id]]._id', { id })).toEqual([id])

  const seen = await lake.anonymous.fetch<{ title: string; speaker: string; featured: boolean }>(
    `*[_id == $id][0]{title, featured, "speaker": speaker->name}`,
    { id },
  )
  expect(seen).toEqual({ title: 'On-call without the dread', featured: true, speaker: 'priya raman' })

  const again = await writeInterviews(editor, interviews, { publish: true })
  expect(again.written[0]).toMatchObject({ id, operation: 'updated' })
  expect(await raw('count(*[_type == "interview"])')).toBe(4)
})

test('refuses an article whose slug another interview already uses, and writes the rest', async () => {
  await editor.create({
    _id: 'interview-written-by-hand',
    _type: 'interview',
    title: 'Hand-written',
    slug: { _type: 'slug', current: 'an-interview-with-mireille-okafor-staff-engineer-payments' },
    speaker: { _type: 'reference', _ref: 'a1b2c3-priya' },
    qa: [{ _type: 'qaBlock', _key: 'q', question: 'Why?', answer: [] }],
  })
  await editor.delete({
    query: '*[_id in path("drafts.**") && slug.current == $slug]',
    params: { slug: 'an-interview-with-mireille-okafor-staff-engineer-payments' },
  })
  const { interviews } = readArticles([fixtures])
  const result = await writeInterviews(editor, interviews, { publish: false })
  expect(result.refused.map((refusal) => refusal.message)).toEqual([
    'the slug "an-interview-with-mireille-okafor-staff-engineer-payments" is already used by interview interview-written-by-hand: rename one of them',
  ])
  expect(result.written).toHaveLength(3)
})

test('a speaker who exists only as a draft person is referenced weakly, to be strengthened when that person is published', async () => {
  await editor.create({
    _id: 'drafts.person-rosa-draft',
    _type: 'person',
    name: 'Rosa Lind',
    slug: { _type: 'slug', current: 'rosa-lind' },
  })
  const article = {
    file: '/virtual/rosa.md',
    format: 'markdown' as const,
    text: '# An interview with Rosa Lind | Staff Engineer\n\n**Why caches?**\n\nBecause the database is far away.\n',
  }
  const interview = readInterviewArticle(article)
  const result = await writeInterviews(editor, [interview], { publish: false })
  expect(result.written[0]!.person).toEqual({ id: 'person-rosa-draft', created: false })
  const speaker = await raw(`*[_id == $id][0].speaker`, { id: result.written[0]!.id })
  expect(speaker).toEqual({
    _type: 'reference',
    _ref: 'person-rosa-draft',
    _weak: true,
    _strengthenOnPublish: { type: 'person' },
  })
})
