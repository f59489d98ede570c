// What a Content Release is in the store: the `_.releases.<id>` document and the `versions.<id>.*` documents it holds.
import type { SanityDocument, Store } from '../store/store.ts'

export const RELEASE_TYPE = 'system.release'

export type ReleaseState = 'active' | 'scheduled' | 'published' | 'archived'

export type ReleaseDocument = SanityDocument & {
  _type: typeof RELEASE_TYPE
  name: string
  state: ReleaseState
  metadata: {
    title?: string
    description?: string
    releaseType?: 'asap' | 'scheduled' | 'undecided'
    [key: string]: unknown
  }
  publishAt?: string
  publishedAt?: string
  finalDocumentStates?: { id: string }[]
  error?: { message: string }
}

const releaseIdPattern = /^[a-zA-Z0-9_-]{1,64}$/

export const releaseDocumentId = (releaseId: string) => `_.releases.${releaseId}`

/** Why a release id is unusable, or null (a release id is one segment of a version id). */
export function releaseIdProblem(releaseId: unknown): string | null {
  if (typeof releaseId === 'string' && releaseIdPattern.test(releaseId)) return null
  return `releaseId must be 1-64 characters of a-z, A-Z, 0-9, "_" or "-", not ${JSON.stringify(releaseId)}`
}

/** The ids of every stored version document of a release, in id order. */
export function versionIdsOf(store: Store, dataset: string, releaseId: string): string[] {
  const prefix = `versions.${releaseId}.`
  // A range on the primary key: `/` sorts just after `.`, so this is every id starting with the prefix.
  return store.selectIds('SELECT id FROM documents WHERE dataset = ? AND id >= ? AND id < ? ORDER BY id', [
    dataset,
    prefix,
    `versions.${releaseId}/`,
  ])
}

/** Scheduled releases of a dataset with their publish time, soonest first. */
export function scheduledReleases(store: Store, dataset: string): { releaseId: string; publishAt: string }[] {
  return store
    .statement(
      `SELECT json_extract(body, '$.name') AS name, json_extract(body, '$.publishAt') AS publishAt FROM documents
       WHERE dataset = ? AND id >= '_.releases.' AND id < '_.releases/' AND json_extract(body, '$.state') = 'scheduled'
       ORDER BY publishAt`,
    )
    .all(dataset)
    .filter((row) => typeof row.name === 'string' && typeof row.publishAt === 'string')
    .map((row) => ({ releaseId: row.name as string, publishAt: row.publishAt as string }))
}

/** How many releases of a dataset are in a state. */
export function releaseCount(store: Store, dataset: string, state: ReleaseState): number {
  const row = store
    .statement(
      `SELECT count(*) AS n FROM documents WHERE dataset = ? AND id >= '_.releases.' AND id < '_.releases/' AND json_extract(body, '$.state') = ?`,
    )
    .get(dataset, state)
  return Number(row?.n ?? 0)
}
