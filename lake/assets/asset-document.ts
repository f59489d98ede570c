// Builds asset documents (`sanity.imageAsset`, `sanity.fileAsset`) in exactly the shape Sanity stores them.
import { formatAssetFileName, type AssetFileName } from './asset-files.ts'
import type { ImageMetadata } from './image-inspection.ts'

export type AssetDocument = {
  _id: string
  _type: 'sanity.imageAsset' | 'sanity.fileAsset'
  assetId: string
  sha1hash: string
  extension: string
  mimeType: string
  size: number
  originalFilename?: string
  path: string
  url: string
  uploadId?: string
  metadata?: ImageMetadata
  label?: string
  title?: string
  description?: string
  creditLine?: string
  source?: { id?: string; name?: string; url?: string }
  [field: string]: unknown
}

/** What the uploader may say about an asset (the query parameters of Sanity's upload endpoint). */
export type AssetDescription = {
  originalFilename?: string
  label?: string
  title?: string
  description?: string
  creditLine?: string
  source?: { id?: string; name?: string; url?: string }
}

export type AssetLocation = { projectId: string; dataset: string; baseUrl: string }

/** `image-{sha1}-{w}x{h}-{ext}` or `file-{sha1}-{ext}`: the id says everything needed to build the URL. */
export function assetDocumentId(name: AssetFileName): string {
  return name.kind === 'image'
    ? `image-${name.sha1}-${name.width}x${name.height}-${name.extension}`
    : `file-${name.sha1}-${name.extension}`
}

/** Reads an asset id back into its file name, or null for anything that is not a modern asset id. */
export function parseAssetDocumentId(id: string): AssetFileName | null {
  const image = /^image-([a-f0-9]{40})-(\d+)x(\d+)-([a-z0-9]+)$/.exec(id)
  if (image)
    return {
      kind: 'image',
      sha1: image[1] as string,
      width: Number(image[2]),
      height: Number(image[3]),
      extension: image[4] as string,
    }
  const file = /^file-([a-f0-9]{40})-([a-z0-9]+)$/.exec(id)
  return file ? { kind: 'file', sha1: file[1] as string, extension: file[2] as string } : null
}

/** The path Sanity records (`images/{project}/{dataset}/{name}`) and the URL it is served at. */
export function assetPathAndUrl(name: AssetFileName, location: AssetLocation): { path: string; url: string } {
  const assetPath = `${name.kind}s/${location.projectId}/${location.dataset}/${formatAssetFileName(name)}`
  return { path: assetPath, url: `${location.baseUrl.replace(/\/+$/, '')}/${assetPath}` }
}

export function buildAssetDocument(input: {
  name: AssetFileName
  mimeType: string
  size: number
  location: AssetLocation
  uploadId: string
  metadata?: ImageMetadata
  description: AssetDescription
}): AssetDocument {
  const { name, location, description } = input
  const document: AssetDocument = {
    _id: assetDocumentId(name),
    _type: name.kind === 'image' ? 'sanity.imageAsset' : 'sanity.fileAsset',
    assetId: name.sha1,
    sha1hash: name.sha1,
    extension: name.extension,
    mimeType: input.mimeType,
    size: input.size,
    ...assetPathAndUrl(name, location),
    uploadId: input.uploadId,
  }
  if (description.originalFilename) document.originalFilename = description.originalFilename
  if (input.metadata) document.metadata = input.metadata
  for (const field of ['label', 'title', 'description', 'creditLine'] as const) {
    if (description[field]) document[field] = description[field]
  }
  if (description.source && Object.values(description.source).some(Boolean)) {
    document.source = Object.fromEntries(
      Object.entries(description.source).filter(([, value]) => value),
    ) as AssetDocument['source']
  }
  return document
}
