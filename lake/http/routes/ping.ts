// GET /ping: liveness for scripts and the Studio's connectivity check.
import type { Route } from '../router.ts'

export const pingRoute: Route = { method: 'GET', path: '/ping', handle: () => ({ body: { ok: true } }) }
