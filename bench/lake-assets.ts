// Measures the lake's asset pipeline: upload throughput, and a 2000px JPEG → 800px WebP transform, first render vs cached.
// Run: npm run bench:assets [-- --uploads N]
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createClient } from '@sanity/client'
import { createImageUrlBuilder } from '@sanity/image-url'
import sharp from 'sharp'
import { startLake } from '../lake/index.ts'

const uploadsFlag = process.argv.indexOf('--uploads')
const UPLOADS = uploadsFlag > 0 ? Number(process.argv[uploadsFlag + 1]) : 40
const CACHED_RUNS = 30

/** A photo-like JPEG: smooth gradients plus noise, so it compresses like a photograph rather than a flat colour. */
async function photo(width: number, height: number, seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3)
  let state = seed * 2654435761
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) >>> 0
      const noise = (state >>> 24) % 24
      const i = (y * width + x) * 3
      pixels[i] = ((x * 255) / width + noise) & 255
      pixels[i + 1] = ((y * 200) / height + noise + seed) & 255
      pixels[i + 2] = (((x + y) * 120) / (width + height) + noise) & 255
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82 })
    .toBuffer()
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-assets-'))
const lake = await startLake({ port: 0, dataDir })
try {
  const client = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: lake.url,
    token: 'parley-local-write-token',
    useCdn: false,
  })

  // Upload throughput: distinct 1600x1067 photos, one after another, through the real client.
  const images: Buffer[] = []
  for (let i = 0; i < UPLOADS; i++) images.push(await photo(1600, 1067, i + 1))
  const totalBytes = images.reduce((sum, image) => sum + image.length, 0)
  const uploadStart = performance.now()
  for (const [index, image] of images.entries())
    await client.assets.upload('image', image, { filename: `photo-${index}.jpg` })
  const uploadSeconds = (performance.now() - uploadStart) / 1000

  // The same number of other photos, four uploads in flight at a time (as a Studio drop of several files does).
  const parallelImages: Buffer[] = []
  for (let i = 0; i < UPLOADS; i++) parallelImages.push(await photo(1600, 1067, 10_000 + i))
  const parallelStart = performance.now()
  const queue = parallelImages.entries()
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (const [index, image] of queue)
        await client.assets.upload('image', image, { filename: `parallel-${index}.jpg` })
    }),
  )
  const parallelSeconds = (performance.now() - parallelStart) / 1000

  // De-duplicated uploads (same bytes again) skip decoding entirely.
  const dedupeStart = performance.now()
  for (const [index, image] of images.entries())
    await client.assets.upload('image', image, { filename: `again-${index}.jpg` })
  const dedupeSeconds = (performance.now() - dedupeStart) / 1000

  // Transform: a 2000px-wide JPEG to an 800px WebP, first (rendered) and then cached on disk.
  const large = await photo(2000, 1333, 999)
  const asset = await client.assets.upload('image', large, { filename: 'large.jpg' })
  const url = createImageUrlBuilder(client).image(asset).width(800).format('webp').url()
  const firstStart = performance.now()
  const first = await fetch(url)
  const firstBytes = Buffer.from(await first.arrayBuffer())
  const firstMs = performance.now() - firstStart
  const check = await sharp(firstBytes).metadata()
  if (check.format !== 'webp' || check.width !== 800)
    throw new Error(`Unexpected variant: ${check.format} ${check.width}px`)
  const cachedTimes: number[] = []
  for (let i = 0; i < CACHED_RUNS; i++) {
    const start = performance.now()
    await (await fetch(url)).arrayBuffer()
    cachedTimes.push(performance.now() - start)
  }
  const cachedMs = median(cachedTimes)

  const results = {
    uploads: UPLOADS,
    uploadMegabytes: +(totalBytes / 1e6).toFixed(1),
    averageUploadKilobytes: Math.round(totalBytes / UPLOADS / 1000),
    uploadMBperSecond: +(totalBytes / 1e6 / uploadSeconds).toFixed(1),
    uploadsPerSecond: +(UPLOADS / uploadSeconds).toFixed(1),
    parallel4MBperSecond: +(
      parallelImages.reduce((sum, image) => sum + image.length, 0) /
      1e6 /
      parallelSeconds
    ).toFixed(1),
    parallel4UploadsPerSecond: +(UPLOADS / parallelSeconds).toFixed(1),
    duplicateUploadsPerSecond: +(UPLOADS / dedupeSeconds).toFixed(1),
    transform: {
      source: '2000x1333 JPEG',
      output: `800x${check.height} WebP (${firstBytes.length} bytes)`,
      firstMs: +firstMs.toFixed(1),
      cachedMedianMs: +cachedMs.toFixed(2),
      firstOverCached: +(firstMs / cachedMs).toFixed(1),
    },
  }
  console.log(JSON.stringify(results, null, 2))
} finally {
  await lake.close()
  await rm(dataDir, { recursive: true, force: true })
}
