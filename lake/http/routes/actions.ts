// POST /data/actions/:dataset — adapts HTTP to performActions(); needs the write token.
import { readJsonBody } from '../body.ts'
import { datasetParam } from '../dataset.ts'
import { requireWrite } from '../permissions.ts'
import type { Route } from '../router.ts'
import { performActions } from '../../actions/actions.ts'

export const actionsRoute: Route = {
  method: 'POST',
  path: '/data/actions/:dataset',
  async handle(request) {
    const dataset = datasetParam(request.params)
    requireWrite(request.access, 'actions')
    const body = await readJsonBody(request.req)
    return { body: await performActions(request.lake, body, { dataset, access: request.access }) }
  },
}
