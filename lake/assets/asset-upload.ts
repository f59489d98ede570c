// Stores an uploaded image or file: validates it, keeps its bytes once per sha1, and commits its asset document.
import { createHash, randomBytes } from 'node:crypto'
import { LakeError } from '../http/errors.ts'
import type { SanityDocument } from '../store/store.ts'
import { commitDocumentWrites, type WriterContext } from '../transfer/document-writes.ts'
import {
  buildAssetDocument,
  assetDocumentId,
  type AssetDescription,
  type AssetDocument,
  type AssetLocation,
} from './asset-document.ts'
import type { AssetFileName, AssetFiles, AssetKind } from './asset-files.ts'
import { detectFileType } from './file-type.ts'
import { InvalidImageError, inspectImage } from './image-inspection.ts'

export type UploadInput = {
  kind: AssetKind
  dataset: string
  bytes: Buffer
  description: AssetDescription
  /** The request's Content-Type, if any (a Buffer upload from @sanity/client sends none). */
  declaredType?: string
  identity: string
}

export type UploadContext = WriterContext & { files: AssetFiles; location: Omit<AssetLocation, 'dataset'> }

export type PreparedAsset = { name: AssetFileName; document: AssetDocument; bytes: Buffer }

const invalidUpload = (message: string) => new LakeError(400, 'invalidUpload', message, {}, 'status')

/**
 * Checks and describes an asset without storing anything: an image must decode completely.
 * Shared by uploads and imports, so both refuse the same bad input with the same message.
 */
export async function prepareAsset(
  kind: AssetKind,
  dataset: string,
  bytes: Buffer,
  description: AssetDescription,
  location: Omit<AssetLocation, 'dataset'>,
  declaredType?: string,
): Promise<PreparedAsset> {
  if (bytes.length === 0) throw invalidUpload(`The uploaded ${kind} is empty`)
  const sha1 = createHash('sha1').update(bytes).digest('hex')
  const uploadId = randomBytes(16).toString('base64url').slice(0, 32)
  if (kind === 'image') {
    let image
    try {
      image = await inspectImage(bytes)
    } catch (error) {
      if (error instanceof InvalidImageError) throw invalidUpload(error.message)
      throw error
    }
    const name: AssetFileName = { kind, sha1, width: image.width, height: image.height, extension: image.extension }
    return {
      name,
      bytes,
      document: buildAssetDocument({
        name,
        mimeType: image.mimeType,
        size: bytes.length,
        location: { ...location, dataset },
        uploadId,
        metadata: image.metadata,
        description,
      }),
    }
  }
  const type = detectFileType(bytes, description.originalFilename, declaredType)
  const name: AssetFileName = { kind, sha1, extension: type.extension }
  return {
    name,
    bytes,
    document: buildAssetDocument({
      name,
      mimeType: type.mimeType,
      size: bytes.length,
      location: { ...location, dataset },
      uploadId,
      description,
    }),
  }
}

/** Same sha1 in the same dataset → the asset document that already exists (`created: false`). */
export async function uploadAsset(
  input: UploadInput,
  context: UploadContext,
): Promise<{ document: SanityDocument; created: boolean }> {
  const sha1 = createHash('sha1').update(input.bytes).digest('hex')
  const stored = await context.files.findBySha1(input.dataset, input.kind, sha1)
  if (stored) {
    const existing = context.store.getDocument(input.dataset, assetDocumentId(stored))
    if (existing) return { document: existing, created: false }
  }
  const prepared = await prepareAsset(
    input.kind,
    input.dataset,
    input.bytes,
    input.description,
    context.location,
    input.declaredType,
  )
  await context.files.writeOnce(context.files.originalPath(input.dataset, prepared.name), prepared.bytes)
  const outcome = await commitDocumentWrites(
    context,
    input.dataset,
    [{ document: prepared.document, mode: 'createIfNotExists' }],
    { identity: input.identity },
  )
  const document = outcome.documents[0] as SanityDocument
  return { document, created: outcome.transactionId !== null }
}
