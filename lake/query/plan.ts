// Chooses how a query reads the index: which condition lists the candidates, or whether an ordering is walked instead.
import type { ExprNode } from 'groq-js'
import { REFERENCES_PATH } from '../store/indexed-values.ts'
import type { Store } from '../store/store.ts'
import { cappedCountSql } from './candidate-sql.ts'
import {
  and,
  narrowingOfQuery,
  filtersOfChain,
  narrowingOf,
  or,
  pinnedTypes,
  ALL,
  type Constraint,
  type Range,
  type RangeKind,
  type IndexTrust,
} from './constraints.ts'
import { findOrderWindow, type OrderWindow } from './order-window.ts'

/** Relative costs of an index row walked and tested against a document listed, loaded and evaluated (bench/NOTES.md). */
const ROW_COST = 1
const DOCUMENT_COST = 2.5
/** A range tested on candidates listed from elsewhere lists its ids once; beyond this many, groq-js tests it instead. */
const RANGE_TEST_ROWS = 4096

/**
 * `list`: candidates are the stored documents satisfying `constraint` (an `and` read from its first part).
 * `walk`: rows of the ordering's index are read in order, within `domain`, keeping those satisfying `test`,
 * until `limit` are found (when `exact`, every row kept is a match); past `maxRows` listing is cheaper.
 */
export type Plan = ListPlan | WalkPlan
/** `exact` (both kinds): the documents read are exactly those the query's only `*[…]` keeps (raw and published views). */
export type ListPlan = { kind: 'list'; constraint: Constraint; exact: boolean }
export type WalkPlan = {
  kind: 'walk'
  window: OrderWindow
  domain: Domain
  test: Constraint
  exact: boolean
  maxRows: number
}

/** The index rows a walk reads: every value of `kind` at the ordering's path, or those in `range`. */
export type Domain = { kind: RangeKind; range?: Range }

export type PlanRequest = { dataset: string; params: Record<string, unknown> }

/** One line per plan, for tests and logs: which index the candidates come from. */
export function describePlan(plan: Plan): string {
  if (plan.kind === 'walk')
    return `walk ${plan.window.path} ${plan.window.descending ? 'desc' : 'asc'}${plan.domain.range ? ' in range' : ''}`
  return `list ${sourceOf(plan.constraint)}`
}

/** Which index rows a constraint is read from (its first part for an `and`). */
export function sourceOf(constraint: Constraint): string {
  switch (constraint.type) {
    case 'all':
      return 'every document'
    case 'none':
      return 'nothing'
    case 'ids':
      return '_id'
    case 'values':
      return constraint.path
    case 'range':
      return `${constraint.path} range`
    case 'or':
      return constraint.parts.map(sourceOf).join(' | ')
    case 'and':
      return sourceOf(constraint.parts[0] as Constraint)
  }
}

/** What the index answers completely, from path_stats (see IndexTrust). */
export function indexTrust(store: Store, dataset: string): IndexTrust {
  const noneOf = (types: string[] | null, path: string, kind: string) =>
    (types ?? [null]).every((type) => store.countWithPath(dataset, type, path, kind) === 0)
  return {
    range: (range, types) => range.kind !== 's' || noneOf(types, range.path, 'l'),
    references: (types) => noneOf(types, REFERENCES_PATH, 'o'),
  }
}

/**
 * How many stored documents satisfy a condition, from the statistics the store keeps (`_type` counts in
 * path_stats) or else by counting index rows, never more than a cap: an estimate costs at most the plan it rules out.
 */
export class Selectivity {
  readonly store: Store
  readonly dataset: string
  #counted = new Map<Constraint, { rows: number; complete: boolean }>()

  constructor(store: Store, dataset: string) {
    this.store = store
    this.dataset = dataset
  }

  /** Documents satisfying the constraint, or `cap` when there are at least that many. */
  rows(constraint: Constraint, cap: number): number {
    switch (constraint.type) {
      case 'all':
        return cap
      case 'none':
        return 0
      case 'ids':
        return Math.min(constraint.ids.length, cap)
      case 'and': {
        let best = cap
        for (const part of byPriority(constraint.parts)) best = Math.min(best, this.rows(part, best))
        return best
      }
      case 'or': {
        let total = 0
        for (const part of constraint.parts) if ((total += this.rows(part, cap - total)) >= cap) return cap
        return total
      }
      case 'values':
        if (constraint.path === '_type' && constraint.keys.every((key) => key.kind === 's'))
          return Math.min(
            cap,
            constraint.keys.reduce(
              (sum, key) => sum + this.store.countWithPath(this.dataset, key.value as string, '_type', 's'),
              0,
            ),
          )
        return this.#countRows(constraint, cap)
      case 'range':
        return this.#countRows(constraint, cap)
    }
  }

  #countRows(constraint: Constraint, cap: number): number {
    const known = this.#counted.get(constraint)
    // A count below its own cap is exact; one that reached it says only "at least".
    if (known !== undefined && (known.complete || known.rows >= cap)) return Math.min(known.rows, cap)
    const limit = Number.isFinite(cap) ? Math.ceil(cap) : -1
    const { sql, args } = cappedCountSql(this.dataset, constraint, limit)
    const rows = this.store.selectCount(sql, args)
    this.#counted.set(constraint, { rows, complete: limit < 0 || rows < limit })
    return rows
  }

  /**
   * The constraint with every `and` read from its most selective part, the others tested on its rows;
   * `relaxed` when a test was left to groq-js (a large range), so the SQL alone is no longer exact.
   */
  ordered(constraint: Constraint): { constraint: Constraint; relaxed: boolean } {
    if (constraint.type === 'or') {
      const parts = constraint.parts.map((part) => this.ordered(part))
      return { constraint: or(parts.map((part) => part.constraint)), relaxed: parts.some((part) => part.relaxed) }
    }
    if (constraint.type !== 'and') return { constraint, relaxed: false }
    // `_type == t && x`, where only documents of type t hold x: x is the source and the only test, uncounted.
    if (constraint.parts.length === 2) {
      const [a, b] = constraint.parts as [Constraint, Constraint]
      if (this.impliesType(b, a)) return this.ordered(b)
      if (this.impliesType(a, b)) return this.ordered(a)
    }
    const counted: { part: Constraint; rows: number }[] = []
    let best = Infinity
    for (const part of byPriority(constraint.parts)) {
      const rows = this.rows(part, best)
      counted.push({ part, rows })
      best = Math.min(best, rows)
    }
    counted.sort((a, b) => a.rows - b.rows)
    const [source, ...tests] = counted as [{ part: Constraint; rows: number }, ...{ part: Constraint }[]]
    const first = this.ordered(source.part)
    const checks = tests.filter(({ part }) => !this.impliesType(source.part, part)).map(({ part }) => this.asTest(part))
    return {
      constraint: and([first.constraint, ...checks.map((check) => check.constraint)]),
      relaxed: first.relaxed || checks.some((check) => check.relaxed),
    }
  }

  /**
   * Whether every document satisfying `source` passes `test`, a `_type` test, because path_stats show no
   * document of another type at the source's path (only interviews have `speaker._ref`): the test can go.
   */
  impliesType(source: Constraint, test: Constraint): boolean {
    if (test.type !== 'values' || test.path !== '_type' || !test.keys.every((key) => key.kind === 's')) return false
    const accepted = new Set(test.keys.map((key) => key.value))
    const onlyAccepted = (path: string, kinds: string[]) =>
      kinds.every((kind) => this.store.typesWithPath(this.dataset, path, kind).every((type) => accepted.has(type)))
    const holds = (constraint: Constraint): boolean => {
      switch (constraint.type) {
        case 'none':
          return true
        case 'values':
          return (
            constraint.path !== '_type' &&
            onlyAccepted(constraint.path, [...new Set(constraint.keys.map((k) => k.kind))])
          )
        case 'range':
          return onlyAccepted(constraint.path, [constraint.kind])
        case 'and':
          return constraint.parts.some(holds)
        case 'or':
          return constraint.parts.every(holds)
        default:
          return false
      }
    }
    return holds(source)
  }

  /** A condition tested on listed rows: ranges with many rows are left to groq-js. */
  asTest(constraint: Constraint): { constraint: Constraint; relaxed: boolean } {
    switch (constraint.type) {
      case 'range':
        return this.rows(constraint, RANGE_TEST_ROWS) < RANGE_TEST_ROWS
          ? { constraint, relaxed: false }
          : { constraint: ALL, relaxed: true }
      case 'and':
      case 'or': {
        const parts = constraint.parts.map((part) => this.asTest(part))
        const combine = constraint.type === 'and' ? and : or
        return { constraint: combine(parts.map((p) => p.constraint)), relaxed: parts.some((p) => p.relaxed) }
      }
      default:
        return { constraint, relaxed: false }
    }
  }
}

/** Counting order: exact or free counts first (ids, `_type` from path_stats), so later counts stop early. */
function byPriority(parts: Constraint[]): Constraint[] {
  const rank = (part: Constraint) =>
    part.type === 'ids'
      ? 0
      : part.type === 'values' && part.path === '_type'
        ? 1
        : part.type === 'values'
          ? 2
          : part.type === 'range'
            ? 3
            : 4
  return [...parts].sort((a, b) => rank(a) - rank(b))
}

/** Lists the candidates of every `*` in the query, each `and` from its most selective part. */
export function planList(tree: ExprNode, request: PlanRequest, selectivity: Selectivity): ListPlan | null {
  const narrowing = narrowingOfQuery(tree, request.params, indexTrust(selectivity.store, request.dataset))
  if (narrowing === null) return null
  const ordered = selectivity.ordered(narrowing.constraint)
  return { kind: 'list', constraint: ordered.constraint, exact: narrowing.exact && !ordered.relaxed }
}

/**
 * A walk of the ordering's index for `*[filter] | order(path)[a...b]`, when it reads fewer rows than listing
 * the best condition would load documents: `limit` matches come after about limit × rows / matches rows.
 * Null when listing is cheaper, or when the index order could miss a match (a document of the type without
 * a value of one kind at the path sorts apart in GROQ), which a range on the path itself rules out.
 */
export function planWalk(tree: ExprNode, request: PlanRequest, selectivity: Selectivity): WalkPlan | null {
  const window = findOrderWindow(tree)
  if (!window) return null
  const { store, dataset } = selectivity
  const filters = filtersOfChain(window.filter) ?? []
  const narrowing = narrowingOf(filters, request.params, indexTrust(store, dataset))
  const constraint = narrowing.constraint
  if (constraint.type === 'none') return null
  const parts = constraint.type === 'and' ? constraint.parts : constraint.type === 'all' ? [] : [constraint]
  const bounding = parts.find((part): part is Range => part.type === 'range' && part.path === window.path)
  const types = pinnedTypes(constraint)
  const kind = bounding?.kind ?? (types && kindCoveringAll(store, dataset, types, window.path))
  if (!kind) return null
  // At most this many rows in the domain (every value of the kind at the path, for the pinned types).
  const domainRows = types
    ? types.reduce((sum, type) => sum + store.countWithPath(dataset, type, window.path, kind), 0)
    : Infinity

  // Listing the best other condition (c rows) costs c documents; the walk about limit × rows / c index rows.
  const others = and(parts.filter((part) => part !== bounding))
  const limit = window.limit
  const worthListing = (rows: number) => Math.ceil(Math.sqrt((limit * rows * ROW_COST) / DOCUMENT_COST)) + 1
  const cap = Number.isFinite(domainRows) ? worthListing(domainRows) : RANGE_TEST_ROWS
  const best = selectivity.rows(others, cap)
  if (best < cap) {
    const walkLonger = (best * best * DOCUMENT_COST) / (limit * ROW_COST)
    const rows = bounding ? selectivity.rows(bounding, Math.ceil(walkLonger) + 1) : domainRows
    if (rows > walkLonger) return null
  }
  // A `_type` test that the domain's path implies (no other type has values there) is not tested per row.
  const domainSource: Range = bounding ?? { type: 'range', path: window.path, kind }
  const test = selectivity.asTest(and(parts.filter((p) => p !== bounding && !selectivity.impliesType(domainSource, p))))
  return {
    kind: 'walk',
    window,
    domain: bounding ? { kind, range: bounding } : { kind },
    test: test.constraint,
    exact: narrowing.exact && !test.relaxed,
    // A walk reading more rows than listing would load documents stops and lists: at worst twice the list's cost.
    maxRows: Math.ceil((Math.min(best, domainRows) * DOCUMENT_COST) / ROW_COST),
  }
}

/** The one kind of value every document of the types holds at the path (path_stats), if there is one. */
function kindCoveringAll(store: Store, dataset: string, types: string[], path: string): 's' | 'n' | null {
  for (const kind of ['s', 'n'] as const) {
    if (
      types.every(
        (type) => store.countWithPath(dataset, type, path, kind) === store.countWithPath(dataset, type, '_type', 's'),
      )
    )
      return kind
  }
  return null
}
