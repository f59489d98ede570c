// Answers GET/HEAD for asset bytes: originals as stored, image variants rendered once and then served from disk.
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { LakeError, notFound } from '../http/errors.ts'
import { assetDocumentId } from './asset-document.ts'
import { AssetFiles, isDatasetName, parseAssetFileName, type AssetFileName, type AssetKind } from './asset-files.ts'
import { mimeTypeForExtension } from './file-type.ts'
import { chooseOutputFormat, contentTypes, renderVariant } from './image-transform.ts'
import { RenderQueue } from './render-queue.ts'
import { isIdentity, parseImageTransform, type ImageTransform, type OutputFormat } from './transform-params.ts'

export type AssetRequest = {
  kind: AssetKind
  /** Path segments after `/images/` or `/files/`: project, dataset, file name, and an optional vanity name. */
  segments: string[]
  search: URLSearchParams
  accept?: string
  ifNoneMatch?: string
}

/** The answer: a status, headers, and the bytes (absent for 304). HEAD uses the same answer without the body. */
export type AssetAnswer = { status: 200 | 304; headers: Record<string, string>; body?: Buffer }

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable'

/**
 * Asset bytes come from the lake's own origin, which also serves the Studio: never let an uploaded
 * HTML or SVG file run script there.
 */
const safetyHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
}

/** Rejects `..`, encoded dots and slashes, backslashes and NUL in the raw request path before any decoding. */
export function assertSafeAssetPath(rawPath: string): void {
  const path = rawPath.split('?')[0] ?? ''
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path) || /%2f|%5c|%00|\\|\0/i.test(path)) {
    throw new LakeError(
      400,
      'invalidAssetPath',
      'Asset paths may not contain "..", "." or encoded slashes',
      {},
      'status',
    )
  }
}

/** How delivery learns whether an asset still exists (its document) and what type it was uploaded as. */
export type AssetDocumentLookup = (dataset: string, id: string) => Record<string, unknown> | null

export class AssetDelivery {
  readonly files: AssetFiles
  readonly projectId: string
  readonly lookup: AssetDocumentLookup
  /** Renders in progress, so concurrent requests for the same variant share one render. */
  #rendering = new Map<string, Promise<Buffer>>()
  #queue = new RenderQueue()

  constructor(files: AssetFiles, projectId: string, lookup: AssetDocumentLookup) {
    this.files = files
    this.projectId = projectId
    this.lookup = lookup
  }

  async answer(request: AssetRequest): Promise<AssetAnswer> {
    const [projectId, dataset, fileName, vanity, ...extra] = request.segments
    const name =
      projectId === this.projectId &&
      dataset &&
      isDatasetName(dataset) &&
      fileName &&
      extra.length === 0 &&
      (vanity === undefined || /^[\w.-]+$/.test(vanity))
        ? parseAssetFileName(request.kind, fileName)
        : null
    if (!name || !dataset) throw notFound(`No ${request.kind} asset at this path`)
    const originalPath = this.files.originalPath(dataset, name)
    // As on Sanity, deleting the asset document takes the asset offline (its bytes stay for a re-upload).
    const document = this.lookup(dataset, assetDocumentId(name))
    if (!document || !(await this.files.exists(originalPath)))
      throw notFound(
        `${request.kind === 'image' ? 'Image' : 'File'} ${fileName} does not exist in dataset "${dataset}"`,
      )
    const mimeType =
      typeof document.mimeType === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(document.mimeType)
        ? document.mimeType
        : mimeTypeForExtension(name.extension)

    const download = request.search.has('dl') ? request.search.get('dl') || vanity || fileName : null
    const disposition: Record<string, string> = download
      ? { 'content-disposition': `attachment; filename="${download.replace(/[^\w.-]/g, '_')}"` }
      : {}

    if (request.kind === 'file') return this.#original(originalPath, name, mimeType, request, disposition)
    const transform = parseImageTransform(request.search)
    if (isIdentity(transform)) return this.#original(originalPath, name, mimeType, request, disposition)

    const format = chooseOutputFormat(transform, name.extension, request.accept)
    // The key covers every parameter that changes the bytes, and the chosen format (auto=format depends on Accept).
    const { download: _ignored, ...shape } = transform
    const key = createHash('sha256').update(JSON.stringify({ shape, format })).digest('hex').slice(0, 32)
    const etag = `"${name.sha1}-${key}"`
    const headers: Record<string, string> = {
      'content-type': contentTypes[format],
      etag,
      'cache-control': IMMUTABLE_CACHE,
      // Replaces the router's `vary: Origin`, so name both.
      ...(transform.autoFormat ? { vary: 'Accept, Origin' } : {}),
      ...safetyHeaders,
      ...disposition,
    }
    if (matchesEtag(request.ifNoneMatch, etag)) return { status: 304, headers }
    const body = await this.#variant(dataset, name, originalPath, key, format, transform)
    return { status: 200, headers: { ...headers, 'content-length': String(body.length) }, body }
  }

  async #original(
    filePath: string,
    name: AssetFileName,
    mimeType: string,
    request: AssetRequest,
    disposition: Record<string, string>,
  ): Promise<AssetAnswer> {
    const etag = `"${name.sha1}"`
    const headers: Record<string, string> = {
      'content-type': mimeType,
      etag,
      'cache-control': IMMUTABLE_CACHE,
      ...safetyHeaders,
      ...disposition,
    }
    if (matchesEtag(request.ifNoneMatch, etag)) return { status: 304, headers }
    const size = (await stat(filePath)).size
    return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: await readFile(filePath) }
  }

  async #variant(
    dataset: string,
    name: AssetFileName,
    originalPath: string,
    key: string,
    format: OutputFormat,
    transform: ImageTransform,
  ): Promise<Buffer> {
    const extension = format === 'pjpg' ? 'jpg' : format
    const variantPath = this.files.variantPath(dataset, name.sha1, key, extension)
    try {
      return await readFile(variantPath)
    } catch {
      // not cached yet: render below
    }
    let pending = this.#rendering.get(variantPath)
    if (!pending) {
      pending = this.#queue.run(async () => {
        const original = await readFile(originalPath)
        const bytes = await renderVariant(
          original,
          { width: name.width ?? 1, height: name.height ?? 1 },
          transform,
          format,
        )
        await this.files.writeOnce(variantPath, bytes)
        return bytes
      })
      this.#rendering.set(variantPath, pending)
      pending.then(
        () => this.#rendering.delete(variantPath),
        () => this.#rendering.delete(variantPath),
      )
    }
    return pending
  }
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`; `*` matches anything. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}
