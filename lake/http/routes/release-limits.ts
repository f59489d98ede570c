// GET /projects/:projectId/new-content-release-allowed — the Studio's release quota check; the lake sets no quota.
import type { Route } from '../router.ts'
import { releaseCount } from '../../releases/release-document.ts'

/** Larger than any Studio on one lake will reach; the Studio only compares counts against these. */
const LOCAL_RELEASE_LIMIT = 10_000

export const releaseLimitsRoute: Route = {
  method: 'GET',
  path: '/projects/:projectId/new-content-release-allowed',
  handle: ({ lake }) => {
    const active = lake.store
      .listDatasets()
      .reduce((sum, dataset) => sum + releaseCount(lake.store, dataset, 'active'), 0)
    return {
      body: {
        data: {
          orgMeteredActiveReleaseCount: active,
          datasetReleaseLimit: LOCAL_RELEASE_LIMIT,
          orgActiveReleaseLimit: LOCAL_RELEASE_LIMIT,
        },
      },
    }
  },
}
