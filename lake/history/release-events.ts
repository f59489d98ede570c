// The Studio's release activity: a release's create, schedule, unschedule, publish, archive and unarchive events, and
// the documents added to or discarded from it, derived from the revisions of the release and of its versions.
import { publishedIdOf } from '../document-ids.ts'
import type { SanityDocument, Store } from '../store/store.ts'
import { eventsLimit, newestPage } from './events-page.ts'

export type ReleaseEvent = {
  type: string
  timestamp: string
  author: string
  releaseName: string
  [field: string]: unknown
}

type Revision = {
  seq: number
  docId: string
  body: SanityDocument | null
  transactionId: string
  timestamp: string
  identity: string
}

const stateEvents: Record<string, string> = {
  'active>scheduled': 'scheduleRelease',
  'scheduled>active': 'unscheduleRelease',
  'active>published': 'publishRelease',
  'scheduled>published': 'publishRelease',
  'active>archived': 'archiveRelease',
  'archived>active': 'unarchiveRelease',
}

export function releaseEventsPage(
  store: Store,
  dataset: string,
  releaseId: string,
  options: { limit: string | null; cursor: string | null },
): { events: ReleaseEvent[]; nextCursor: string } {
  const found: { seq: number; order: number; event: ReleaseEvent }[] = []
  const last = new Map<string, SanityDocument | null>()
  // Transactions in which the release itself was published or archived: their removed versions are not discards.
  const releaseClosing = new Set<number>()
  for (const revision of releaseRevisions(store, dataset, releaseId)) {
    const before = last.get(revision.docId) ?? null
    last.set(revision.docId, revision.body)
    const base = { timestamp: revision.timestamp, author: revision.identity, releaseName: releaseId }
    const add = (event: ReleaseEvent) => found.push({ seq: revision.seq, order: found.length, event })
    if (revision.docId === `_.releases.${releaseId}`) {
      const after = revision.body
      if (!before && after) add({ ...base, type: 'createRelease' })
      const type = before && after ? stateEvents[`${String(before.state)}>${String(after.state)}`] : undefined
      if (type) add({ ...base, type, ...(type === 'scheduleRelease' ? { publishAt: after?.publishAt } : {}) })
      if (after?.state === 'published' || after?.state === 'archived') releaseClosing.add(revision.seq)
      continue
    }
    const variant = {
      documentId: publishedIdOf(revision.docId),
      documentType: (revision.body ?? before)?._type,
      versionId: revision.docId,
    }
    if (!before && revision.body)
      add({
        ...base,
        type: 'addDocumentToRelease',
        ...variant,
        revisionId: revision.transactionId,
        versionRevisionId: revision.transactionId,
      })
    else if (before && !revision.body && !releaseClosing.has(revision.seq))
      add({ ...base, type: 'discardDocumentFromRelease', ...variant, versionRevisionId: before._rev })
  }
  const { page, nextCursor } = newestPage(found, (item) => item, eventsLimit(options.limit), options.cursor)
  return { events: page.map((item) => item.event), nextCursor }
}

/** Revisions of the release document and of its versions, oldest first, the release's first within a transaction. */
function releaseRevisions(store: Store, dataset: string, releaseId: string): Revision[] {
  return store
    .statement(
      `SELECT r.seq, r.doc_id, r.body, t.id, t.timestamp, t.identity FROM revisions r JOIN transactions t ON t.seq = r.seq
       WHERE r.dataset = ? AND (r.doc_id = ? OR (r.doc_id >= ? AND r.doc_id < ?))
       ORDER BY r.seq, r.doc_id = ? DESC, r.doc_id`,
    )
    .all(
      dataset,
      `_.releases.${releaseId}`,
      `versions.${releaseId}.`,
      `versions.${releaseId}/`,
      `_.releases.${releaseId}`,
    )
    .map((row) => ({
      seq: Number(row.seq),
      docId: row.doc_id as string,
      body: row.body === null ? null : (JSON.parse(row.body as string) as SanityDocument),
      transactionId: row.id as string,
      timestamp: row.timestamp as string,
      identity: row.identity as string,
    }))
}
