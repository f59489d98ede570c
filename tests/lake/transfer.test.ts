// Import and export in Sanity's format: NDJSON and .tar.gz in, .tar.gz out, and an exact round trip between data folders.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { createClient } from '@sanity/client'
import sharp from 'sharp'
import { create as createTar, extract as extractTar, list as listTar } from 'tar'
import { startLake, type Lake } from '../../lake/index.ts'
import { Store } from '../../lake/store/store.ts'
import { commitDocumentWrites } from '../../lake/transfer/document-writes.ts'
import { importArchive } from '../../lake/transfer/index.ts'

const run = promisify(execFile)
const root = path.resolve(__dirname, '../..')
const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex')

let work: string
let lake: Lake
let photo: Buffer
let pdf: Buffer

/** Runs `npm run lake -- …` the way a user does (Node 24, the real CLI entry). */
function lakeCli(...args: string[]) {
  return run(process.execPath, [path.join(root, 'lake/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, LAKE_PORT: '3333' },
  })
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort()
  } catch {
    return []
  }
}

const withoutRev = ({ _rev: _ignored, ...rest }: Record<string, unknown>) => rest

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'parley-transfer-'))
  lake = await startLake({ port: 0, dataDir: path.join(work, 'lake-a'), durability: 'normal' })
  photo = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer()
  pdf = Buffer.from('%PDF-1.4\n% interview transcript\n%%EOF\n')
})

afterAll(async () => {
  await lake.close()
  await rm(work, { recursive: true, force: true })
})

describe('import of plain NDJSON', () => {
  test('uploads file:// assets next to the NDJSON, rewrites them to asset references, and commits one transaction', async () => {
    const folder = path.join(work, 'ndjson')
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'portrait.jpg'), photo)
    await writeFile(path.join(folder, 'transcript.pdf'), pdf)
    const documents = [
      {
        _id: 'person-ada',
        _type: 'person',
        name: 'Ada',
        photo: { _type: 'image', _sanityAsset: 'image@file://./portrait.jpg', alt: 'Ada smiling' },
      },
      {
        _id: 'interview-1',
        _type: 'interview',
        title: 'On compilers',
        speaker: { _type: 'reference', _ref: 'person-ada' },
        coverImage: {
          _type: 'image',
          _sanityAsset: 'image@file://./portrait.jpg',
          alt: 'Cover',
          crop: { top: 0, bottom: 0, left: 0.1, right: 0 },
        },
        transcript: { _type: 'file', _sanityAsset: 'file@file://./transcript.pdf' },
        qa: [
          {
            _key: 'q1',
            _type: 'qaBlock',
            question: 'Why?',
            answer: [{ _key: 'i1', _type: 'image', _sanityAsset: 'image@file://./portrait.jpg', alt: 'inline' }],
          },
        ],
      },
      {
        _id: 'drafts.interview-1',
        _type: 'interview',
        title: 'On compilers (draft)',
        speaker: { _type: 'reference', _ref: 'person-ada' },
      },
      { _id: 'siteSettings', _type: 'siteSettings', title: 'Parley' },
    ]
    await writeFile(
      path.join(folder, 'content.ndjson'),
      documents.map((document) => JSON.stringify(document)).join('\n') + '\n',
    )

    const transactions: string[][] = []
    const stop = lake.onCommit(
      (transaction) => void transactions.push(transaction.documents.map((change) => change.id)),
    )
    const summary = await importArchive(lake, path.join(folder, 'content.ndjson'), { dataset: 'production' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    stop()
    expect(summary).toMatchObject({ documents: 4, assets: 2 })
    expect(transactions).toHaveLength(1)

    const imageId = `image-${sha1(photo)}-640x360-jpg`
    const fileId = `file-${sha1(pdf)}-pdf`
    const interview = lake.store.getDocument('production', 'interview-1') as Record<string, any>
    expect(interview.coverImage).toEqual({
      _type: 'image',
      asset: { _type: 'reference', _ref: imageId },
      alt: 'Cover',
      crop: { top: 0, bottom: 0, left: 0.1, right: 0 },
    })
    expect(interview.transcript).toEqual({ _type: 'file', asset: { _type: 'reference', _ref: fileId } })
    expect(interview.qa[0].answer[0].asset._ref).toBe(imageId)
    expect(lake.store.getDocument('production', imageId)).toMatchObject({
      _type: 'sanity.imageAsset',
      originalFilename: 'portrait.jpg',
      metadata: { dimensions: { width: 640, height: 360 } },
    })
    const served = await fetch(`${lake.url}/images/parley/production/${sha1(photo)}-640x360.jpg`)
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true)
  })

  test('two files with the same bytes become one asset', async () => {
    const folder = await mkdtemp(path.join(work, 'twins-'))
    const twin = await sharp({ create: { width: 12, height: 10, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    await writeFile(path.join(folder, 'a.png'), twin)
    await writeFile(path.join(folder, 'b.png'), twin)
    await writeFile(
      path.join(folder, 'twins.ndjson'),
      [
        { _id: 'topic-a', _type: 'topic', icon: { _type: 'image', _sanityAsset: 'image@file://./a.png' } },
        { _id: 'topic-b', _type: 'topic', icon: { _type: 'image', _sanityAsset: 'image@file://./b.png' } },
      ]
        .map((document) => JSON.stringify(document))
        .join('\n'),
    )
    const summary = await importArchive(lake, path.join(folder, 'twins.ndjson'), { dataset: 'twins' })
    expect(summary).toMatchObject({ documents: 2, assets: 1 })
    const refs = lake.store
      .allDocuments('twins')
      .filter((document) => document._type === 'topic')
      .map((document) => (document.icon as { asset: { _ref: string } }).asset._ref)
    expect(refs).toEqual([`image-${sha1(twin)}-12x10-png`, `image-${sha1(twin)}-12x10-png`])
  })

  test('an upload through @sanity/client with a file name is part of the dataset too', async () => {
    const client = createClient({
      projectId: 'parley',
      dataset: 'production',
      apiVersion: '2025-02-19',
      useProjectHostname: false,
      apiHost: lake.url,
      token: 'parley-local-write-token',
      useCdn: false,
    })
    const logo = await sharp({
      create: { width: 32, height: 32, channels: 4, background: { r: 200, g: 20, b: 20, alpha: 0.5 } },
    })
      .png()
      .toBuffer()
    const asset = await client.assets.upload('image', logo, {
      filename: 'logo.png',
      title: 'Logo',
      creditLine: 'Parley',
    })
    expect(asset).toMatchObject({ originalFilename: 'logo.png', title: 'Logo', creditLine: 'Parley' })
    await commitDocumentWrites(
      lake.context,
      'production',
      [
        {
          document: {
            _id: 'series-1',
            _type: 'series',
            title: 'Craft',
            image: { _type: 'image', asset: { _type: 'reference', _ref: asset._id } },
          },
          mode: 'create',
        },
        // A system document: never exported.
        { document: { _id: '_.groups.editors', _type: 'system.group', members: [] }, mode: 'create' },
      ],
      { identity: 'test' },
    )
  })
})

describe('import of an export made by hosted Sanity', () => {
  test('imports the archive as is: asset fields from assets.json kept, references rewritten, dates kept, a new _rev', async () => {
    const folder = await mkdtemp(path.join(work, 'hosted-'))
    const name = 'production-export-2026-01-01t00-00-00-000z'
    const hash = sha1(photo)
    await mkdir(path.join(folder, name, 'images'), { recursive: true })
    await mkdir(path.join(folder, name, 'files'), { recursive: true })
    await writeFile(path.join(folder, name, 'images', `${hash}-640x360.jpg`), photo)
    const grace = {
      _createdAt: '2024-03-01T10:00:00Z',
      _id: 'person-grace',
      _rev: 'hostedRevision1',
      _type: 'person',
      _updatedAt: '2024-03-02T10:00:00Z',
      name: 'Grace',
      photo: {
        _sanityAsset: `image@file://./images/${hash}-640x360.jpg`,
        _type: 'image',
        alt: 'Grace',
        hotspot: { _type: 'sanity.imageHotspot', x: 0.5, y: 0.4, width: 0.3, height: 0.3 },
      },
    }
    await writeFile(path.join(folder, name, 'data.ndjson'), JSON.stringify(grace) + '\n')
    const hostedMeta = {
      _createdAt: '2024-02-01T09:00:00Z',
      _rev: 'hostedAssetRev',
      _updatedAt: '2024-02-01T09:00:00Z',
      originalFilename: 'grace.jpg',
      sha1hash: hash,
      size: photo.length,
      uploadId: 'hostedUpload42',
      metadata: {
        _type: 'sanity.imageMetadata',
        blurHash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj',
        dimensions: { _type: 'sanity.imageDimensions', aspectRatio: 640 / 360, height: 360, width: 640 },
        hasAlpha: false,
        isOpaque: true,
        lqip: 'data:image/jpeg;base64,AAAA',
      },
      source: { id: 'unsplash-1', name: 'unsplash', url: 'https://example.com/photo' },
    }
    await writeFile(path.join(folder, name, 'assets.json'), JSON.stringify({ [`image-${hash}`]: hostedMeta }))
    const archive = path.join(work, 'hosted.tar.gz')
    await createTar({ gzip: true, file: archive, cwd: folder }, [name])

    const summary = await importArchive(lake, archive, { dataset: 'hosted' })
    expect(summary).toMatchObject({ documents: 1, assets: 1 })
    const imported = lake.store.getDocument('hosted', 'person-grace') as Record<string, any>
    expect(imported).toMatchObject({
      _createdAt: '2024-03-01T10:00:00Z',
      _updatedAt: '2024-03-02T10:00:00Z',
      name: 'Grace',
    })
    expect(imported._rev).not.toBe('hostedRevision1')
    expect(imported.photo).toEqual({
      asset: { _type: 'reference', _ref: `image-${hash}-640x360-jpg` },
      _type: 'image',
      alt: 'Grace',
      hotspot: grace.photo.hotspot,
    })
    const asset = lake.store.getDocument('hosted', `image-${hash}-640x360-jpg`)
    expect(asset).toMatchObject({
      ...hostedMeta,
      _rev: imported._rev,
      _type: 'sanity.imageAsset',
      path: `images/parley/hosted/${hash}-640x360.jpg`,
      url: `${lake.url}/images/parley/hosted/${hash}-640x360.jpg`,
    })
    expect((await fetch(`${lake.url}/images/parley/hosted/${hash}-640x360.jpg?w=64`)).status).toBe(200)
  })
})

describe('export and round trip', () => {
  let archive: string

  test('exports with the CLI: data.ndjson with _sanityAsset pointers, assets.json and the asset files; no drafts, no system documents', async () => {
    archive = path.join(work, 'production-export.tar.gz')
    // The lake keeps serving while the CLI reads the same data folder.
    const { stdout } = await lakeCli('export', archive, '--dataset', 'production', '--data', path.join(work, 'lake-a'))
    expect(stdout).toMatch(/Exported 4 document\(s\) and 3 asset\(s\)/)
    const entries: string[] = []
    await listTar({ file: archive, onReadEntry: (entry) => void entries.push(entry.path) })
    expect(entries).toEqual(
      expect.arrayContaining([
        'production-export/data.ndjson',
        'production-export/assets.json',
        `production-export/images/${sha1(photo)}-640x360.jpg`,
        `production-export/files/${sha1(pdf)}.pdf`,
      ]),
    )
    const unpacked = path.join(work, 'unpacked')
    await mkdir(unpacked)
    await extractTar({ file: archive, cwd: unpacked })
    const lines = (await readFile(path.join(unpacked, 'production-export/data.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((document) => document._id).sort()).toEqual([
      'interview-1',
      'person-ada',
      'series-1',
      'siteSettings',
    ])
    const person = lines.find((document) => document._id === 'person-ada')
    expect(person.photo).toEqual({
      _sanityAsset: `image@file://./images/${sha1(photo)}-640x360.jpg`,
      _type: 'image',
      alt: 'Ada smiling',
    })
    const assetsJson = JSON.parse(await readFile(path.join(unpacked, 'production-export/assets.json'), 'utf8'))
    expect(assetsJson[`image-${sha1(photo)}`]).toMatchObject({
      originalFilename: 'portrait.jpg',
      sha1hash: sha1(photo),
    })
    expect(assetsJson[`image-${sha1(photo)}`]).not.toHaveProperty('url')
    const bytes = await readFile(path.join(unpacked, `production-export/images/${sha1(photo)}-640x360.jpg`))
    expect(bytes.equals(photo)).toBe(true)
  })

  test('export → import into a fresh data folder gives identical documents and asset bytes (only _rev is the new transaction)', async () => {
    const fresh = path.join(work, 'lake-b')
    const { stdout } = await lakeCli(
      'import',
      archive,
      '--dataset',
      'production',
      '--data',
      fresh,
      '--base-url',
      lake.url,
    )
    expect(stdout).toMatch(/Imported 4 document\(s\) and 3 asset\(s\)/)
    const exported = lake.store.allDocuments('production').filter((document) => !document._id.includes('.'))
    const store = new Store(fresh)
    try {
      const imported = store.allDocuments('production')
      expect(imported.map(withoutRev)).toEqual(exported.map(withoutRev))
    } finally {
      store.close()
    }
    const assetsOf = (dataDir: string) => filesUnder(path.join(dataDir, 'assets', 'production'))
    const original = (await assetsOf(path.join(work, 'lake-a'))).filter((file) => !file.startsWith('variants'))
    expect(await assetsOf(fresh)).toEqual(original)
    for (const file of original) {
      const [a, b] = await Promise.all([
        readFile(path.join(work, 'lake-a/assets/production', file)),
        readFile(path.join(fresh, 'assets/production', file)),
      ])
      expect(a.equals(b)).toBe(true)
    }
    // And a second export of the copy holds the same lines as the first.
    const second = path.join(work, 'again.tar.gz')
    await lakeCli('export', second, '--data', fresh)
    const read = async (file: string, name: string) => {
      const dir = await mkdtemp(path.join(work, 'x-'))
      await extractTar({ file, cwd: dir })
      const [folder] = await readdir(dir)
      return readFile(path.join(dir, folder as string, name), 'utf8')
    }
    const strip = (ndjson: string) =>
      ndjson
        .trim()
        .split('\n')
        .map((line) => JSON.stringify(withoutRev(JSON.parse(line))))
    expect(strip(await read(second, 'data.ndjson'))).toEqual(strip(await read(archive, 'data.ndjson')))
    const assetMaps = await Promise.all(
      [read(second, 'assets.json'), read(archive, 'assets.json')].map(async (text) =>
        Object.fromEntries(
          Object.entries(JSON.parse(await text)).map(([key, value]) => [
            key,
            withoutRev(value as Record<string, unknown>),
          ]),
        ),
      ),
    )
    expect(assetMaps[0]).toEqual(assetMaps[1])
  })

  test('--drafts includes drafts in the export', async () => {
    const withDrafts = path.join(work, 'with-drafts.tar.gz')
    await lakeCli('export', withDrafts, '--data', path.join(work, 'lake-a'), '--drafts')
    const dir = await mkdtemp(path.join(work, 'drafts-'))
    await extractTar({ file: withDrafts, cwd: dir })
    const ids = (await readFile(path.join(dir, 'with-drafts/data.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)._id)
    expect(ids).toContain('drafts.interview-1')
    expect(ids.some((id: string) => id.startsWith('_.'))).toBe(false)
  })
})

describe('bad import files leave the store unchanged', () => {
  const snapshot = async () => ({
    documents: lake.store.allDocuments('production'),
    files: await filesUnder(path.join(work, 'lake-a', 'assets')),
  })

  async function expectRefused(file: string, message: RegExp, replace = false) {
    const before = await snapshot()
    await expect(importArchive(lake, file, { dataset: 'production', replace })).rejects.toThrow(message)
    expect(await snapshot()).toEqual(before)
  }

  async function ndjsonFile(name: string, lines: string[]): Promise<string> {
    const folder = await mkdtemp(path.join(work, 'bad-'))
    await writeFile(
      path.join(folder, 'photo.jpg'),
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#abcdef' } })
        .jpeg()
        .toBuffer(),
    )
    await writeFile(path.join(folder, 'notes.txt'), 'plain text, not pixels')
    const file = path.join(folder, name)
    await writeFile(file, lines.join('\n'))
    return file
  }

  test('random bytes are not an export', async () => {
    const file = path.join(work, 'random.bin')
    await writeFile(file, Buffer.from([0x00, 0x13, 0x37, 0xfe, 0xff, 0x00, 0x99, 0x42, 0x10]))
    await expectRefused(file, /is not a Sanity export: it is neither a \.tar\.gz archive nor NDJSON text/)
  })

  test('a .tar.gz without data.ndjson is not an export', async () => {
    const folder = await mkdtemp(path.join(work, 'tar-'))
    await mkdir(path.join(folder, 'stuff'))
    await writeFile(path.join(folder, 'stuff', 'readme.txt'), 'hello')
    const file = path.join(work, 'no-data.tar.gz')
    await createTar({ gzip: true, file, cwd: folder }, ['stuff'])
    await expectRefused(file, /holds no data\.ndjson, so it is not a Sanity export/)
  })

  test('a truncated .tar.gz is refused as unreadable, wherever it is cut', async () => {
    const whole = await readFile(path.join(work, 'production-export.tar.gz'))
    for (const share of [0.1, 0.5, 0.9, 0.99]) {
      const file = path.join(work, `truncated-${share}.tar.gz`)
      await writeFile(file, whole.subarray(0, Math.floor(whole.length * share)))
      await expectRefused(file, /is not a readable \.tar\.gz archive: zlib: unexpected end of file/)
    }
  })

  test('an archive whose entries climb out with ".." is refused and writes nothing outside its folder', async () => {
    const folder = await mkdtemp(path.join(work, 'climb-'))
    await mkdir(path.join(folder, 'inner', 'export'), { recursive: true })
    await writeFile(path.join(folder, 'inner', 'export', 'data.ndjson'), '{"_id":"t1","_type":"topic"}\n')
    await writeFile(path.join(folder, 'escaped.txt'), 'outside')
    const file = path.join(work, 'climb.tar.gz')
    await createTar({ gzip: true, file, cwd: path.join(folder, 'inner'), preservePaths: true }, [
      'export',
      '../escaped.txt',
    ])
    await expectRefused(file, /is not a readable \.tar\.gz archive: .*(\.\.|path)/i)
    // Imports unpack into a fresh folder under the temp dir; "../escaped.txt" would have landed beside it.
    expect(existsSync(path.join(tmpdir(), 'escaped.txt'))).toBe(false)
  })

  test('a malformed line names its line number', async () => {
    const file = await ndjsonFile('broken.ndjson', [
      '{"_id":"ok-1","_type":"topic"}',
      '{"_id":"ok-2","_type":"topic"}',
      '{"_id": "broken", "_type": ',
    ])
    await expectRefused(file, /Line 3 of broken\.ndjson is not valid JSON/)
  })

  test('a document without _type, and a malformed _id, are refused by line', async () => {
    await expectRefused(await ndjsonFile('a.ndjson', ['{"_id":"topic-x"}']), /Line 1 of a\.ndjson has no _type/)
    await expectRefused(
      await ndjsonFile('b.ndjson', ['{"_id":"topic-y","_type":"topic"}', '{"_id":"bad id!","_type":"topic"}']),
      /Line 2 of b\.ndjson has a malformed _id/,
    )
  })

  test('an existing id aborts the whole import unless --replace, which replaces it', async () => {
    const file = await ndjsonFile('existing.ndjson', [
      '{"_id":"topic-new","_type":"topic","title":"New"}',
      '{"_id":"siteSettings","_type":"siteSettings","title":"Replaced"}',
    ])
    await expectRefused(file, /1 document\(s\) already exist in dataset "production" \(siteSettings\); use --replace/)
    expect(lake.store.getDocument('production', 'topic-new')).toBeNull()
    await importArchive(lake, file, { dataset: 'production', replace: true })
    expect(lake.store.getDocument('production', 'siteSettings')).toMatchObject({ title: 'Replaced' })
    expect(lake.store.getDocument('production', 'topic-new')).toMatchObject({ title: 'New' })
  })

  test('an asset at an http(s) URL is refused, since the lake does not download', async () => {
    const file = await ndjsonFile('remote.ndjson', [
      '{"_id":"person-remote","_type":"person","photo":{"_type":"image","_sanityAsset":"image@https://cdn.sanity.io/images/abc/production/x-10x10.jpg"}}',
    ])
    await expectRefused(
      file,
      /Line 1 \(document "person-remote"\): the asset .* is a URL, and the lake does not download anything/,
    )
  })

  test('asset paths outside the import folder, missing files and non-images are refused', async () => {
    await expectRefused(
      await ndjsonFile('escape.ndjson', [
        '{"_id":"p1","_type":"person","photo":{"_sanityAsset":"image@file://./../../etc/passwd"}}',
      ]),
      /points outside the folder/,
    )
    await expectRefused(
      await ndjsonFile('missing.ndjson', [
        '{"_id":"p2","_type":"person","photo":{"_sanityAsset":"image@file://./nope.jpg"}}',
      ]),
      /is missing/,
    )
    await expectRefused(
      await ndjsonFile('text.ndjson', [
        '{"_id":"p3","_type":"person","photo":{"_sanityAsset":"image@file://./photo.jpg"}}',
        '{"_id":"p4","_type":"person","photo":{"_sanityAsset":"image@file://./notes.txt"}}',
      ]),
      /Line 2 \(document "p4"\): the asset .* cannot be stored: The uploaded file is not an image/,
    )
  })

  test('the CLI reports a refused import with its message and a failing exit code', async () => {
    const file = path.join(work, 'random.bin')
    await expect(lakeCli('import', file, '--data', path.join(work, 'lake-c'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a Sanity export/),
    })
  })
})
