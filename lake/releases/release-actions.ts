// Release actions: create, edit metadata, schedule, unschedule, publish, archive, unarchive, delete a Content Release.
import { fail, type Action, type ActionHandler, type Recorded } from '../actions/action-handler.ts'
import { documentAt } from '../history/revision-log.ts'
import { applyPatch, patchProblem } from '../mutations/patch.ts'
import type { WorkingSet } from '../mutations/working-set.ts'
import { publishReleaseVersions } from './publish-release.ts'
import {
  RELEASE_TYPE,
  releaseDocumentId,
  releaseIdProblem,
  versionIdsOf,
  type ReleaseDocument,
  type ReleaseState,
} from './release-document.ts'

const releaseTypes = new Set(['asap', 'scheduled', 'undecided'])

/**
 * How far in the past a publishAt may lie and still be accepted (then published at once): a browser's clock is not
 * the lake's, and the Studio checks its permission to schedule with a dry run at its own "now".
 */
const CLOCK_SKEW_MS = 60_000

function releaseIdField(action: Action, index: number): string {
  const problem = releaseIdProblem(action.releaseId)
  if (problem) fail(index, 400, 'invalidReleaseId', problem)
  return action.releaseId as string
}

/** The release the action names, in one of the states the action accepts. */
function existingRelease(
  working: WorkingSet,
  action: Action,
  index: number,
  allowed: readonly ReleaseState[],
  verb: string,
): ReleaseDocument {
  const releaseId = releaseIdField(action, index)
  const release = working.get(releaseDocumentId(releaseId)) as ReleaseDocument | null
  if (!release) fail(index, 404, 'releaseNotFoundError', `Release "${releaseId}" does not exist`, releaseId)
  if (!allowed.includes(release.state))
    fail(
      index,
      409,
      'releaseStateError',
      `Release "${releaseId}" is ${release.state}: only a release that is ${allowed.join(' or ')} can be ${verb}`,
      releaseId,
    )
  return release
}

function save(working: WorkingSet, release: ReleaseDocument, recorded: Recorded[]): void {
  working.put(release._id, release)
  recorded.push({ createOrReplace: release })
}

function metadataProblem(metadata: unknown): string | null {
  if (metadata === undefined) return null
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return 'metadata must be an object'
  const { releaseType, title } = metadata as Record<string, unknown>
  if (releaseType !== undefined && !releaseTypes.has(releaseType as string))
    return `metadata.releaseType must be asap, scheduled or undecided, not ${JSON.stringify(releaseType)}`
  if (title !== undefined && typeof title !== 'string') return 'metadata.title must be a string'
  return null
}

export const releaseHandlers: Record<string, ActionHandler> = {
  'sanity.action.release.create'(working, action, index, recorded) {
    const releaseId = releaseIdField(action, index)
    const problem = metadataProblem(action.metadata)
    if (problem) fail(index, 400, 'invalidAction', problem, releaseId)
    const id = releaseDocumentId(releaseId)
    if (working.get(id)) fail(index, 409, 'documentAlreadyExistsError', `Release "${releaseId}" already exists`, id)
    const release: ReleaseDocument = {
      _id: id,
      _type: RELEASE_TYPE,
      name: releaseId,
      state: 'active',
      metadata: { title: '', releaseType: 'undecided', ...(action.metadata as object | undefined) },
    }
    save(working, release, recorded)
  },

  /** Metadata only: the state, schedule and name change through their own actions. */
  'sanity.action.release.edit'(working, action, index, recorded) {
    const release = existingRelease(working, action, index, ['active', 'scheduled', 'published', 'archived'], 'edited')
    const patch = action.patch as Record<string, unknown> | undefined
    if (!patch || typeof patch !== 'object' || Array.isArray(patch))
      fail(index, 400, 'invalidAction', 'release.edit needs a "patch" object', release.name)
    const problem = patchProblem(patch)
    if (problem) fail(index, 400, 'invalidPatch', problem, release.name)
    let edited: ReleaseDocument
    try {
      edited = applyPatch(release, { ...patch, id: release._id }) as ReleaseDocument
    } catch (error) {
      fail(index, 400, 'invalidPatch', `Patch on release "${release.name}" failed: ${(error as Error).message}`)
    }
    for (const field of ['_id', '_type', 'name', 'state', 'publishAt', 'publishedAt'] as const)
      if (JSON.stringify(edited[field]) !== JSON.stringify(release[field]))
        fail(index, 400, 'invalidPatch', `release.edit may change metadata only, not ${field}`, release.name)
    const metadata = metadataProblem(edited.metadata)
    if (metadata) fail(index, 400, 'invalidPatch', metadata, release.name)
    save(working, edited, recorded)
  },

  'sanity.action.release.schedule'(working, action, index, recorded, stamp) {
    const release = existingRelease(working, action, index, ['active'], 'scheduled')
    const at = typeof action.publishAt === 'string' ? Date.parse(action.publishAt) : Number.NaN
    if (Number.isNaN(at))
      fail(
        index,
        400,
        'invalidAction',
        `publishAt must be an ISO 8601 date-time, not ${JSON.stringify(action.publishAt)}`,
      )
    if (at < Date.parse(stamp.timestamp) - CLOCK_SKEW_MS)
      fail(
        index,
        400,
        'invalidAction',
        `publishAt ${new Date(at).toISOString()} is in the past; schedule release "${release.name}" for a later time`,
        release.name,
      )
    const { error: _previousError, ...rest } = release
    save(working, { ...rest, state: 'scheduled', publishAt: new Date(at).toISOString() }, recorded)
  },

  'sanity.action.release.unschedule'(working, action, index, recorded) {
    const { publishAt: _dropped, ...release } = existingRelease(working, action, index, ['scheduled'], 'unscheduled')
    save(working, { ...release, state: 'active' }, recorded)
  },

  'sanity.action.release.publish'(working, action, index, recorded, stamp) {
    const release = existingRelease(working, action, index, ['active'], 'published (unschedule it first)')
    publishReleaseVersions(working, release, stamp.timestamp, recorded)
  },

  /** Archiving takes the versions out of the dataset; their ids are kept so unarchive can bring them back. */
  'sanity.action.release.archive'(working, action, index, recorded) {
    const release = existingRelease(working, action, index, ['active'], 'archived (unschedule it first)')
    const versionIds = versionIdsOf(working.store, working.dataset, release.name)
    for (const id of versionIds) {
      working.put(id, null)
      recorded.push({ delete: { id } })
    }
    save(working, { ...release, state: 'archived', finalDocumentStates: versionIds.map((id) => ({ id })) }, recorded)
  },

  'sanity.action.release.unarchive'(working, action, index, recorded) {
    const { finalDocumentStates, ...release } = existingRelease(working, action, index, ['archived'], 'unarchived')
    for (const { id } of finalDocumentStates ?? []) {
      const last = documentAt(working.store, working.dataset, id, { lastRevision: true })
      if (!last || working.get(id)) continue
      working.put(id, last)
      recorded.push({ create: last })
    }
    save(working, { ...release, state: 'active' }, recorded)
  },

  'sanity.action.release.delete'(working, action, index, recorded) {
    const release = existingRelease(working, action, index, ['archived', 'published'], 'deleted (archive it first)')
    working.put(release._id, null)
    recorded.push({ delete: { id: release._id } })
  },
}
