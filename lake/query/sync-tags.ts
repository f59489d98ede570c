// Sync tags: opaque names for what a query read, and for what a transaction changed; they meet when the change can alter the result.
import { createHash } from 'node:crypto'
import type { ExprNode } from 'groq-js'
import type { DocumentChange } from '../commits.ts'
import { constraintOfQuery, type Constraint } from './constraints.ts'
import { publishedIdOf } from '../document-ids.ts'

export type SyncTag = `s1:${string}`

/**
 * Granularity: a query is tagged with the `_type`s its `*` filters pin (else the whole dataset), the ids
 * they pin, and the id of every document it followed a reference to (found or not). A transaction is
 * tagged with the dataset, the `_type` of each touched document before and after, and its published id.
 * So any change that can reach a query's `*` shares a type (or the dataset) tag with it, and any change to
 * a referenced document shares its id tag: coarse (an unrelated interview's edit refetches every
 * interview list) but never missing a change. Drafts and versions share their published id's tags.
 */
const MAX_QUERY_TAGS = 100

export function queryTags(
  dataset: string,
  tree: ExprNode,
  params: Record<string, unknown>,
  dereferencedIds: Iterable<string>,
): SyncTag[] {
  const names = new Set<string>()
  const constraint = constraintOfQuery(tree, params)
  if (constraint) {
    const scope = readScope(constraint)
    if (!scope) names.add('dataset')
    else {
      for (const type of scope.types) names.add(`type:${type}`)
      for (const id of scope.ids) names.add(`id:${publishedIdOf(id)}`)
    }
  }
  for (const id of dereferencedIds) names.add(`id:${publishedIdOf(id)}`)
  // A response carries a bounded list; the dataset tag stands for any number of others.
  if (names.size > MAX_QUERY_TAGS) return [tagFor(dataset, 'dataset')]
  return [...names].map((name) => tagFor(dataset, name))
}

/**
 * The tags of a transaction as a reader sees it: without `includeDrafts`, only published documents count
 * (a draft's edit changes no published result). Null when the reader sees nothing of it.
 */
export function transactionTags(
  dataset: string,
  changes: readonly DocumentChange[],
  includeDrafts: boolean,
): SyncTag[] | null {
  const names = new Set<string>()
  for (const change of changes) {
    if (!includeDrafts && change.id.includes('.')) continue
    names.add('dataset')
    names.add(`id:${publishedIdOf(change.id)}`)
    for (const version of [change.before, change.after])
      if (typeof version?._type === 'string') names.add(`type:${version._type}`)
  }
  return names.size === 0 ? null : [...names].map((name) => tagFor(dataset, name))
}

/** Six base64url characters of a hash, like Sanity's: a collision only makes a reader refetch once more. */
function tagFor(dataset: string, name: string): SyncTag {
  return `s1:${createHash('sha256').update(`${dataset}\u0000${name}`).digest('base64url').slice(0, 6)}`
}

type ReadScope = { types: Set<string>; ids: Set<string> }

/** The types or ids a constraint confines stored documents to; null when it can be any document. */
function readScope(constraint: Constraint): ReadScope | null {
  switch (constraint.type) {
    case 'ids':
      return { types: new Set(), ids: new Set(constraint.ids) }
    case 'values':
      if (constraint.path !== '_type' || !constraint.keys.every((key) => key.kind === 's')) return null
      return { types: new Set(constraint.keys.map((key) => key.value as string)), ids: new Set() }
    case 'and': {
      // Any conjunct confines the documents; ids are the narrower choice.
      const scopes = constraint.parts.map(readScope).filter((scope): scope is ReadScope => scope !== null)
      return scopes.find((scope) => scope.types.size === 0) ?? scopes[0] ?? null
    }
    case 'or': {
      const union: ReadScope = { types: new Set(), ids: new Set() }
      for (const part of constraint.parts) {
        const scope = readScope(part)
        if (!scope) return null
        for (const type of scope.types) union.types.add(type)
        for (const id of scope.ids) union.ids.add(id)
      }
      return union
    }
    default:
      return null
  }
}
