// PUT|PATCH|DELETE /datasets/:dataset (and under /projects/:projectId) — create, edit and delete datasets with the write token.
import { AssetFiles } from '../../assets/asset-files.ts'
import { readBody } from '../body.ts'
import { datasetParam } from '../dataset.ts'
import { badRequest, datasetNotFound, LakeError } from '../errors.ts'
import type { AclMode } from '../access.ts'
import { requireWrite } from '../permissions.ts'
import type { Route, RouteRequest } from '../router.ts'

/**
 * The body's `aclMode`, as Sanity names it: `public` (anonymous readers see published documents) or `private`
 * (anonymous requests see no document: lake/http/access.ts). Undefined when the body does not say.
 */
async function aclModeOf(request: RouteRequest): Promise<AclMode | undefined> {
  const raw = (await readBody(request.req)).toString('utf8').trim()
  let body: { aclMode?: unknown } = {}
  if (raw !== '') {
    try {
      body = JSON.parse(raw) as { aclMode?: unknown }
    } catch (error) {
      throw badRequest('invalidJson', `Request body is not valid JSON: ${(error as Error).message}`)
    }
  }
  if (body.aclMode === undefined || body.aclMode === 'public' || body.aclMode === 'private') return body.aclMode
  throw badRequest(
    'invalidAclMode',
    `aclMode must be "public" or "private", not ${JSON.stringify(body.aclMode)} (custom ACL modes are hosted Sanity's enterprise feature)`,
  )
}

function adminRoutes(prefix: string): Route[] {
  const path = `${prefix}/datasets/:dataset`
  return [
    {
      method: 'PUT',
      path,
      async handle(request) {
        requireWrite(request.access, 'datasets.create')
        const dataset = datasetParam(request.params)
        const aclMode = (await aclModeOf(request)) ?? 'public'
        if (!request.lake.store.createDataset(dataset, aclMode))
          throw new LakeError(409, 'conflict', `Dataset "${dataset}" already exists`, {}, 'status')
        return { body: { datasetName: dataset, aclMode } }
      },
    },
    {
      method: 'PATCH',
      path,
      async handle(request) {
        requireWrite(request.access, 'datasets.edit')
        const dataset = datasetParam(request.params)
        const aclMode = await aclModeOf(request)
        if (!request.lake.store.hasDataset(dataset)) throw datasetNotFound(dataset, request.lake.projectId)
        if (aclMode) request.lake.store.setDatasetAclMode(dataset, aclMode)
        return { body: { datasetName: dataset, aclMode: request.lake.store.datasetAclMode(dataset) } }
      },
    },
    {
      method: 'DELETE',
      path,
      async handle(request) {
        requireWrite(request.access, 'datasets.delete')
        const dataset = datasetParam(request.params)
        if (!request.lake.store.deleteDataset(dataset)) throw datasetNotFound(dataset, request.lake.projectId)
        await new AssetFiles(request.lake.dataDir).removeDataset(dataset)
        return { body: { deleted: true } }
      },
    },
  ]
}

/** Listing stays with the Studio's support routes (`GET /projects/:projectId/datasets`). */
export const datasetRoutes: Route[] = [...adminRoutes(''), ...adminRoutes('/projects/:projectId')]
