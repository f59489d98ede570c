// GET /data/doc/:dataset/:ids — documents by id (comma-separated), no perspective, with `omitted`;
// `includeAllVersions` adds each document's draft and release versions, `excludeContent` answers ids only.
import { existingDataset } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import { flag } from '../flags.ts'
import type { Route } from '../router.ts'
import { documentIdProblem } from '../../mutations/identifiers.ts'
import { isVisibleTo } from '../../query/perspectives.ts'
import { draftIdOf, publishedIdOf } from '../../document-ids.ts'
import type { Store } from '../../store/store.ts'

/** The published id, its draft and every release version that exist, published first. */
function variantIds(store: Store, dataset: string, id: string): string[] {
  const publishedId = publishedIdOf(id)
  const suffix = `.${publishedId}`
  const versions = store
    .selectIds(
      `SELECT id FROM documents WHERE dataset = ? AND id >= 'versions.' AND id < 'versions/' AND substr(id, -?) = ? ORDER BY id`,
      [dataset, suffix.length, suffix],
    )
    .filter((versionId) => publishedIdOf(versionId) === publishedId)
  return [publishedId, draftIdOf(publishedId), ...versions]
}

export const docRoute: Route = {
  method: 'GET',
  path: '/data/doc/:dataset/:ids',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    const { store } = request.lake
    const asked = (request.params.ids ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
    if (asked.length === 0) throw badRequest('invalidRequest', 'No document ids given')
    for (const id of asked) {
      const problem = documentIdProblem(id)
      if (problem) throw badRequest('invalidDocumentId', problem)
    }
    const allVersions = flag(request.search, 'includeAllVersions')
    const ids = allVersions ? [...new Set(asked.flatMap((id) => variantIds(store, dataset, id)))] : asked
    const found = store.getDocuments(dataset, ids)
    const excludeContent = flag(request.search, 'excludeContent')
    const documents = []
    const omitted = []
    for (const id of ids) {
      const doc = found.get(id)
      // Variants added by includeAllVersions are reported only when they exist and may be read.
      if (allVersions && !asked.includes(id) && (!doc || !isVisibleTo(request.access, id))) continue
      if (!isVisibleTo(request.access, id)) omitted.push({ id, reason: 'permission' })
      else if (doc) documents.push(excludeContent ? { _id: doc._id } : doc)
      else omitted.push({ id, reason: 'existence' })
    }
    return { body: { documents, omitted } }
  },
}
