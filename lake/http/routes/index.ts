// The route table: each entry is a thin adapter file in this folder. Helpers add their routes here.
import type { Route } from '../router.ts'
import { actionsRoute } from './actions.ts'
import { assetRoutes } from './assets.ts'
import { checkCorsRoute } from './check-cors.ts'
import { docRoute } from './doc.ts'
import { historyRoutes } from './history.ts'
import { listenRoute } from './listen.ts'
import { liveEventsRoute } from './live.ts'
import { mutateRoute } from './mutate.ts'
import { pingRoute } from './ping.ts'
import { queryRoute } from './query.ts'

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
]
