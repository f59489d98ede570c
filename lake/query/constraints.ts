// Reads, from a GROQ filter, conditions the SQLite index can answer: a superset of the matching documents.
import type { ExprNode } from 'groq-js'
import { indexKeyOf, isIndexedPath, REFERENCES_PATH, type IndexKind } from '../store/indexed-values.ts'
import { attributePath, constantValue, walkTree } from './syntax-tree.ts'

export type IndexKey = { kind: IndexKind; value: string | number }

/**
 * A necessary condition on a stored document for it to match: `all` (no narrowing), `ids` (its `_id` is
 * one of), `values` (it has one of these scalars at an object path), or an and/or of those.
 */
export type Constraint =
  | { type: 'all' }
  | { type: 'ids'; ids: string[] }
  | { type: 'values'; path: string; keys: IndexKey[] }
  | { type: 'and'; parts: Constraint[] }
  | { type: 'or'; parts: Constraint[] }

export const ALL: Constraint = { type: 'all' }

export function and(parts: Constraint[]): Constraint {
  const kept = parts.flatMap((part) => (part.type === 'all' ? [] : part.type === 'and' ? part.parts : [part]))
  if (kept.length === 0) return ALL
  return kept.length === 1 ? (kept[0] as Constraint) : { type: 'and', parts: kept }
}

export function or(parts: Constraint[]): Constraint {
  if (parts.length === 0 || parts.some((part) => part.type === 'all')) return ALL
  const flat = parts.flatMap((part) => (part.type === 'or' ? part.parts : [part]))
  return flat.length === 1 ? (flat[0] as Constraint) : { type: 'or', parts: flat }
}

type AnyNode = { type: string; [key: string]: any }

/** A condition that every document matching `expr` (a filter body) satisfies. */
export function constraintOfFilter(expr: AnyNode, params: Record<string, unknown>): Constraint {
  switch (expr.type) {
    case 'And':
      return and([constraintOfFilter(expr.left, params), constraintOfFilter(expr.right, params)])
    case 'Or':
      return or([constraintOfFilter(expr.left, params), constraintOfFilter(expr.right, params)])
    case 'Group':
      return constraintOfFilter(expr.base, params)
    case 'OpCall':
      if (expr.op === '==')
        return equality(expr.left, expr.right, params) ?? equality(expr.right, expr.left, params) ?? ALL
      if (expr.op === 'in') return membership(expr.left, expr.right, params) ?? ALL
      return ALL
    case 'FuncCall':
      if (expr.namespace === 'global' && expr.name === 'references') return references(expr.args, params) ?? ALL
      return ALL
    default:
      return ALL
  }
}

/** Longer `in` lists are not worth an SQL statement with that many parameters: evaluate them unnarrowed. */
const MAX_LOOKUP_VALUES = 1000

function onPath(path: string[], values: unknown[]): Constraint | null {
  if (values.length > MAX_LOOKUP_VALUES) return null
  // `_originalId` exists only on documents a stacked perspective presents, never in the store.
  if (path[0] === '_originalId') return null
  if (path.length === 1 && path[0] === '_id') {
    return values.every((v) => typeof v === 'string') ? { type: 'ids', ids: values as string[] } : null
  }
  if (!isIndexedPath(path)) return null
  const keys: IndexKey[] = []
  for (const value of values) {
    const key = indexKeyOf(value)
    // A value the index cannot hold (null, object, long string) could match unindexed documents: give up.
    if (!key) return null
    keys.push(key)
  }
  return { type: 'values', path: path.join('.'), keys }
}

function equality(pathNode: unknown, valueNode: unknown, params: Record<string, unknown>): Constraint | null {
  const path = attributePath(pathNode)
  const constant = path && constantValue(valueNode, params)
  if (!path || !constant) return null
  return onPath(path, [constant.value])
}

function membership(pathNode: unknown, listNode: unknown, params: Record<string, unknown>): Constraint | null {
  const path = attributePath(pathNode)
  const constant = path && constantValue(listNode, params)
  if (!path || !constant || !Array.isArray(constant.value)) return null
  // `x in []` matches nothing; GROQ `in` only compares scalars here, so non-scalars simply never match.
  const scalars = constant.value.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
  return onPath(path, scalars)
}

function references(args: unknown[], params: Record<string, unknown>): Constraint | null {
  const ids: string[] = []
  for (const arg of args) {
    const constant = constantValue(arg, params)
    if (!constant) return null
    const values = Array.isArray(constant.value) ? constant.value : [constant.value]
    for (const value of values) if (typeof value === 'string') ids.push(value)
  }
  if (ids.length > MAX_LOOKUP_VALUES) return null
  const keys: IndexKey[] = []
  for (const id of ids) {
    const key = indexKeyOf(id)
    if (!key) return null
    keys.push(key)
  }
  return { type: 'values', path: REFERENCES_PATH, keys }
}

/**
 * Whether the constraint of a filter is also sufficient: every stored document satisfying it matches the
 * filter (only index-exact parts: scalar ==, in, references, joined by && and ||).
 */
export function isExactFilter(expr: AnyNode, params: Record<string, unknown>): boolean {
  switch (expr.type) {
    case 'And':
    case 'Or':
      return isExactFilter(expr.left, params) && isExactFilter(expr.right, params)
    case 'Group':
      return isExactFilter(expr.base, params)
    case 'OpCall':
    case 'FuncCall':
      return constraintOfFilter(expr, params).type !== 'all'
    default:
      return false
  }
}

/**
 * The condition for `*` at one place in the query: the conjunction of the filters applied directly on it
 * (`*[a][b]`), or `all` when `*` is used unfiltered.
 */
export function constraintOfEverything(parents: AnyNode[], params: Record<string, unknown>): Constraint {
  const parts: Constraint[] = []
  let child: AnyNode | undefined
  for (const parent of parents) {
    if (parent.type !== 'Filter' || (child !== undefined && parent.base !== child)) break
    parts.push(constraintOfFilter(parent.expr, params))
    child = parent
  }
  return and(parts)
}

const isReleasesAll = (node: AnyNode) =>
  node.type === 'FuncCall' && node.namespace === 'releases' && node.name === 'all'

/** The union, over every `*` in the query, of what that `*` needs; `null` when the query reads no documents. */
export function constraintOfQuery(tree: ExprNode, params: Record<string, unknown>): Constraint | null {
  const parentOf = new Map<AnyNode, AnyNode>()
  const stars: AnyNode[] = []
  walkTree(tree, (node, parent) => {
    if (parent) parentOf.set(node, parent)
    // `releases::all()` reads the dataset's release documents just as `*` reads all of them.
    if (node.type === 'Everything' || isReleasesAll(node)) stars.push(node)
  })
  if (stars.length === 0) return null
  return or(
    stars.map((star) => {
      const chain: AnyNode[] = []
      let child: AnyNode = star
      let parent = parentOf.get(child)
      while (parent && parent.type === 'Filter' && parent.base === child) {
        chain.push(parent)
        child = parent
        parent = parentOf.get(child)
      }
      return constraintOfEverything(chain, params)
    }),
  )
}
