// Version actions: a document's draft or release version created (from a document or a base), replaced, marked to
// unpublish with its release, or discarded. A scheduled, published or archived release's versions are locked.
import { fail, idField, type Action, type ActionHandler } from '../actions/action-handler.ts'
import { documentIdProblem } from '../mutations/identifiers.ts'
import type { WorkingSet } from '../mutations/working-set.ts'
import { isDraftId, isVersionId, publishedIdOf } from '../document-ids.ts'
import type { SanityDocument } from '../store/store.ts'
import { releaseDocumentId, type ReleaseDocument } from './release-document.ts'

/** Checks that `id` is the draft or a release version of `publishedId`, and that a release version's release is open. */
function versionTarget(working: WorkingSet, id: string, publishedId: string | null, index: number): void {
  if ((!isDraftId(id) && !isVersionId(id)) || (publishedId !== null && publishedIdOf(id) !== publishedId))
    fail(
      index,
      400,
      'invalidDocumentId',
      `"${id}" must be the draft (drafts.<id>) or a release version (versions.<release>.<id>) of "${publishedId ?? publishedIdOf(id)}"`,
      id,
    )
  if (!isVersionId(id)) return
  const releaseId = id.split('.')[1] as string
  const release = working.get(releaseDocumentId(releaseId)) as ReleaseDocument | null
  if (!release) fail(index, 404, 'releaseNotFoundError', `Release "${releaseId}" does not exist`, id)
  if (release.state !== 'active')
    fail(
      index,
      409,
      'releaseLockedError',
      `Release "${releaseId}" is ${release.state}: its documents cannot change${release.state === 'scheduled' ? ' until it is unscheduled' : ''}`,
      id,
    )
}

function documentField(action: Action, index: number): SanityDocument {
  const document = action.document as SanityDocument | undefined
  if (!document || typeof document !== 'object' || Array.isArray(document))
    fail(index, 400, 'invalidAction', `${action.actionType} needs a "document"`)
  const problem = documentIdProblem(document._id)
  if (problem) fail(index, 400, 'invalidDocumentId', `document._id: ${problem}`)
  if (typeof document._type !== 'string' || !document._type)
    fail(index, 400, 'invalidDocument', 'document needs a non-empty string _type', document._id)
  return structuredClone(document)
}

export const versionHandlers: Record<string, ActionHandler> = {
  /** From a whole `document`, or as a copy of `baseId` (the published document, the draft or another version). */
  'sanity.action.document.version.create'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    let doc: SanityDocument
    if (action.document !== undefined) doc = documentField(action, index)
    else {
      const baseId = idField(action, 'baseId', index)
      const versionId = idField(action, 'versionId', index)
      const base = working.get(baseId)
      if (!base) fail(index, 404, 'documentNotFoundError', `Base document "${baseId}" does not exist`, baseId)
      if (action.ifBaseRevisionId !== undefined && action.ifBaseRevisionId !== base._rev)
        fail(
          index,
          409,
          'conflict',
          `Base document "${baseId}" has revision "${String(base._rev)}", expected "${String(action.ifBaseRevisionId)}"`,
          baseId,
        )
      doc = { ...base, _id: versionId }
    }
    versionTarget(working, doc._id, publishedId, index)
    if (working.get(doc._id))
      fail(index, 409, 'documentAlreadyExistsError', `Document by ID "${doc._id}" already exists`, doc._id)
    working.put(doc._id, doc)
    recorded.push({ create: doc })
  },

  'sanity.action.document.version.replace'(working, action, index, recorded) {
    const doc = documentField(action, index)
    versionTarget(working, doc._id, null, index)
    if (!working.get(doc._id))
      fail(index, 404, 'documentNotFoundError', `Cannot replace: "${doc._id}" does not exist`, doc._id)
    working.put(doc._id, doc)
    recorded.push({ createOrReplace: doc })
  },

  /** The release will unpublish the document: its version is marked `_system.delete` (created from the published one if needed). */
  'sanity.action.document.version.unpublish'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const versionId = idField(action, 'versionId', index)
    if (!isVersionId(versionId))
      fail(index, 400, 'invalidDocumentId', `versionId "${versionId}" must be a release version`, versionId)
    versionTarget(working, versionId, publishedId, index)
    const published = working.get(publishedId)
    if (!published)
      fail(index, 409, 'documentNotFoundError', `Cannot unpublish: "${publishedId}" is not published`, publishedId)
    const version = working.get(versionId) ?? { ...published, _id: versionId }
    const marked = { ...version, _system: { ...(version._system as object | undefined), delete: true } }
    working.put(versionId, marked)
    recorded.push({ createOrReplace: marked })
  },

  'sanity.action.document.version.discard'(working, action, index, recorded) {
    const versionId = idField(action, 'versionId', index)
    if (!working.get(versionId))
      fail(index, 409, 'documentNotFoundError', `Cannot discard: "${versionId}" does not exist`, versionId)
    if (isVersionId(versionId)) versionTarget(working, versionId, null, index)
    working.put(versionId, null)
    recorded.push({ delete: { id: versionId } })
  },
}
