// POST /data/mutate/:dataset — adapts HTTP to mutate(); writes need the write token.
import { readJsonBody } from '../body.ts'
import { datasetParam } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import { flag } from '../flags.ts'
import { requireWrite } from '../permissions.ts'
import type { Route } from '../router.ts'
import { mutate } from '../../mutations/mutate.ts'

const visibilities = new Set(['sync', 'async', 'deferred'])

export const mutateRoute: Route = {
  method: 'POST',
  path: '/data/mutate/:dataset',
  async handle(request) {
    const dataset = datasetParam(request.params)
    requireWrite(request.access, 'mutate')
    const visibility = request.search.get('visibility')
    if (visibility !== null && !visibilities.has(visibility))
      throw badRequest('invalidRequest', `visibility must be sync, async or deferred, not "${visibility}"`)
    const body = await readJsonBody(request.req)
    const answer = await mutate(request.lake, body, {
      dataset,
      access: request.access,
      returnDocuments: flag(request.search, 'returnDocuments'),
      dryRun: flag(request.search, 'dryRun'),
      autoGenerateArrayKeys: flag(request.search, 'autoGenerateArrayKeys'),
    })
    return {
      body: flag(request.search, 'returnIds', true)
        ? answer
        : { transactionId: answer.transactionId, results: answer.results },
    }
  },
}
