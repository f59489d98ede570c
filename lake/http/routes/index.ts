// The route table: each entry is a thin adapter file in this folder. Helpers add their routes here.
import type { Route } from '../router.ts'
import { assetRoutes } from './assets.ts'
import { pingRoute } from './ping.ts'

export const coreRoutes: Route[] = [
  pingRoute,
  ...assetRoutes,
]
