// The Actions API as a function: document, version and release actions as one transaction.
import { draftIdOf, isVersionId, publishedIdOf } from '../document-ids.ts'
import { badRequest } from '../http/errors.ts'
import type { Access } from '../http/access.ts'
import { documentIdProblem } from '../mutations/identifiers.ts'
import { applyPatch, patchProblem } from '../mutations/patch.ts'
import { runTransaction, type TransactionContext } from '../mutations/transaction.ts'
import { releaseHandlers } from '../releases/release-actions.ts'
import { versionHandlers } from '../releases/version-actions.ts'
import type { SanityDocument } from '../store/store.ts'
import { fail, idField, type Action, type ActionHandler, type Recorded } from './action-handler.ts'
import { publishedVersion } from './published-version.ts'

const documentHandlers: Record<string, ActionHandler> = {
  'sanity.action.document.create'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const attributes = action.attributes
    if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes))
      fail(index, 400, 'invalidAction', 'create needs an "attributes" object')
    const doc = structuredClone(attributes) as SanityDocument
    doc._id ??= draftIdOf(publishedId)
    const problem = documentIdProblem(doc._id)
    if (problem) fail(index, 400, 'invalidDocumentId', problem)
    if (
      doc._id !== draftIdOf(publishedId) &&
      !(isVersionId(doc._id) && publishedIdOf(doc._id) === publishedId) &&
      doc._id !== publishedId
    ) {
      fail(
        index,
        400,
        'invalidAction',
        `attributes._id "${doc._id}" must be the draft or a version of "${publishedId}"`,
      )
    }
    if (typeof doc._type !== 'string' || !doc._type)
      fail(index, 400, 'invalidDocument', 'attributes need a non-empty string _type')
    if (working.get(doc._id)) {
      if (action.ifExists === 'ignore') return
      fail(index, 409, 'documentAlreadyExistsError', `Document by ID "${doc._id}" already exists`, doc._id)
    }
    working.put(doc._id, doc)
    recorded.push({ create: doc })
  },

  'sanity.action.document.edit'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const draftId = idField(action, 'draftId', index)
    const patch = action.patch
    if (!patch || typeof patch !== 'object' || Array.isArray(patch))
      fail(index, 400, 'invalidAction', 'edit needs a "patch" object')
    const problem = patchProblem(patch as Record<string, unknown>)
    if (problem) fail(index, 400, 'invalidPatch', problem)
    let draft = working.get(draftId)
    const expectedRevision = (patch as Record<string, unknown>).ifRevisionID
    if (expectedRevision !== undefined && expectedRevision !== (draft ?? working.get(publishedId))?._rev) {
      fail(
        index,
        409,
        'conflict',
        `Document "${draftId}" does not have the expected revision "${String(expectedRevision)}"`,
        draftId,
      )
    }
    if (!draft) {
      const published = working.get(publishedId)
      if (!published)
        fail(
          index,
          404,
          'documentNotFoundError',
          `Neither "${draftId}" nor "${publishedId}" exists; create the draft first`,
          draftId,
        )
      draft = { ...published, _id: draftId }
      recorded.push({ createIfNotExists: draft })
    }
    // A draft made from the published document carries the published revision, so a guard
    // written against an earlier draft (e.g. by a second scheduler) fails as it should.
    const expected = (patch as Record<string, unknown>).ifRevisionID
    if (expected !== undefined && expected !== draft._rev) {
      fail(
        index,
        409,
        'conflict',
        `Document "${draftId}" has unexpected revision ID ("${String(draft._rev)}"), expected "${String(expected)}"`,
        draftId,
      )
    }
    try {
      working.put(draftId, applyPatch(draft, patch as Record<string, unknown>))
    } catch (error) {
      fail(index, 400, 'invalidPatch', `Patch on "${draftId}" failed: ${(error as Error).message}`, draftId)
    }
    recorded.push({ patch: { ...(patch as object), id: draftId } })
  },

  'sanity.action.document.publish'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const draftId = idField(action, 'draftId', index)
    const draft = working.get(draftId)
    if (!draft) fail(index, 409, 'documentNotFoundError', `Cannot publish: draft "${draftId}" does not exist`, draftId)
    if (action.ifDraftRevisionId !== undefined && action.ifDraftRevisionId !== draft._rev) {
      fail(
        index,
        409,
        'conflict',
        `Draft "${draftId}" has revision "${String(draft._rev)}", expected "${String(action.ifDraftRevisionId)}"`,
        draftId,
      )
    }
    const published = working.get(publishedId)
    if (action.ifPublishedRevisionId !== undefined && action.ifPublishedRevisionId !== (published?._rev ?? null)) {
      fail(
        index,
        409,
        'conflict',
        `Published "${publishedId}" has revision "${String(published?._rev ?? null)}", expected "${String(action.ifPublishedRevisionId)}"`,
        publishedId,
      )
    }
    const doc = publishedVersion(draft, publishedId, published)
    working.put(publishedId, doc)
    working.put(draftId, null)
    recorded.push({ createOrReplace: doc }, { delete: { id: draftId } })
  },

  'sanity.action.document.unpublish'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const draftId = idField(action, 'draftId', index)
    const published = working.get(publishedId)
    if (!published)
      fail(index, 409, 'documentNotFoundError', `Cannot unpublish: "${publishedId}" is not published`, publishedId)
    if (!working.get(draftId)) {
      const draft = { ...published, _id: draftId }
      working.put(draftId, draft)
      recorded.push({ createIfNotExists: draft })
    }
    working.put(publishedId, null)
    recorded.push({ delete: { id: publishedId } })
  },

  'sanity.action.document.discard'(working, action, index, recorded) {
    const draftId = idField(action, 'draftId', index)
    if (!working.get(draftId))
      fail(index, 409, 'documentNotFoundError', `Cannot discard: draft "${draftId}" does not exist`, draftId)
    working.put(draftId, null)
    recorded.push({ delete: { id: draftId } })
  },

  'sanity.action.document.delete'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const extra = Array.isArray(action.includeDrafts) ? action.includeDrafts : []
    const ids = new Set([
      publishedId,
      draftIdOf(publishedId),
      ...extra.filter((id): id is string => typeof id === 'string'),
    ])
    let deleted = 0
    for (const id of ids) {
      if (!working.get(id)) continue
      working.put(id, null)
      recorded.push({ delete: { id } })
      deleted++
    }
    if (deleted === 0)
      fail(
        index,
        409,
        'documentNotFoundError',
        `Cannot delete: neither "${publishedId}" nor its draft exists`,
        publishedId,
      )
  },

  /** The Studio's Restore: the draft (or a release version) becomes exactly `attributes`, created if missing. */
  'sanity.action.document.replaceDraft'(working, action, index, recorded) {
    const publishedId = idField(action, 'publishedId', index)
    const attributes = action.attributes as SanityDocument | undefined
    if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes))
      fail(index, 400, 'invalidAction', 'replaceDraft needs an "attributes" document')
    const problem = documentIdProblem(attributes._id)
    if (problem) fail(index, 400, 'invalidDocumentId', `attributes._id: ${problem}`)
    const isVersion = isVersionId(attributes._id) && publishedIdOf(attributes._id) === publishedId
    if (attributes._id !== draftIdOf(publishedId) && !isVersion)
      fail(
        index,
        400,
        'invalidAction',
        `attributes._id "${attributes._id}" must be the draft or a version of "${publishedId}"`,
      )
    if (typeof attributes._type !== 'string' || !attributes._type)
      fail(index, 400, 'invalidDocument', 'attributes need a non-empty string _type')
    const doc = structuredClone(attributes)
    working.put(doc._id, doc)
    recorded.push({ createOrReplace: doc })
  },
}

const handlers: Record<string, ActionHandler> = { ...documentHandlers, ...versionHandlers, ...releaseHandlers }

export async function performActions(
  context: TransactionContext,
  body: unknown,
  options: { dataset: string; access: Access },
) {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('invalidRequest', 'Body must be a JSON object with an "actions" array')
  const { actions, transactionId, dryRun } = body as { actions?: unknown; transactionId?: unknown; dryRun?: unknown }
  if (!Array.isArray(actions)) throw badRequest('invalidRequest', 'Body must have an "actions" array')
  const outcome = await runTransaction(context, {
    dataset: options.dataset,
    kind: 'actionError',
    transactionId,
    identity: options.access.identity,
    dryRun: dryRun === true,
    build: (working, stamp) => {
      const recorded: Recorded[] = []
      actions.forEach((action: unknown, index) => {
        const type = action && typeof action === 'object' ? (action as Action).actionType : undefined
        const handler = typeof type === 'string' ? handlers[type] : undefined
        working.currentIndex = index
        if (!handler)
          fail(
            index,
            400,
            'invalidAction',
            `Unknown action type ${JSON.stringify(type)}; expected one of ${Object.keys(handlers).join(', ')}`,
          )
        handler(working, action as Action, index, recorded, stamp)
      })
      return recorded
    },
  })
  return { transactionId: outcome.transactionId }
}
