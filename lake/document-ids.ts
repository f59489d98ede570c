// A document's published, draft and release-version ids, through @sanity/id-utils (Sanity's own rules for them).
import {
  getDraftId,
  getPublishedId,
  getVersionId,
  getVersionNameFromId,
  isDraftId as isDraft,
  isVersionId as isVersion,
  type DocumentId,
  type VersionId,
} from '@sanity/id-utils'

// id-utils checks every id it builds and throws on one no document can have, so callers pass only ids
// documentIdProblem (mutations/identifiers.ts) accepts: those written (checked on write), read from the store, or a
// reference checked before it is looked up. (SQL that selects by id prefix spells the prefixes itself: a key range or
// GLOB cannot call these.)
const documentId = (id: string) => id as DocumentId

export const isDraftId = (id: string): boolean => isDraft(documentId(id))
export const isVersionId = (id: string): boolean => isVersion(documentId(id))
export const publishedIdOf = (id: string): string => getPublishedId(documentId(id))
export const draftIdOf = (id: string): string => getDraftId(documentId(id))
/** `versions.<release>.<id>` of the document `id` (a published, draft or version id) in `releaseId`. */
export const versionIdOf = (releaseId: string, id: string): string => getVersionId(documentId(id), releaseId)
/** The release a version id belongs to; '' for a draft or published id. */
export const releaseIdOf = (id: string): string => (isVersionId(id) ? getVersionNameFromId(id as VersionId) : '')
/** The id a stacked perspective's layer (`drafts` or a release name) stores a document under. */
export const layerIdOf = (layer: string, id: string): string =>
  layer === 'drafts' ? draftIdOf(id) : versionIdOf(layer, id)
