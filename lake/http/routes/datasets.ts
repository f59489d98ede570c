// PUT|PATCH|DELETE /datasets/:dataset (and under /projects/:projectId) — create, edit and delete datasets with the write token.
import { AssetFiles } from '../../assets/asset-files.ts'
import { readBody } from '../body.ts'
import { datasetParam } from '../dataset.ts'
import { badRequest, datasetNotFound, LakeError } from '../errors.ts'
import { requireWrite } from '../permissions.ts'
import type { Route, RouteRequest } from '../router.ts'

/**
 * Every lake dataset is public in Sanity's sense: anonymous readers see its published documents only. A private
 * dataset (no anonymous reads at all) is not offered rather than offered and not enforced.
 */
async function aclModeOf(request: RouteRequest): Promise<'public'> {
  const raw = (await readBody(request.req)).toString('utf8').trim()
  let body: { aclMode?: unknown } = {}
  if (raw !== '') {
    try {
      body = JSON.parse(raw) as { aclMode?: unknown }
    } catch (error) {
      throw badRequest('invalidJson', `Request body is not valid JSON: ${(error as Error).message}`)
    }
  }
  if (body.aclMode === undefined || body.aclMode === 'public') return 'public'
  throw badRequest(
    'invalidAclMode',
    `aclMode ${JSON.stringify(body.aclMode)} is not available on the local lake: every dataset is public (anonymous readers see published documents only)`,
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
        const aclMode = await aclModeOf(request)
        if (!request.lake.store.createDataset(dataset))
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
        return { body: { datasetName: dataset, aclMode } }
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
