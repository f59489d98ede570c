// Asset routes: uploads (`POST /assets/{images|files}/{dataset}`) and the bytes (`GET|HEAD /images/…`, `/files/…`).
import type { IncomingMessage } from 'node:http'
import { AssetDelivery, assertSafeAssetPath } from '../../assets/asset-delivery.ts'
import { AssetFiles, type AssetKind } from '../../assets/asset-files.ts'
import { uploadAsset } from '../../assets/asset-upload.ts'
import type { LakeContext } from '../../context.ts'
import { readBody } from '../body.ts'
import { datasetParam } from '../dataset.ts'
import { forbidden, unauthorized } from '../errors.ts'
import type { Route, RouteRequest } from '../router.ts'

/** Uploads may be up to 50 MiB (the data API keeps its smaller limit); larger bodies get a 413. */
export const ASSET_BODY_LIMIT = 50 * 1024 * 1024

// One delivery per lake, so renders in flight are shared between requests for the same variant.
const deliveries = new WeakMap<LakeContext, AssetDelivery>()

function deliveryFor(lake: LakeContext): AssetDelivery {
  let delivery = deliveries.get(lake)
  if (!delivery) {
    delivery = new AssetDelivery(new AssetFiles(lake.dataDir), lake.projectId, (dataset, id) =>
      lake.store.getDocument(dataset, id),
    )
    deliveries.set(lake, delivery)
  }
  return delivery
}

/** The origin the uploader used (plain or TLS port), so the asset's `url` is one that client can fetch. */
function requestOrigin(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host ?? (req.headers[':authority'] as string | undefined)
  if (!host || !/^[\w.:[\]-]+$/.test(host)) return fallback
  const secure = Boolean((req.socket as { encrypted?: boolean }).encrypted)
  return `${secure ? 'https' : 'http'}://${host}`
}

function uploadRoute(kind: AssetKind): Route {
  return {
    method: 'POST',
    path: `/assets/${kind}s/:dataset`,
    async handle({ req, params, search, access, lake }: RouteRequest) {
      if (!access.write)
        throw access.role === 'anonymous'
          ? unauthorized('Uploading assets requires a token with write access')
          : forbidden('This token may not upload assets; use the write token')
      const dataset = datasetParam(params)
      const bytes = await readBody(req, ASSET_BODY_LIMIT)
      const text = (name: string) => search.get(name) || undefined
      const { document, created } = await uploadAsset(
        {
          kind,
          dataset,
          bytes,
          declaredType: req.headers['content-type'],
          identity: access.identity,
          description: {
            originalFilename: text('filename'),
            label: text('label'),
            title: text('title'),
            description: text('description'),
            creditLine: text('creditLine'),
            source: { id: text('sourceId'), name: text('sourceName'), url: text('sourceUrl') },
          },
        },
        {
          store: lake.store,
          commits: lake.commits,
          writeLock: lake.writeLock,
          files: new AssetFiles(lake.dataDir),
          location: { projectId: lake.projectId, baseUrl: requestOrigin(req, lake.url) },
        },
      )
      return { status: created ? 201 : 200, body: { document } }
    },
  }
}

function deliveryRoute(kind: AssetKind): Route {
  return {
    method: ['GET', 'HEAD'],
    path: `/${kind}s/*rest`,
    async handle({ req, res, path, search, lake }: RouteRequest) {
      // Checked on the raw URL: the parsed path has already had `..` resolved away.
      assertSafeAssetPath(req.url ?? '')
      const answer = await deliveryFor(lake).answer({
        kind,
        segments: path.split('/').filter(Boolean).slice(1),
        search,
        accept: req.headers.accept,
        ifNoneMatch: req.headers['if-none-match'],
      })
      res.writeHead(answer.status, answer.headers)
      res.end(req.method === 'HEAD' || answer.status === 304 ? undefined : answer.body)
    },
  }
}

export const assetRoutes: Route[] = [
  uploadRoute('image'),
  uploadRoute('file'),
  deliveryRoute('image'),
  deliveryRoute('file'),
]
