// Publishing a release inside one transaction: every version replaces (or, marked so, unpublishes) its document.
import type { Recorded } from '../actions/action-handler.ts'
import { publishedVersion } from '../actions/published-version.ts'
import type { WorkingSet } from '../mutations/working-set.ts'
import { publishedIdOf } from '../document-ids.ts'
import { releaseDocumentId, versionIdsOf, type ReleaseDocument } from './release-document.ts'

/**
 * Publishes the release's versions and marks the release published at `timestamp`. The transaction's reference
 * check then sees the whole release at once, so its documents may reference each other.
 */
export function publishReleaseVersions(
  working: WorkingSet,
  release: ReleaseDocument,
  timestamp: string,
  recorded: Recorded[],
): void {
  const publishedIds: string[] = []
  for (const versionId of versionIdsOf(working.store, working.dataset, release.name)) {
    const version = working.get(versionId)
    if (!version) continue
    const publishedId = publishedIdOf(versionId)
    const published = working.get(publishedId)
    if ((version._system as { delete?: boolean } | undefined)?.delete) {
      if (published) {
        working.put(publishedId, null)
        recorded.push({ delete: { id: publishedId } })
      }
    } else {
      const doc = publishedVersion(version, publishedId, published)
      working.put(publishedId, doc)
      recorded.push({ createOrReplace: doc })
    }
    working.put(versionId, null)
    recorded.push({ delete: { id: versionId } })
    publishedIds.push(publishedId)
  }
  const { publishAt: _scheduledFor, error: _previousError, ...rest } = release
  const done: ReleaseDocument = {
    ...rest,
    state: 'published',
    publishedAt: timestamp,
    finalDocumentStates: publishedIds.map((id) => ({ id })),
  }
  working.put(releaseDocumentId(release.name), done)
  recorded.push({ createOrReplace: done })
}
