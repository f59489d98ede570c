// Reads, from a GROQ filter, conditions the SQLite index can answer: a superset of the matching documents.
import type { ExprNode } from 'groq-js'
import {
  collatesAsInGroq,
  indexKeyOf,
  isIndexedPath,
  REFERENCES_PATH,
  type IndexKind,
} from '../store/indexed-values.ts'
import { type AnyNode, attributePath, constantValue, walkTree } from './syntax-tree.ts'

export type IndexKey = { kind: IndexKind; value: string | number }
export type Bound = { value: string | number; inclusive: boolean }
export type RangeKind = 's' | 'n' | 'b'

/**
 * A necessary condition on a stored document for it to match: `all` (no narrowing), `none` (nothing can
 * match), `ids` (its `_id` is one of), `values` (it has one of these scalars at an object path), `range`
 * (it has a scalar of one kind between bounds at an object path), or an and/or of those.
 */
export type Constraint =
  | { type: 'all' }
  | { type: 'none' }
  | { type: 'ids'; ids: string[] }
  | { type: 'values'; path: string; keys: IndexKey[] }
  | Range
  | { type: 'and'; parts: Constraint[] }
  | { type: 'or'; parts: Constraint[] }

export type Range = { type: 'range'; path: string; kind: RangeKind; lower?: Bound; upper?: Bound }

export const ALL: Constraint = { type: 'all' }
export const NONE: Constraint = { type: 'none' }

export function and(parts: Constraint[]): Constraint {
  const kept: Constraint[] = []
  for (const part of parts.flatMap((part) => (part.type === 'and' ? part.parts : [part]))) {
    if (part.type === 'all') continue
    if (part.type === 'none') return NONE
    // `a >= x && a < y` is one range of the index, not two.
    const same = kept.findIndex((k) => part.type === 'range' && k.type === 'range' && k.path === part.path)
    if (same < 0) kept.push(part)
    else {
      const both = intersect(kept[same] as Range, part as Range)
      if (both.type === 'none') return NONE
      kept[same] = both
    }
  }
  if (kept.length === 0) return ALL
  return kept.length === 1 ? (kept[0] as Constraint) : { type: 'and', parts: kept }
}

export function or(parts: Constraint[]): Constraint {
  const kept = parts.filter((part) => part.type !== 'none')
  if (kept.length === 0) return NONE
  if (kept.some((part) => part.type === 'all')) return ALL
  const flat = kept.flatMap((part) => (part.type === 'or' ? part.parts : [part]))
  return flat.length === 1 ? (flat[0] as Constraint) : { type: 'or', parts: flat }
}

/** Both ranges at once; a path holds one value, so ranges of two kinds leave nothing. */
function intersect(a: Range, b: Range): Constraint {
  if (a.kind !== b.kind) return NONE
  const tighter = (x: Bound | undefined, y: Bound | undefined, sign: 1 | -1): Bound | undefined => {
    if (!x || !y) return x ?? y
    if (x.value === y.value) return { value: x.value, inclusive: x.inclusive && y.inclusive }
    return (x.value > y.value ? 1 : -1) === sign ? x : y
  }
  const lower = tighter(a.lower, b.lower, 1)
  const upper = tighter(a.upper, b.upper, -1)
  return { type: 'range', path: a.path, kind: a.kind, ...(lower && { lower }), ...(upper && { upper }) }
}

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
      if (Object.hasOwn(mirrored, expr.op)) return comparison(expr.op, expr.left, expr.right, params) ?? ALL
      return ALL
    case 'InRange':
      return inRange(expr, params) ?? ALL
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
  // `x in [null]` matches every document without `x`, which the index cannot list.
  if (constant.value.includes(null)) return null
  // `x in []` matches nothing; GROQ `in` only compares scalars here, so non-scalars simply never match.
  const scalars = constant.value.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
  return onPath(path, scalars)
}

/** `<`, `>=`… with the path on the right read as the mirrored operator with the path on the left. */
const mirrored: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' }

/**
 * The index kind and value a comparison bound selects, `never` when GROQ compares nothing with it (null, an
 * object, an array: the comparison is null), or null when the index cannot answer it (a string SQLite
 * orders apart from groq-js).
 */
function boundOf(value: unknown): { kind: RangeKind; value: string | number } | 'never' | null {
  if (typeof value === 'string') return collatesAsInGroq(value) ? { kind: 's', value } : null
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'n', value } : null
  if (typeof value === 'boolean') return { kind: 'b', value: value ? 1 : 0 }
  return 'never'
}

/** Whether a range on the path can be read from the index (`_id` and `_originalId` differ per perspective). */
const isRangePath = (path: string[]) => path[0] !== '_id' && path[0] !== '_originalId' && isIndexedPath(path)

function comparison(op: string, left: unknown, right: unknown, params: Record<string, unknown>): Constraint | null {
  let path = attributePath(left)
  let constant = path && constantValue(right, params)
  if (!path || !constant) {
    path = attributePath(right)
    constant = path && constantValue(left, params)
    op = mirrored[op] as string
  }
  if (!path || !constant || !isRangePath(path)) return null
  const bound = boundOf(constant.value)
  if (bound === 'never') return NONE
  if (bound === null) return null
  const side = op === '>' || op === '>=' ? 'lower' : 'upper'
  return {
    type: 'range',
    path: path.join('.'),
    kind: bound.kind,
    [side]: { value: bound.value, inclusive: op.endsWith('=') },
  }
}

/** `x in a..b` (both ends) or `x in a...b` (upper end excluded): a value of the bounds' type between them. */
function inRange(expr: AnyNode, params: Record<string, unknown>): Constraint | null {
  const path = attributePath(expr.base)
  const low = path && constantValue(expr.left, params)
  const high = path && constantValue(expr.right, params)
  if (!path || !low || !high || !isRangePath(path)) return null
  const lower = boundOf(low.value)
  const upper = boundOf(high.value)
  if (lower === 'never' || upper === 'never') return NONE
  if (lower === null || upper === null) return null
  if (lower.kind !== upper.kind) return NONE
  return {
    type: 'range',
    path: path.join('.'),
    kind: lower.kind,
    lower: { value: lower.value, inclusive: true },
    upper: { value: upper.value, inclusive: expr.isInclusive === true },
  }
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

/** Whether SQLite holds the string as written (it stores a lone surrogate as U+FFFD, so both are ambiguous). */
const isFaithful = (value: string | number) => typeof value !== 'string' || !/[\p{Cs}\uFFFD]/u.test(value)

/**
 * What path_stats say the index answers completely, for documents of the `_type`s a filter pins (any type
 * when null): a string range (no document it could match holds a string too long for the index there),
 * and `references()` exactly (no document holds a `_ref` that @ref lists and references() does not see).
 */
export type IndexTrust = {
  range(range: Range, types: string[] | null): boolean
  references(types: string[] | null): boolean
}

/** Trusting nothing: ranges widen to `all` and nothing is exact (for readers of a query's `_type`s and ids). */
const NO_TRUST: IndexTrust = { range: () => false, references: () => false }

type Trusted = { range(range: Range): boolean; references(): boolean }

/** The constraint with every range the index cannot answer completely widened to `all`. */
function relaxRanges(constraint: Constraint, trusted: (range: Range) => boolean): Constraint {
  switch (constraint.type) {
    case 'range':
      return trusted(constraint) ? constraint : ALL
    case 'and':
      return and(constraint.parts.map((part) => relaxRanges(part, trusted)))
    case 'or':
      return or(constraint.parts.map((part) => relaxRanges(part, trusted)))
    default:
      return constraint
  }
}

/**
 * Whether a filter's constraint is also sufficient: every stored document satisfying it matches the
 * filter (only index-exact parts: scalar ==, in, references, comparisons, joined by && and ||).
 */
function isExactFilter(expr: AnyNode, params: Record<string, unknown>, trusted: Trusted): boolean {
  switch (expr.type) {
    case 'And':
    case 'Or':
      return isExactFilter(expr.left, params, trusted) && isExactFilter(expr.right, params, trusted)
    case 'Group':
      return isExactFilter(expr.base, params, trusted)
    case 'OpCall':
    case 'FuncCall':
    case 'InRange': {
      const constraint = constraintOfFilter(expr, params)
      switch (constraint.type) {
        case 'none':
          return true
        case 'ids':
          return constraint.ids.every(isFaithful)
        case 'values':
          return (
            constraint.keys.every((key) => isFaithful(key.value)) &&
            (constraint.path !== REFERENCES_PATH || trusted.references())
          )
        case 'range':
          return trusted.range(constraint)
        default:
          return false
      }
    }
    default:
      return false
  }
}

/** What the index knows about one `*[a][b]…`: a necessary condition on its documents, and whether it is sufficient. */
export type Narrowing = { constraint: Constraint; exact: boolean }

/** The narrowing of `*` filtered by these filter bodies (none: `*` unfiltered, which the index lists exactly). */
export function narrowingOf(filters: AnyNode[], params: Record<string, unknown>, trust: IndexTrust): Narrowing {
  const written = and(filters.map((filter) => constraintOfFilter(filter, params)))
  const types = pinnedTypes(written)
  const trusted: Trusted = { range: (range) => trust.range(range, types), references: () => trust.references(types) }
  return {
    constraint: relaxRanges(written, trusted.range),
    exact: filters.every((filter) => isExactFilter(filter, params, trusted)),
  }
}

/** The bodies of a chain of filters `*[a][b]…` from its outermost Filter node, or null when it is not over `*`. */
export function filtersOfChain(chain: unknown): AnyNode[] | null {
  let node = chain as AnyNode
  const filters: AnyNode[] = []
  while (node.type === 'Filter') {
    filters.unshift(node.expr)
    node = node.base
  }
  return node.type === 'Everything' ? filters : null
}

const isReleasesAll = (node: AnyNode) =>
  node.type === 'FuncCall' && node.namespace === 'releases' && node.name === 'all'

/**
 * The union, over every `*` in the query, of what that `*` needs (exact when there is one `*` and its
 * narrowing is exact); `null` when the query reads no documents.
 */
export function narrowingOfQuery(tree: ExprNode, params: Record<string, unknown>, trust: IndexTrust): Narrowing | null {
  const parentOf = new Map<AnyNode, AnyNode>()
  const stars: AnyNode[] = []
  walkTree(tree, (node, parent) => {
    if (parent) parentOf.set(node, parent)
    // `releases::all()` reads the dataset's release documents just as `*` reads all of them.
    if (node.type === 'Everything' || isReleasesAll(node)) stars.push(node)
  })
  if (stars.length === 0) return null
  const narrowings = stars.map((star) => {
    // The filters applied directly on this `*` (`*[a][b]`); anything else on top does not narrow it.
    const filters: AnyNode[] = []
    let outermost: AnyNode = star
    let parent = parentOf.get(outermost)
    while (parent && parent.type === 'Filter' && parent.base === outermost) {
      filters.push(parent.expr)
      outermost = parent
      parent = parentOf.get(outermost)
    }
    const narrowing = narrowingOf(filters, params, trust)
    // `releases::all()[…]` narrows like `*[…]`, but only a `*[…]` is ever answered exactly (its filters dropped).
    return star.type === 'Everything' ? narrowing : { ...narrowing, exact: false }
  })
  return {
    constraint: or(narrowings.map((narrowing) => narrowing.constraint)),
    exact: narrowings.length === 1 && (narrowings[0] as Narrowing).exact,
  }
}

/** What every `*` in the query needs, without ranges (for readers of its `_type`s and ids, such as sync tags). */
export function constraintOfQuery(tree: ExprNode, params: Record<string, unknown>): Constraint | null {
  return narrowingOfQuery(tree, params, NO_TRUST)?.constraint ?? null
}

/** The `_type` values a constraint pins documents to (a top-level `_type == …`/`in` conjunct), if any. */
export function pinnedTypes(constraint: Constraint): string[] | null {
  const parts = constraint.type === 'and' ? constraint.parts : [constraint]
  for (const part of parts) {
    if (part.type === 'values' && part.path === '_type' && part.keys.every((key) => key.kind === 's'))
      return part.keys.map((key) => key.value as string)
  }
  return null
}
