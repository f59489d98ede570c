// GET /data/doc/:dataset/:ids — documents by id (comma-separated), no perspective, with `omitted`.
import { existingDataset } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import type { Route } from '../router.ts'
import { documentIdProblem } from '../../mutations/identifiers.ts'
import { isVisibleTo } from '../../query/perspectives.ts'

export const docRoute: Route = {
  method: 'GET',
  path: '/data/doc/:dataset/:ids',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    const ids = (request.params.ids ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
    if (ids.length === 0) throw badRequest('invalidRequest', 'No document ids given')
    for (const id of ids) {
      const problem = documentIdProblem(id)
      if (problem) throw badRequest('invalidDocumentId', problem)
    }
    const found = request.lake.store.getDocuments(dataset, ids)
    const documents = []
    const omitted = []
    for (const id of ids) {
      const doc = found.get(id)
      if (!isVisibleTo(request.access, id)) omitted.push({ id, reason: 'permission' })
      else if (!doc) omitted.push({ id, reason: 'existence' })
      else documents.push(doc)
    }
    return { body: { documents, omitted } }
  },
}
