// Strong references as hosted Sanity keeps them: a published document's strong references resolve, and a document
// strongly referenced by a published one cannot be deleted. Drafts and release versions may point anywhere (they are
// checked when they are published), and weak references (`_weak: true`) never hold anything.
import type { DocumentChange } from '../commits.ts'
import { transactionError } from '../http/errors.ts'
import { REFERENCES_PATH } from '../store/indexed-values.ts'
import type { Store } from '../store/store.ts'
import { isDraftId, isVersionId } from '../document-ids.ts'

/** What a transaction would break, named the way Sanity's mutationError items name it. */
export type ReferenceProblem =
  | { type: 'documentReferenceDoesNotExistError'; id: string; referenceID: string; description: string }
  | { type: 'documentHasExistingReferencesError'; id: string; referencingIDs: string[]; description: string }

/** Drafts, release versions and system documents (`_.…`) are not held to reference integrity. */
const holdsStrongReferences = (id: string) => !isDraftId(id) && !isVersionId(id) && !id.startsWith('_.')

/** The ids a document strongly references (cross-dataset and global references live elsewhere: skipped). */
export function strongReferences(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongReferences(item, into)
  } else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>
    if (
      typeof node._ref === 'string' &&
      node._weak !== true &&
      node._dataset === undefined &&
      node._projectId === undefined
    )
      into.add(node._ref)
    for (const [key, child] of Object.entries(node)) if (key !== '_ref') strongReferences(child, into)
  }
  return into
}

/**
 * The first problem the changes would leave in the dataset, or null. `changes` are the transaction's final
 * before/after per touched document; everything else is read from the store as committed.
 */
export function referenceProblem(
  store: Store,
  dataset: string,
  changes: readonly DocumentChange[],
): ReferenceProblem | null {
  const final = new Map(changes.map((change) => [change.id, change.after]))
  const existsAfter = existenceAfter(store, dataset, final)

  for (const change of changes) {
    if (!change.after || !holdsStrongReferences(change.id)) continue
    for (const target of strongReferences(change.after)) {
      if (!existsAfter(target))
        return {
          type: 'documentReferenceDoesNotExistError',
          id: change.id,
          referenceID: target,
          description: `Document "${change.id}" references non-existent document "${target}"`,
        }
    }
  }

  const deleted = changes.filter((change) => change.before && !change.after).map((change) => change.id)
  if (deleted.length === 0) return null
  const referencing = referencingIds(store, dataset, deleted)
  for (const id of deleted) {
    const holders = (referencing.get(id) ?? []).filter((holder) => {
      if (!holdsStrongReferences(holder)) return false
      const doc = final.has(holder) ? final.get(holder) : store.getDocument(dataset, holder)
      return doc ? strongReferences(doc).has(id) : false
    })
    // A document deleted together with everything that references it leaves nothing dangling.
    if (holders.length > 0)
      return {
        type: 'documentHasExistingReferencesError',
        id,
        referencingIDs: holders,
        description: `Document "${id}" cannot be deleted as there are references to it from "${holders[0]}"`,
      }
  }
  return null
}

/**
 * Throws Sanity's 409 (mutationError or actionError) for the first reference problem of the changes; `indexOf`
 * names the mutation or action that wrote a document, for the error item.
 */
export function assertReferencesKept(
  store: Store,
  dataset: string,
  changes: readonly DocumentChange[],
  kind: 'mutationError' | 'actionError',
  indexOf: (id: string) => number | undefined,
): void {
  const problem = referenceProblem(store, dataset, changes)
  if (!problem) return
  const { type, description, ...detail } = problem
  throw transactionError(409, kind, [{ index: indexOf(problem.id) ?? 0, error: { type, description, ...detail } }])
}

/** Whether an id exists once the transaction commits: its final state if touched, else the store (one query for all). */
function existenceAfter(store: Store, dataset: string, final: Map<string, unknown>) {
  const known = new Map<string, boolean>()
  return (id: string): boolean => {
    if (final.has(id)) return final.get(id) !== null
    let exists = known.get(id)
    if (exists === undefined) {
      exists = store.selectIds('SELECT id FROM documents WHERE dataset = ? AND id = ?', [dataset, id]).length > 0
      known.set(id, exists)
    }
    return exists
  }
}

/** Committed documents whose `_ref`s include each id (from the index's `@ref` rows), the document itself left out. */
function referencingIds(store: Store, dataset: string, ids: readonly string[]): Map<string, string[]> {
  const rows = store
    .statement(
      `SELECT value, id FROM doc_index WHERE dataset = ? AND path = '${REFERENCES_PATH}' AND kind = 's' AND value IN (SELECT value FROM json_each(?))`,
    )
    .all(dataset, JSON.stringify(ids))
  const found = new Map<string, string[]>()
  for (const row of rows) {
    const target = row.value as string
    const holder = row.id as string
    if (holder === target) continue
    found.set(target, [...(found.get(target) ?? []), holder])
  }
  return found
}

/**
 * A draft or version as it is published: a reference the Studio made to a document that did not exist yet
 * (`_weak: true` with `_strengthenOnPublish`) becomes strong, unless the schema wants it weak. Returns a copy.
 */
export function strengthenOnPublish<T>(value: T): T {
  if (Array.isArray(value)) return value.map(strengthenOnPublish) as T
  if (!value || typeof value !== 'object') return value
  const node = value as Record<string, unknown>
  const pending = node._strengthenOnPublish as { weak?: boolean } | undefined
  const entries = Object.entries(node)
    .filter(
      ([key]) => !(pending && node._weak && (key === '_strengthenOnPublish' || (key === '_weak' && !pending.weak))),
    )
    .map(([key, child]) => [key, strengthenOnPublish(child)])
  return Object.fromEntries(entries) as T
}
