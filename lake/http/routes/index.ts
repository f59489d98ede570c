// The route table: each entry is a thin adapter file in this folder. Helpers add their routes here.
import type { Route } from '../router.ts'
import { actionsRoute } from './actions.ts'
import { assetRoutes } from './assets.ts'
import { checkCorsRoute } from './check-cors.ts'
import { datasetRoutes } from './datasets.ts'
import { docRoute } from './doc.ts'
import { exportRoute } from './export.ts'
import { historyRoutes } from './history.ts'
import { hostedOnlyRoutes } from './hosted-only.ts'
import { listenRoute } from './listen.ts'
import { liveEventsRoute } from './live.ts'
import { mutateRoute } from './mutate.ts'
import { pingRoute } from './ping.ts'
import { queryRoute } from './query.ts'
import { releaseLimitsRoute } from './release-limits.ts'

export const coreRoutes: Route[] = [
  pingRoute,
  queryRoute,
  mutateRoute,
  actionsRoute,
  docRoute,
  listenRoute,
  liveEventsRoute,
  checkCorsRoute,
  ...historyRoutes,
  ...assetRoutes,
  releaseLimitsRoute,
  exportRoute,
  ...datasetRoutes,
  ...hostedOnlyRoutes,
]
