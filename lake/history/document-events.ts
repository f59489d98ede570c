// The Studio's document-group events (created, published, unpublished, deleted…) derived from a group's revisions.
import { draftIdOf, isDraftId, isVersionId, releaseIdOf } from '../document-ids.ts'
import type { SanityDocument } from '../store/store.ts'
import type { GroupRevision } from './revision-log.ts'

/**
 * One event as Sanity's events API sends it: `documentId` is the published id, `versionId` the draft or release
 * version concerned, `revisionId` a revision of the published document, `versionRevisionId` one of the version.
 * The Studio uses an event's revision as the revision to open, so each names one that exists for its variant.
 */
export type DocumentEvent = {
  type:
    | 'createDocumentVersion'
    | 'deleteDocumentVersion'
    | 'publishDocumentVersion'
    | 'unpublishDocument'
    | 'deleteDocumentGroup'
    | 'createLiveDocument'
    | 'updateLiveDocument'
  timestamp: string
  author: string
  documentId: string
  [field: string]: unknown
}

/** An event with its place in the group's history: the transaction's commit position, then the order it was found in. */
export type PositionedEvent = { seq: number; order: number; event: DocumentEvent }

export type PublishCause = 'document.publish' | 'release.publish' | 'release.schedule'

/** How a release's versions came to be published in the transaction at `seq` (asked only for release versions). */
export type ReleaseCause = (releaseId: string, seq: number) => PublishCause

type Change = { id: string; before: SanityDocument | null; after: SanityDocument | null }

/** Events of every variant of the group (the published id, `drafts.<id>`, `versions.<release>.<id>`), oldest first. */
export function documentGroupEvents(
  publishedId: string,
  revisions: readonly GroupRevision[],
  releaseCause: ReleaseCause,
): Map<string, PositionedEvent[]> {
  const events = new Map<string, PositionedEvent[]>()
  let order = 0
  const add = (variantId: string, seq: number, event: DocumentEvent) => {
    const list = events.get(variantId) ?? []
    list.push({ seq, order: order++, event })
    events.set(variantId, list)
  }
  const current = new Map<string, SanityDocument>()

  for (const transaction of byTransaction(revisions)) {
    const { seq, transactionId, timestamp, identity } = transaction[0] as GroupRevision
    const changes: Change[] = transaction.map((revision) => ({
      id: revision.documentId,
      before: current.get(revision.documentId) ?? null,
      after: revision.body,
    }))
    for (const change of changes) {
      if (change.after) current.set(change.id, change.after)
      else current.delete(change.id)
    }
    const base = { timestamp, author: identity, documentId: publishedId }
    const published = changes.find((change) => change.id === publishedId)
    const versions = changes.filter((change) => change.id !== publishedId)
    const groupGone = current.size === 0
    const removedVersions = versions.filter((change) => change.before && !change.after)
    const source = published?.after ? publishedFrom(published.after, removedVersions) : undefined
    const cause = (versionId: string): PublishCause =>
      isVersionId(versionId) ? releaseCause(releaseIdOf(versionId), seq) : 'document.publish'
    const publishEvent = (version: Change): DocumentEvent => ({
      ...base,
      type: 'publishDocumentVersion',
      revisionId: transactionId,
      versionId: version.id,
      releaseId: releaseIdOf(version.id),
      versionRevisionId: version.before?._rev,
      publishCause: cause(version.id),
    })

    if (published) {
      if (published.after && source) add(publishedId, seq, publishEvent(source))
      else if (published.after && !published.before)
        add(publishedId, seq, { ...base, type: 'createLiveDocument', revisionId: transactionId })
      else if (published.after)
        add(publishedId, seq, { ...base, type: 'updateLiveDocument', revisionId: transactionId })
      else if (groupGone) add(publishedId, seq, { ...base, type: 'deleteDocumentGroup' })
      else {
        const draftId = draftIdOf(publishedId)
        add(publishedId, seq, {
          ...base,
          type: 'unpublishDocument',
          versionId: draftId,
          versionRevisionId: current.get(draftId)?._rev ?? transactionId,
          releaseId: '',
        })
      }
    }
    for (const version of versions) {
      const variant = { versionId: version.id, releaseId: releaseIdOf(version.id) }
      if (!version.before && version.after)
        add(version.id, seq, { ...base, type: 'createDocumentVersion', ...variant, versionRevisionId: transactionId })
      else if (version.before && !version.after) {
        if (version === source) add(version.id, seq, publishEvent(version))
        else if (groupGone) add(version.id, seq, { ...base, type: 'deleteDocumentGroup' })
        else
          add(version.id, seq, {
            ...base,
            type: 'deleteDocumentVersion',
            ...variant,
            // The last revision the version had, so opening the event shows what was discarded.
            versionRevisionId: version.before._rev,
          })
      }
    }
  }
  return events
}

/** Revisions grouped by transaction, in commit order. */
function byTransaction(revisions: readonly GroupRevision[]): GroupRevision[][] {
  const groups: GroupRevision[][] = []
  for (const revision of revisions) {
    const last = groups[groups.length - 1]
    if (last && last[0]?.seq === revision.seq) last.push(revision)
    else groups.push([revision])
  }
  return groups
}

/**
 * The version a published document was made from in the same transaction: the removed one with the same content
 * (publishing may strengthen references, so failing that the draft, failing that any removed version).
 */
function publishedFrom(published: SanityDocument, removed: readonly Change[]): Change | undefined {
  const content = contentOf(published)
  return (
    removed.find((change) => contentOf(change.before) === content) ??
    removed.find((change) => isDraftId(change.id)) ??
    removed[0]
  )
}

function contentOf(doc: SanityDocument | null): string {
  if (!doc) return ''
  const { _id, _rev, _createdAt, _updatedAt, ...content } = doc
  return JSON.stringify(content)
}
