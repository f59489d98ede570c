// The committed sample dataset has what issue 4 asks of it, in the layout `sanity dataset export` writes.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { extract } from 'tar'

type Block = { _type: string; style?: string; listItem?: string; _sanityAsset?: string; alt?: string }
type Interview = {
  _id: string
  speaker: { _ref: string }
  qa: { question: string; answer: Block[] }[]
  coverImage: { _sanityAsset: string; alt: string }
}

const archive = path.resolve('content/parley-sample.tar.gz')
let documents: Record<string, unknown>[] = []
let imageFiles: string[] = []
let assetsJson: Record<string, { originalFilename: string }> = {}

beforeAll(async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'parley-sample-'))
  try {
    await extract({ file: archive, cwd: folder })
    const root = path.join(folder, 'parley-sample')
    documents = (await readFile(path.join(root, 'data.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    assetsJson = JSON.parse(await readFile(path.join(root, 'assets.json'), 'utf8'))
    imageFiles = await readdir(path.join(root, 'images'))
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})

const interviews = () => documents.filter((document) => document._type === 'interview') as unknown as Interview[]

describe('content/parley-sample.tar.gz', () => {
  test('stays small enough to commit (under 2 MB)', async () => {
    expect((await stat(archive)).size).toBeLessThan(2 * 1024 * 1024)
  })

  test('holds six interviews by six different speakers, each with 4 to 8 Q&A blocks', () => {
    expect(interviews()).toHaveLength(6)
    expect(new Set(interviews().map((interview) => interview.speaker._ref)).size).toBe(6)
    for (const interview of interviews()) {
      expect(interview.qa.length).toBeGreaterThanOrEqual(4)
      expect(interview.qa.length).toBeLessThanOrEqual(8)
    }
  })

  test('every interview uses a sub-heading, a list, a pull quote and an inline image with alt text', () => {
    for (const interview of interviews()) {
      const blocks = interview.qa.flatMap((block) => block.answer)
      const has = {
        subHeading: blocks.some((block) => block.style === 'h3'),
        list: blocks.some((block) => block.listItem === 'bullet' || block.listItem === 'number'),
        pullQuote: blocks.some((block) => block.style === 'blockquote'),
        inlineImage: blocks.some((block) => block._type === 'image' && !!block._sanityAsset && !!block.alt),
      }
      expect({ id: interview._id, ...has }).toEqual({
        id: interview._id,
        subHeading: true,
        list: true,
        pullQuote: true,
        inlineImage: true,
      })
    }
  })

  test('has topics, a series and the site settings singleton', () => {
    const count = (type: string) => documents.filter((document) => document._type === type).length
    expect(count('topic')).toBeGreaterThanOrEqual(3)
    expect(count('series')).toBeGreaterThanOrEqual(1)
    expect(documents.filter((document) => document._type === 'siteSettings').map((document) => document._id)).toEqual([
      'siteSettings',
    ])
  })

  test('every asset pointer names an image in images/, listed in assets.json, as an export does', () => {
    const pointers = JSON.stringify(documents).match(/image@file:\/\/\.\/images\/[^"]+/g) ?? []
    expect(pointers.length).toBeGreaterThan(12)
    for (const pointer of pointers) {
      const file = pointer.replace('image@file://./images/', '')
      expect(imageFiles).toContain(file)
      expect(assetsJson[`image-${file.split('-')[0]}`]?.originalFilename).toMatch(/\.jpg$/)
    }
    expect(documents.some((document) => String(document._id).startsWith('drafts.'))).toBe(false)
  })
})
