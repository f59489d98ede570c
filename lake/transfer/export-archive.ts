// Writes a dataset as `sanity dataset export` does: a .tar.gz with data.ndjson, assets.json, images/ and files/.
import { isDraftId, isVersionId } from '../document-ids.ts'
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { create as createTar } from 'tar'
import { parseAssetDocumentId } from '../assets/asset-document.ts'
import { AssetFiles, formatAssetFileName } from '../assets/asset-files.ts'
import type { SanityDocument, Store } from '../store/store.ts'
import { toExportForm } from './asset-references.ts'

export type ExportOptions = {
  store: Store
  dataDir: string
  dataset: string
  /** The .tar.gz to write; written to a temporary name first, so a failed export leaves no half file. */
  file: string
  /** Drafts and release versions are left out unless asked for, as with `sanity dataset export --no-drafts`. */
  includeDrafts?: boolean
}

export type ExportSummary = { documents: number; assets: number; file: string }

// What `sanity dataset export` leaves out of assets.json: everything the importer recomputes from the bytes.
const recomputedFields = new Set(['_id', '_type', 'assetId', 'extension', 'mimeType', 'path', 'url'])

const isAssetDocument = (document: SanityDocument) =>
  document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset'

/** Which documents an export holds: never system documents (`_.`), drafts and versions only when asked. */
export function isExported(id: string, includeDrafts: boolean): boolean {
  if (id.startsWith('_.')) return false
  if (isDraftId(id) || isVersionId(id)) return includeDrafts
  return true
}

export async function exportDataset(options: ExportOptions): Promise<ExportSummary> {
  const { store, dataset } = options
  if (!store.hasDataset(dataset))
    throw new Error(
      `Dataset "${dataset}" does not exist in this lake (it has: ${store.listDatasets().join(', ') || 'no datasets'})`,
    )
  const files = new AssetFiles(options.dataDir)
  const documents = store
    .allDocuments(dataset)
    .filter((document) => isExported(document._id, options.includeDrafts ?? false))
  const assets = documents.filter(isAssetDocument)
  const exportedAssetIds = new Set(assets.map((asset) => asset._id))

  const archiveName =
    path
      .basename(options.file)
      .replace(/\.(tar\.gz|tgz)$/i, '')
      .replace(/[^\w.-]/g, '_') || `${dataset}-export`
  const staging = await mkdtemp(path.join(tmpdir(), 'parley-export-'))
  const root = path.join(staging, archiveName)
  try {
    await mkdir(path.join(root, 'images'), { recursive: true })
    await mkdir(path.join(root, 'files'), { recursive: true })
    const assetMap: Record<string, Record<string, unknown>> = {}
    for (const asset of assets) {
      const name = parseAssetDocumentId(asset._id)
      if (!name)
        throw new Error(
          `Asset document "${asset._id}" does not have an id of the form image-<sha1>-<w>x<h>-<ext> / file-<sha1>-<ext>; cannot export its bytes`,
        )
      const source = files.originalPath(dataset, name)
      if (!(await files.exists(source)))
        throw new Error(`The bytes of asset "${asset._id}" are missing (expected at ${source}); nothing was exported`)
      await copyFile(source, path.join(root, `${name.kind}s`, formatAssetFileName(name)))
      assetMap[`${name.kind}-${name.sha1}`] = Object.fromEntries(
        Object.entries(asset).filter(([key]) => !recomputedFields.has(key)),
      )
    }
    const lines = documents
      .filter((document) => !isAssetDocument(document))
      .map((document) => JSON.stringify(toExportForm(document, exportedAssetIds)))
    await writeFile(path.join(root, 'data.ndjson'), lines.length > 0 ? `${lines.join('\n')}\n` : '')
    await writeFile(path.join(root, 'assets.json'), JSON.stringify(assetMap))

    const target = path.resolve(options.file)
    await mkdir(path.dirname(target), { recursive: true })
    const partial = `${target}.partial`
    await createTar({ gzip: true, file: partial, cwd: staging, portable: true }, [archiveName])
    await rename(partial, target)
    return { documents: lines.length, assets: assets.length, file: target }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
