// Imports a Sanity export or NDJSON into a dataset: checks everything first, then stores assets and documents in one transaction.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CommitBus } from '../commits.ts'
import { LakeError } from '../http/errors.ts'
import { documentIdProblem, randomId } from '../mutations/identifiers.ts'
import { AssetFiles, isDatasetName, type AssetFileName } from '../assets/asset-files.ts'
import { prepareAsset, type PreparedAsset } from '../assets/asset-upload.ts'
import type { SanityDocument, Store } from '../store/store.ts'
import { findAssetPointers, parseAssetPointer, toLakeForm } from './asset-references.ts'
import { commitDocumentWrites, type DocumentWrite, type WriterContext } from './document-writes.ts'
import { ImportError, openImportSource, type ImportSource } from './import-source.ts'

export type ImportOptions = {
  store: Store
  /** When importing into a running lake, its bus (so listeners and webhooks see the import) and its write lock. */
  commits?: CommitBus
  writeLock?: WriterContext['writeLock']
  dataDir: string
  dataset: string
  file: string
  /** Replace documents whose ids exist; without it any existing id aborts the import. */
  replace?: boolean
  projectId: string
  /** Base of asset `url`s, e.g. `http://127.0.0.1:3333`. */
  baseUrl: string
  identity?: string
}

export type ImportSummary = { documents: number; assets: number; transactionId: string | null; warnings: string[] }

const MAX_LISTED = 5

type ParsedLine = { document: SanityDocument; line: number }
type ImportedAsset = { name: AssetFileName; document: SanityDocument; sourcePath: string }

function parseDocuments(source: ImportSource, warnings: string[]): ParsedLine[] {
  const parsed: ParsedLine[] = []
  const firstLine = new Map<string, number>()
  const lines = source.ndjson.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const text = (lines[index] as string).trim()
    if (text === '') continue
    const line = index + 1
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new ImportError(
        `Line ${line} of ${source.ndjsonName} is not valid JSON (${(error as Error).message}); nothing was imported`,
      )
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ImportError(
        `Line ${line} of ${source.ndjsonName} is not a JSON object (a document); nothing was imported`,
      )
    const document = value as Record<string, unknown>
    if (typeof document._type !== 'string' || document._type === '')
      throw new ImportError(
        `Line ${line} of ${source.ndjsonName} has no _type; every document needs one. Nothing was imported`,
      )
    if (document._id === undefined) document._id = randomId()
    const id = document._id
    const idProblem = documentIdProblem(id)
    if (idProblem || typeof id !== 'string')
      throw new ImportError(
        `Line ${line} of ${source.ndjsonName} has a malformed _id: ${idProblem}. Nothing was imported`,
      )
    if (id.startsWith('_.')) {
      warnings.push(`Skipped system document "${id}" (line ${line}): system documents are never imported`)
      continue
    }
    const earlier = firstLine.get(id)
    if (earlier !== undefined)
      throw new ImportError(
        `Line ${line} of ${source.ndjsonName} repeats _id "${id}" (first on line ${earlier}); nothing was imported`,
      )
    firstLine.set(id, line)
    parsed.push({ document: document as SanityDocument, line })
  }
  return parsed
}

/** Where a `_sanityAsset` points on disk; URLs are refused because the lake works without a network. */
function resolvePointer(
  raw: string,
  source: ImportSource,
  where: string,
): { kind: 'image' | 'file'; filePath: string } {
  const pointer = parseAssetPointer(raw)
  if (!pointer)
    throw new ImportError(
      `${where}: _sanityAsset ${JSON.stringify(raw)} is not of the form "image@file://…" or "file@file://…"; nothing was imported`,
    )
  if (/^https?:\/\//i.test(pointer.location)) {
    throw new ImportError(
      `${where}: the asset ${JSON.stringify(raw)} is a URL, and the lake does not download anything. Download the file, put it next to the NDJSON and refer to it as "${pointer.kind}@file://./<name>" (or export the dataset with its assets). Nothing was imported`,
    )
  }
  if (!pointer.location.startsWith('file://'))
    throw new ImportError(
      `${where}: the asset ${JSON.stringify(raw)} uses an unsupported scheme (only file:// is read); nothing was imported`,
    )
  let location = pointer.location.slice('file://'.length)
  try {
    location = decodeURIComponent(location)
  } catch {
    // not percent-encoded: use as written
  }
  const absolute = path.isAbsolute(location)
  if (absolute && source.archive)
    throw new ImportError(
      `${where}: the asset ${JSON.stringify(raw)} points outside the archive; exports refer to their assets as file://./images/… . Nothing was imported`,
    )
  const filePath = path.resolve(source.baseDir, location)
  if (!absolute && filePath !== source.baseDir && !filePath.startsWith(source.baseDir + path.sep)) {
    throw new ImportError(
      `${where}: the asset ${JSON.stringify(raw)} points outside the folder of ${source.ndjsonName}; nothing was imported`,
    )
  }
  return { kind: pointer.kind, filePath }
}

export async function importDataset(options: ImportOptions): Promise<ImportSummary> {
  if (!isDatasetName(options.dataset))
    throw new ImportError(`"${options.dataset}" is not a valid dataset name (lowercase letters, digits, "_" and "-")`)
  const source = await openImportSource(options.file)
  try {
    return await importFrom(source, options)
  } finally {
    await source.close()
  }
}

async function importFrom(source: ImportSource, options: ImportOptions): Promise<ImportSummary> {
  const { store, dataset } = options
  const warnings: string[] = []
  const lines = parseDocuments(source, warnings)
  if (lines.length === 0) throw new ImportError(`${source.ndjsonName} holds no documents; nothing was imported`)

  // 1. Every asset the documents point at must exist and be valid before anything is stored.
  const pointers = new Map<string, { kind: 'image' | 'file'; filePath: string; where: string }>()
  for (const { document, line } of lines) {
    for (const raw of findAssetPointers(document)) {
      if (pointers.has(raw)) continue
      const where = `Line ${line} (document "${document._id}")`
      pointers.set(raw, { ...resolvePointer(raw, source, where), where })
    }
  }
  const files = new AssetFiles(options.dataDir)
  const location = { projectId: options.projectId, baseUrl: options.baseUrl }
  // Asset ids by pointer, and one entry per asset id (two files with the same bytes are one asset). Bytes are
  // not kept in memory: they are read again from the source file when stored.
  const assetIdByPointer = new Map<string, string>()
  const byFile = new Map<string, string>()
  const assetsById = new Map<string, ImportedAsset>()
  for (const [raw, pointer] of pointers) {
    const key = `${pointer.kind}:${pointer.filePath}`
    let assetId = byFile.get(key)
    if (!assetId) {
      const bytes = await readFile(pointer.filePath).catch(() => null)
      if (!bytes)
        throw new ImportError(
          `${pointer.where}: the asset file ${JSON.stringify(raw)} is missing; nothing was imported`,
        )
      let asset: PreparedAsset
      try {
        asset = await prepareAsset(
          pointer.kind,
          dataset,
          bytes,
          { originalFilename: path.basename(pointer.filePath) },
          location,
        )
      } catch (error) {
        const reason = error instanceof LakeError ? error.message : String(error)
        throw new ImportError(`${pointer.where}: the asset ${JSON.stringify(raw)} cannot be stored: ${reason}`)
      }
      // assets.json restores what the original asset document said (file name, upload id, dates, extra metadata).
      const meta = source.assetMeta[`${pointer.kind}-${asset.name.sha1}`]
      const computed = asset.document
      const document =
        meta && typeof meta === 'object'
          ? {
              ...computed,
              ...meta,
              _id: computed._id,
              _type: computed._type,
              assetId: computed.assetId,
              extension: computed.extension,
              mimeType: computed.mimeType,
              path: computed.path,
              url: computed.url,
            }
          : computed
      assetId = computed._id
      if (!assetsById.has(assetId))
        assetsById.set(assetId, {
          name: asset.name,
          document: document as SanityDocument,
          sourcePath: pointer.filePath,
        })
      byFile.set(key, assetId)
    }
    assetIdByPointer.set(raw, assetId)
  }

  // 2. Existing ids abort the import unless --replace.
  const documents = lines.map(
    ({ document }) => toLakeForm(document, (raw) => assetIdByPointer.get(raw) as string) as SanityDocument,
  )
  if (!options.replace) {
    const existing = store.getDocuments(
      dataset,
      documents.map((document) => document._id),
    )
    if (existing.size > 0) {
      const ids = [...existing.keys()]
      throw new ImportError(
        `${ids.length} document(s) already exist in dataset "${dataset}" (${ids.slice(0, MAX_LISTED).join(', ')}${ids.length > MAX_LISTED ? ', …' : ''}); use --replace to overwrite them. Nothing was imported`,
      )
    }
  }

  // 3. Bytes first (content-addressed, harmless if the transaction fails; removed again then), then one transaction.
  const documentIds = new Set(documents.map((document) => document._id))
  const assets = [...assetsById.values()].filter((asset) => !documentIds.has(asset.document._id))
  const written: string[] = []
  try {
    for (const asset of assets) {
      const target = files.originalPath(dataset, asset.name)
      const bytes = await readFile(asset.sourcePath)
      if (createHash('sha1').update(bytes).digest('hex') !== asset.name.sha1)
        throw new ImportError(
          `The asset file ${asset.sourcePath} changed while it was being imported; nothing was imported`,
        )
      if (await files.writeOnce(target, bytes)) written.push(target)
    }
    const writes: DocumentWrite[] = [
      ...assets.map((asset) => ({
        document: asset.document,
        mode: options.replace ? ('createOrReplace' as const) : ('createIfNotExists' as const),
      })),
      ...documents.map((document) => ({
        document,
        mode: options.replace ? ('createOrReplace' as const) : ('create' as const),
      })),
    ]
    const outcome = await commitDocumentWrites(
      { store, commits: options.commits, writeLock: options.writeLock },
      dataset,
      writes,
      { identity: options.identity ?? 'parley-import', keepTimestamps: true },
    )
    return { documents: documents.length, assets: assets.length, transactionId: outcome.transactionId, warnings }
  } catch (error) {
    for (const target of written) await files.remove(target)
    throw error
  }
}
