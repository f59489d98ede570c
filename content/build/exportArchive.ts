// Writes documents and images as `sanity dataset export` does: <name>/data.ndjson, <name>/assets.json and <name>/images/ in a .tar.gz.
import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { create as createTar } from 'tar'
import type { AssetCollection } from './assetCollection.ts'
import type { ExportDocument } from './documents.ts'

// A fixed timestamp for every entry, so the same content always yields the same archive.
const archiveTime = new Date('2026-11-01T00:00:00.000Z')

export async function writeExportArchive(
  file: string,
  documents: ExportDocument[],
  assets: AssetCollection,
): Promise<{ bytes: number }> {
  const name = path.basename(file).replace(/\.tar\.gz$/, '')
  const staging = await mkdtemp(path.join(tmpdir(), 'parley-sample-'))
  try {
    const root = path.join(staging, name)
    await mkdir(path.join(root, 'images'), { recursive: true })
    const entries = [`${name}/data.ndjson`, `${name}/assets.json`]
    await writeFile(
      path.join(root, 'data.ndjson'),
      documents.map((document) => JSON.stringify(document)).join('\n') + '\n',
    )
    await writeFile(path.join(root, 'assets.json'), JSON.stringify(assets.assetsJson()))
    for (const image of [...assets.images.values()].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
      await writeFile(path.join(root, 'images', image.fileName), image.bytes)
      entries.push(`${name}/images/${image.fileName}`)
    }
    for (const entry of [name, `${name}/images`, ...entries])
      await utimes(path.join(staging, entry), archiveTime, archiveTime)
    const partial = `${file}.partial`
    await createTar({ gzip: true, file: partial, cwd: staging, portable: true, mtime: archiveTime }, entries)
    await rename(partial, file)
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(file))
    return { bytes: size }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
