// Assets end to end: the real @sanity/client uploads, @sanity/image-url builds the URLs, sharp checks the bytes.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { crc32, deflateSync } from 'node:zlib'
import path from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { createImageUrlBuilder } from '@sanity/image-url'
import sharp from 'sharp'
import { startLake, type Lake } from '../../lake/index.ts'

const WRITE_TOKEN = 'parley-local-write-token'
const READ_TOKEN = 'parley-local-read-token'

let lake: Lake
let dataDir: string
let client: SanityClient

/** A photo-like JPEG: a gradient, so resizing and palettes have real work to do. */
async function gradientJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      pixels[i] = Math.round((x / width) * 255)
      pixels[i + 1] = Math.round((y / height) * 200)
      pixels[i + 2] = 90
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer()
}

async function allFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
  } catch {
    return []
  }
}

/** What a bad request must leave untouched: every document and every stored asset file. */
async function snapshot() {
  return { documents: lake.store.allDocuments('production'), files: await allFiles(path.join(dataDir, 'assets')) }
}

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex')

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-assets-'))
  lake = await startLake({ port: 0, dataDir, durability: 'normal' })
  client = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: lake.url,
    token: WRITE_TOKEN,
    useCdn: false,
  })
})

afterAll(async () => {
  await lake.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('image upload', () => {
  let photo: Buffer
  let document: Awaited<ReturnType<SanityClient['assets']['upload']>>

  beforeAll(async () => {
    photo = await gradientJpeg(1200, 800)
  })

  test("stores a Buffer upload as a sanity.imageAsset in Sanity's shape, with metadata computed from the pixels", async () => {
    const committed: string[] = []
    const stop = lake.onCommit(
      (transaction) => void committed.push(...transaction.documents.map((change) => change.id)),
    )
    document = await client.assets.upload('image', photo, { filename: 'gradient.jpg' })
    const hash = sha1(photo)
    expect(document).toMatchObject({
      _id: `image-${hash}-1200x800-jpg`,
      _type: 'sanity.imageAsset',
      assetId: hash,
      sha1hash: hash,
      extension: 'jpg',
      mimeType: 'image/jpeg',
      size: photo.length,
      originalFilename: 'gradient.jpg',
      path: `images/parley/production/${hash}-1200x800.jpg`,
      url: `${lake.url}/images/parley/production/${hash}-1200x800.jpg`,
      metadata: { dimensions: { width: 1200, height: 800, aspectRatio: 1.5 }, hasAlpha: false, isOpaque: true },
    })
    expect(typeof document._rev).toBe('string')
    expect(typeof document._createdAt).toBe('string')
    const lqip = document.metadata.lqip as string
    expect(lqip).toMatch(/^data:image\/jpeg;base64,/)
    const lqipInfo = await sharp(Buffer.from(lqip.split(',')[1] as string, 'base64')).metadata()
    expect([lqipInfo.format, lqipInfo.width, lqipInfo.height]).toEqual(['jpeg', 20, 13])
    const palette = document.metadata.palette as Record<
      string,
      { background: string; foreground: string; population: number }
    >
    expect(palette.dominant?.background).toMatch(/^#[0-9a-f]{6}$/)
    expect(['#fff', '#000']).toContain(palette.dominant?.foreground)
    // Every swatch Sanity's palette has is there, each in the swatch shape.
    expect(Object.keys(palette).sort()).toEqual([
      '_type',
      'darkMuted',
      'darkVibrant',
      'dominant',
      'lightMuted',
      'lightVibrant',
      'muted',
      'vibrant',
    ])
    for (const name of ['darkMuted', 'darkVibrant', 'dominant', 'lightMuted', 'lightVibrant', 'muted', 'vibrant']) {
      expect(palette[name]).toMatchObject({
        _type: 'sanity.imagePaletteSwatch',
        background: expect.stringMatching(/^#[0-9a-f]{6}$/),
        title: expect.stringMatching(/^#(fff|000)$/),
      })
    }
    // Committed as a transaction: the stored document is the answered one, and commit listeners saw it.
    expect(lake.store.getDocument('production', document._id)).toEqual(document)
    await new Promise((resolve) => setTimeout(resolve, 20))
    stop()
    expect(committed).toEqual([document._id])
    // The Studio looks an asset up by sha1hash before uploading: the document answers GROQ like any other.
    expect(await client.fetch('*[_type == "sanity.imageAsset" && sha1hash == $hash][0]._id', { hash })).toBe(
      document._id,
    )
  })

  test('serves resized variants at the URLs @sanity/image-url builds, with the requested size and format', async () => {
    const builder = createImageUrlBuilder(client)
    const cases: Array<{ url: string; accept?: string; expected: [string, number, number] }> = [
      { url: builder.image(document).width(800).format('webp').url(), expected: ['webp', 800, 533] },
      { url: builder.image(document).width(300).height(300).fit('crop').url(), expected: ['jpeg', 300, 300] },
      // With both sizes image-url itself crops to the aspect ratio (rect=…); ignoreImageParams leaves fitting to the lake.
      { url: builder.image(document).width(400).height(400).fit('clip').url(), expected: ['jpeg', 400, 400] },
      {
        url: builder.image(document).ignoreImageParams().width(400).height(400).fit('clip').url(),
        expected: ['jpeg', 400, 267],
      },
      {
        url: builder.image(document).ignoreImageParams().width(400).height(400).fit('fillmax').bg('fff').url(),
        expected: ['jpeg', 400, 400],
      },
      {
        url: builder
          .image(document)
          .ignoreImageParams()
          .width(400)
          .height(100)
          .fit('crop')
          .crop('focalpoint')
          .focalPoint(0.9, 0.1)
          .url(),
        expected: ['jpeg', 400, 100],
      },
      {
        url: builder.image(document).ignoreImageParams().width(3000).height(100).fit('min').url(),
        expected: ['jpeg', 1200, 40],
      },
      {
        url: builder.image(document).width(400).height(400).fit('fill').bg('ff0000').format('png').url(),
        expected: ['png', 400, 400],
      },
      { url: builder.image(document).width(5000).fit('max').url(), expected: ['jpeg', 1200, 800] },
      { url: builder.image(document).width(200).dpr(2).url(), expected: ['jpeg', 400, 267] },
      { url: builder.image(document).rect(100, 100, 400, 200).width(200).url(), expected: ['jpeg', 200, 100] },
      {
        url: builder.image(document).width(160).auto('format').url(),
        accept: 'image/avif,image/webp,*/*',
        expected: ['heif', 160, 107],
      },
      {
        url: builder.image(document).width(160).auto('format').url(),
        accept: 'image/webp,*/*',
        expected: ['webp', 160, 107],
      },
      {
        url: builder.image(document).width(160).auto('format').url(),
        accept: 'image/jpeg',
        expected: ['jpeg', 160, 107],
      },
      { url: builder.image(document).width(120).quality(30).format('jpg').url(), expected: ['jpeg', 120, 80] },
    ]
    for (const { url, accept, expected } of cases) {
      expect(url.startsWith(`${lake.url}/images/parley/production/`)).toBe(true)
      const response = await fetch(url, { headers: accept ? { accept } : {} })
      expect(response.status).toBe(200)
      const bytes = Buffer.from(await response.arrayBuffer())
      const info = await sharp(bytes).metadata()
      expect([info.format, info.width, info.height]).toEqual(expected)
      expect(response.headers.get('content-type')).toBe(`image/${expected[0] === 'heif' ? 'avif' : expected[0]}`)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      if (url.includes('auto=format')) expect(response.headers.get('vary')).toMatch(/Accept/)
    }
  })

  test('serves the original bytes unchanged, anonymously, and answers HEAD with the same headers and no body', async () => {
    const response = await fetch(document.url)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    const head = await fetch(document.url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(photo.length))
    expect(head.headers.get('etag')).toBe(response.headers.get('etag'))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
  })

  test('answers 304 to If-None-Match with the strong ETag, and keeps rendered variants on disk', async () => {
    const url = createImageUrlBuilder(client).image(document).width(640).format('webp').url()
    const first = await fetch(url)
    const etag = first.headers.get('etag') as string
    expect(etag).toMatch(/^"[a-f0-9-]+"$/)
    await first.arrayBuffer()
    const again = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    const other = await fetch(url, { headers: { 'if-none-match': '"something-else"' } })
    expect(other.status).toBe(200)
    await other.arrayBuffer()
    const variants = await allFiles(path.join(dataDir, 'assets', 'production', 'variants', sha1(photo)))
    expect(variants.some((file) => file.endsWith('.webp'))).toBe(true)
  })

  test('answers a burst of requests for one new variant with identical bytes, and many different sizes at once', async () => {
    const builder = createImageUrlBuilder(client)
    const same = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(builder.image(document).width(333).format('png').url()).then(async (response) => ({
          etag: response.headers.get('etag'),
          bytes: Buffer.from(await response.arrayBuffer()),
        })),
      ),
    )
    expect(new Set(same.map((answer) => answer.etag)).size).toBe(1)
    expect(same.every((answer) => answer.bytes.equals(same[0]!.bytes))).toBe(true)
    const sizes = Array.from({ length: 12 }, (_, i) => 50 + i * 10)
    const widths = await Promise.all(
      sizes.map(
        async (width) =>
          (
            await sharp(
              Buffer.from(await (await fetch(builder.image(document).width(width).url())).arrayBuffer()),
            ).metadata()
          ).width,
      ),
    )
    expect(widths).toEqual(sizes)
  })

  test('returns the existing asset document when the same bytes are uploaded again', async () => {
    const before = await snapshot()
    const again = await client.assets.upload('image', photo, { filename: 'another-name.jpg' })
    expect(again).toEqual(document)
    expect(await snapshot()).toEqual(before)
  })

  test('uploads a PNG with transparency and reports alpha, a PNG lqip and the format', async () => {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 4, background: { r: 10, g: 120, b: 220, alpha: 0.4 } },
    })
      .png()
      .toBuffer()
    const asset = await client.assets.upload('image', png)
    expect(asset._id).toBe(`image-${sha1(png)}-64x48-png`)
    expect(asset.metadata).toMatchObject({ hasAlpha: true, isOpaque: false })
    expect(asset.metadata.lqip).toMatch(/^data:image\/png;base64,/)
  })
})

describe('asset lifecycle', () => {
  test('deleting the asset document takes its URL offline; uploading the bytes again brings it back', async () => {
    const image = await gradientJpeg(90, 60)
    const asset = await client.assets.upload('image', image)
    expect((await fetch(asset.url)).status).toBe(200)
    await client.delete(asset._id)
    const gone = await fetch(asset.url)
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as { message: string }).message).toMatch(/does not exist/)
    expect((await fetch(`${asset.url}?w=10`)).status).toBe(404)
    const again = await client.assets.upload('image', image)
    expect(again._id).toBe(asset._id)
    expect((await fetch(asset.url)).status).toBe(200)
  })

  test('an upload declaring more than 50 MiB is refused with 413 before its body is read', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: lake.port,
          method: 'POST',
          path: '/v2025-02-19/assets/files/production',
          headers: { authorization: `Bearer ${WRITE_TOKEN}`, 'content-length': String(60 * 1024 * 1024) },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.write(Buffer.alloc(1024))
    })
    expect(status).toBe(413)
  })
})

describe('file upload', () => {
  test('stores a file asset with a sniffed type and serves its bytes at /files/', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    const asset = await client.assets.upload('file', pdf, { filename: 'guide.pdf' })
    const hash = sha1(pdf)
    expect(asset).toMatchObject({
      _id: `file-${hash}-pdf`,
      _type: 'sanity.fileAsset',
      extension: 'pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
      path: `files/parley/production/${hash}.pdf`,
      url: `${lake.url}/files/parley/production/${hash}.pdf`,
      originalFilename: 'guide.pdf',
    })
    const response = await fetch(asset.url)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true)
    const download = await fetch(`${asset.url}?dl=guide.pdf`)
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="guide.pdf"')
  })
})

describe('bad input leaves the store unchanged', () => {
  const expectRefused = async (request: Promise<Response>, status: number, message: RegExp) => {
    const before = await snapshot()
    const response = await request
    expect(response.status).toBe(status)
    const body = (await response.json()) as { message?: string; error?: { description?: string } }
    expect(body.message ?? body.error?.description).toMatch(message)
    expect(await snapshot()).toEqual(before)
  }
  const post = (kind: string, bytes: Buffer, token: string | null = WRITE_TOKEN) =>
    fetch(`${lake.url}/v2025-02-19/assets/${kind}/production`, {
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  test('a text file posted as an image is a 400 that says it is not an image', async () => {
    await expectRefused(post('images', Buffer.from('just some words, not pixels')), 400, /not an image/)
  })

  test('a truncated JPEG is a 400 that says it is truncated', async () => {
    const photo = await gradientJpeg(400, 300)
    await expectRefused(post('images', photo.subarray(0, Math.floor(photo.length / 2))), 400, /truncated or corrupt/)
  })

  test('an image claiming more than 100 million pixels is a 400 that gives its size', async () => {
    // Only the header matters: a PNG whose IHDR claims 12000x10000 (a few dozen bytes, hardly any pixel data).
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
      const length = Buffer.alloc(4)
      length.writeUInt32BE(data.length)
      const crc = Buffer.alloc(4)
      crc.writeUInt32BE(crc32(body))
      return Buffer.concat([length, body, crc])
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(12000, 0)
    header.writeUInt32BE(10000, 4)
    header.set([8, 2, 0, 0, 0], 8)
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(64))),
      chunk('IEND', Buffer.alloc(0)),
    ])
    await expectRefused(post('images', bomb), 400, /12000x10000 pixels; images may have at most 100000000 pixels/)
  })

  test('an empty body is a 400', async () => {
    await expectRefused(post('files', Buffer.alloc(0)), 400, /empty/)
  })

  test('uploads without a token or with the read token are refused', async () => {
    const photo = await gradientJpeg(20, 20)
    await expectRefused(post('images', photo, null), 401, /write access/)
    await expectRefused(post('images', photo, READ_TOKEN), 403, /write token/)
  })

  test("absurd transform sizes and malformed parameters are 400s in Sanity's error shape", async () => {
    const photo = await gradientJpeg(100, 100)
    const asset = await client.assets.upload('image', photo)
    await expectRefused(fetch(`${asset.url}?w=20000`), 400, /"w" must be a whole number from 1 to 8192/)
    await expectRefused(
      fetch(`${asset.url}?w=8000&h=8000&fit=scale`),
      400,
      /limit is 8192 pixels a side and 40000000 pixels/,
    )
    await expectRefused(fetch(`${asset.url}?w=3000&dpr=3`), 400, /would be 9000x9000/)
    await expectRefused(fetch(`${asset.url}?fm=bmp`), 400, /"fm" must be one of/)
    await expectRefused(fetch(`${asset.url}?rect=50,50,100,100`), 400, /reaches outside/)
    await expectRefused(fetch(`${asset.url}?fit=stretch`), 400, /"fit" must be one of/)
  })

  test('paths that try to leave the asset folder are refused', async () => {
    const { port } = lake
    const raw = (rawPath: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        // fetch() would normalise the dots away before sending; a raw request sends the path as written.
        import('node:http').then(({ request }) => {
          const req = request({ host: '127.0.0.1', port, path: rawPath }, (res) => {
            let body = ''
            res.on('data', (chunk) => (body += chunk))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          })
          req.on('error', reject)
          req.end()
        })
      })
    for (const attempt of [
      '/images/parley/production/../../lake.sqlite',
      '/images/parley/production/%2e%2e/%2e%2e/lake.sqlite',
      '/images/parley/%2E%2E/production/x.jpg',
      '/files/parley/production/..%2f..%2flake.sqlite',
      '/files/parley/production/%2fetc%2fpasswd',
      '/files//etc/passwd',
      '/images/parley/production/..\\..\\lake.sqlite',
    ]) {
      const { status, body } = await raw(attempt)
      expect([400, 404]).toContain(status)
      expect(body).not.toContain('SQLite')
    }
    expect((await raw('/images/parley/production/../../lake.sqlite')).status).toBe(400)
    expect(
      (await raw('/images/other-project/production/0000000000000000000000000000000000000000-1x1.jpg')).status,
    ).toBe(404)
  })
})

describe('assets over the browser listener (HTTPS + HTTP/2)', () => {
  test('uploads and serves resized images over HTTP/2, with asset URLs on the TLS origin', async () => {
    const tlsDir = await mkdtemp(path.join(tmpdir(), 'parley-assets-tls-'))
    const tlsLake = await startLake({ port: 0, tlsPort: 0, dataDir: tlsDir, durability: 'normal' })
    const { connect } = await import('node:http2')
    const session = connect(`https://localhost:${tlsLake.tlsPort}`, { rejectUnauthorized: false })
    const exchange = (headers: Record<string, string>, body?: Buffer) =>
      new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
        const stream = session.request(headers)
        const chunks: Buffer[] = []
        let received: Record<string, unknown> = {}
        stream.on('response', (responseHeaders) => (received = responseHeaders))
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () =>
          resolve({ status: Number(received[':status']), headers: received, bytes: Buffer.concat(chunks) }),
        )
        stream.on('error', reject)
        stream.end(body)
      })
    try {
      const image = await gradientJpeg(300, 200)
      const upload = await exchange(
        {
          ':method': 'POST',
          ':path': '/v2025-02-19/assets/images/production?filename=h2.jpg',
          authorization: `Bearer ${WRITE_TOKEN}`,
        },
        image,
      )
      expect(upload.status).toBe(201)
      const { document } = JSON.parse(upload.bytes.toString('utf8'))
      expect(document.url).toBe(
        `https://localhost:${tlsLake.tlsPort}/images/parley/production/${sha1(image)}-300x200.jpg`,
      )
      const variant = await exchange({ ':method': 'GET', ':path': `${new URL(document.url).pathname}?w=120&fm=webp` })
      expect(variant.status).toBe(200)
      const info = await sharp(variant.bytes).metadata()
      expect([info.format, info.width, info.height]).toEqual(['webp', 120, 80])
    } finally {
      session.close()
      await tlsLake.close()
      await rm(tlsDir, { recursive: true, force: true })
    }
  })
})
