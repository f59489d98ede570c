// Answers a GROQ query: narrows candidates through SQLite, builds the perspective's view, evaluates with groq-js.
import { evaluate, type ExprNode } from 'groq-js'
import { layerIdOf } from '../document-ids.ts'
import { LakeError } from '../http/errors.ts'
import { documentIdProblem } from '../mutations/identifiers.ts'
import type { Access } from '../http/access.ts'
import { collatesAsInGroq } from '../store/indexed-values.ts'
import type { SanityDocument, Store } from '../store/store.ts'
import { boundsSql, enumerateSql, predicateSql } from './candidate-sql.ts'
import { evaluateTree } from './evaluate-tree.ts'
import { and, filtersOfChain, type Constraint } from './constraints.ts'
import { countFromIndex } from './index-counts.ts'
import { findOrdering } from './order-window.ts'
import { assertParametersGiven, parseQuery } from './parse.ts'
import {
  effectivePerspective,
  resolveInView,
  storedIdsFor,
  viewDocuments,
  visibleIdSql,
  type Perspective,
} from './perspectives.ts'
import { describePlan, planList, planWalk, Selectivity, type ListPlan, type WalkPlan } from './plan.ts'
import { replaceNodes, type AnyNode } from './syntax-tree.ts'
import { mentionsTextQuery, rewriteTextQueries, withSearchableText } from './text-search.ts'
import { emptySourceMap, sourceMapOf, type SourceMapMode } from './source-map.ts'
import { queryTags, type SyncTag } from './sync-tags.ts'
import type { ContentSourceMap } from '@sanity/client/csm'

export type QueryRequest = {
  dataset: string
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  access: Access
  /** For tests and the benchmark: skip the index and evaluate over every document (the reference answer). */
  fullScan?: boolean
  projectId?: string
  /** Ask for a Content Source Map of the result (`resultSourceMap=true|withKeyArraySelector`). */
  sourceMap?: SourceMapMode
}

/**
 * `scanned`: how many documents groq-js evaluated the query over (the index's narrowing, for tests);
 * `access`: how the index was read, one line per count answered from it and one for the documents.
 */
export type QueryAnswer = {
  result: unknown
  ms: number
  scanned: number
  access: string[]
  syncTags: SyncTag[]
  resultSourceMap?: ContentSourceMap
}

export async function runQuery(store: Store, request: QueryRequest): Promise<QueryAnswer> {
  const started = performance.now()
  const parsed = parseQuery(request.query, request.params)
  assertParametersGiven(request.query, parsed, request.params)
  let tree = parsed.tree
  // text::query (groq-js leaves it unimplemented): rewritten into predicates; `[@, …]` searches need each
  // document's strings. Only queries that mention it pay for the rewrite (a copy of the tree).
  const textSearch = mentionsTextQuery(request.query) ? rewriteTextQueries(tree, request.params) : null
  if (textSearch) tree = textSearch.tree
  const perspective = effectivePerspective(request.perspective, request.access)
  const view = { ...request, perspective }

  // What groq-js evaluates: counts the index answered are numbers, and filters it answered exactly are gone.
  let evaluated = tree
  let dataset: Dataset = { documents: [], access: ['no dataset'] }
  if (store.hasDataset(request.dataset)) {
    const selectivity = new Selectivity(store, request.dataset)
    const counts = request.fullScan ? { tree, counted: [] } : countFromIndex(tree, view, selectivity)
    evaluated = counts.tree
    // The order window counts matches without searchable strings attached, so whole-document searches
    // skip it (an empty search box or a search of named fields is plain groq-js and may use it).
    dataset = await datasetFor(store, view, evaluated, selectivity, !textSearch?.searchesWholeDocuments)
    dataset.access.unshift(...counts.counted)
    const { ordered } = dataset
    if (ordered) evaluated = replaceNodes(evaluated, (node) => (node === ordered ? ordered.base : null))
    // The index kept exactly the documents the filters keep: groq-js need not test them again.
    if (dataset.exact && perspective.kind !== 'stack') evaluated = withoutFilters(evaluated)
  }
  const dereferencedIds = new Set<string>()
  const dereference = dereferencer(store, view, dereferencedIds)
  const options = {
    dataset: textSearch?.searchesWholeDocuments ? withSearchableText(dataset.documents) : dataset.documents,
    params: request.params,
    identity: request.access.identity,
    sanity: { projectId: request.projectId ?? 'parley', dataset: request.dataset },
    dereference,
    // One clock for the query and its source map, so `now()` decides the same way in both.
    timestamp: new Date(),
  }
  let result: unknown
  try {
    // A full scan is the reference answer, so it keeps groq-js's asynchronous evaluator (as the bench's baseline).
    result = request.fullScan
      ? await (await evaluate(evaluated, options)).get()
      : await evaluateTree(evaluated, options, parsed.tree)
  } catch (error) {
    throw new LakeError(400, 'queryExecutionError', `Query failed: ${(error as Error).message}`, {
      query: request.query,
    })
  }
  // Sync tags name what the query reads, so they come from the query as written, counts and filters included.
  const syncTags = queryTags(request.dataset, tree, request.params, dereferencedIds)
  const resultSourceMap = request.sourceMap
    ? await sourceMapOf(evaluated, result, { ...options, mode: request.sourceMap }).catch((error: unknown) => {
        // The answer stands without its map: a source map is an editing aid, never a reason to fail a query.
        console.error('[lake] source map failed', error)
        return emptySourceMap()
      })
    : undefined
  return {
    result,
    ms: Math.round(performance.now() - started),
    scanned: dataset.documents.length,
    access: dataset.access,
    syncTags,
    resultSourceMap,
  }
}

/**
 * `exact`: the documents are exactly those the query's only `*[…]` keeps. `ordered`: the query's `order()`
 * call, when the documents come in its order already (and so it can go).
 */
type Dataset = { documents: SanityDocument[]; access: string[]; exact?: boolean; ordered?: AnyNode }

/** The query with its only `*[a][b]…` read as `*`. */
function withoutFilters(tree: ExprNode): ExprNode {
  return replaceNodes(tree, (node) => (node.type === 'Filter' && filtersOfChain(node) ? { type: 'Everything' } : null))
}

async function datasetFor(
  store: Store,
  request: QueryRequest,
  tree: ExprNode,
  selectivity: Selectivity,
  allowWindow: boolean,
): Promise<Dataset> {
  if (request.fullScan)
    return {
      documents: load(store, request, store.selectIds('SELECT id FROM documents WHERE dataset = ?', [request.dataset])),
      access: ['scan'],
    }
  const walk = request.perspective.kind === 'stack' || !allowWindow ? null : planWalk(tree, request, selectivity)
  const access: string[] = []
  if (walk) {
    const walked = await walkDocuments(store, request, walk)
    if (walked) return { documents: walked, access: [describePlan(walk)], exact: walk.exact }
    access.push(`${describePlan(walk)} (stopped)`)
  }
  const list = planList(tree, request, selectivity)
  if (!list) return { documents: [], access }
  const ordering = request.perspective.kind === 'stack' ? null : findOrdering(tree)
  const inOrder = ordering && listInOrder(store, request, list, ordering)
  if (inOrder)
    return {
      documents: inOrder,
      access: [...access, `${describePlan(list)} in order`],
      exact: list.exact,
      ordered: ordering.node,
    }
  return {
    documents: load(store, request, candidateIds(store, request, list.constraint)),
    access: [...access, describePlan(list)],
    exact: list.exact,
  }
}

/**
 * The list's documents in the order `order(path)` gives them, when the list reads a range of that path's
 * index: by value, ties by `_id` (groq-js sorts stably, and the view is in `_id` order). Null when a value
 * or id read holds characters SQLite orders apart from groq-js. Only for raw and published views: in a
 * stacked one a draft's value may differ from the indexed document's.
 */
function listInOrder(
  store: Store,
  request: QueryRequest,
  list: ListPlan,
  ordering: { path: string; descending: boolean },
): SanityDocument[] | null {
  const [source, ...tests] = list.constraint.type === 'and' ? list.constraint.parts : [list.constraint]
  if (source?.type !== 'range' || source.path !== ordering.path) return null
  const bounds = boundsSql(source, 'v.value')
  const test = predicateSql(request.dataset, and(tests), 'v.id')
  const visible = visibleIdSql(request.perspective, request.access, 'v.id')
  const rows = store
    .statement(
      `SELECT v.id AS id, v.value AS value FROM doc_index v WHERE v.dataset = ? AND v.path = ? AND v.kind = ? AND ${bounds.sql} AND (${test.sql}) AND ${visible} ORDER BY v.value ${ordering.descending ? 'DESC' : 'ASC'}, v.id`,
    )
    .all(request.dataset, source.path, source.kind, ...bounds.args, ...test.args)
  const collates = (value: unknown) => typeof value !== 'string' || collatesAsInGroq(value)
  if (!rows.every((row) => collates(row.id) && collates(row.value))) return null
  const stored = store.readDocuments(
    request.dataset,
    rows.map((row) => row.id as string),
  )
  return rows.flatMap((row) => stored.get(row.id as string) ?? [])
}

function candidateIds(store: Store, request: QueryRequest, constraint: Constraint): string[] {
  const expanded =
    request.perspective.kind === 'stack' ? withDraftIds(constraint, request.perspective.layers) : constraint
  const { sql, args } = enumerateSql(request.dataset, expanded)
  return store.selectIds(sql, args)
}

/** In a stacked view `_id == "x"` also means the stored `drafts.x` / `versions.<r>.x` that present as `x`. */
function withDraftIds(constraint: Constraint, layers: string[]): Constraint {
  switch (constraint.type) {
    case 'ids':
      return {
        type: 'ids',
        // A literal that is no document id names no stored variant either.
        ids: constraint.ids.flatMap((id) =>
          documentIdProblem(id) ? [id] : [id, ...layers.map((layer) => layerIdOf(layer, id))],
        ),
      }
    case 'and':
    case 'or':
      return { ...constraint, parts: constraint.parts.map((part) => withDraftIds(part, layers)) }
    default:
      return constraint
  }
}

function load(store: Store, request: QueryRequest, ids: string[]): SanityDocument[] {
  const needed = storedIdsFor(request.perspective, request.access, ids)
  return viewDocuments(request.perspective, request.access, store.readDocuments(request.dataset, needed))
}

/** Resolves `->` inside the view; `followed` collects every id asked for (found or not), for sync tags. */
function dereferencer(store: Store, request: QueryRequest, followed?: Set<string>) {
  const cache = new Map<string, SanityDocument | null>()
  const loadOne = (id: string) => store.readDocument(request.dataset, id)
  return ({ _ref }: { _ref: string }) => {
    followed?.add(_ref)
    if (!cache.has(_ref)) cache.set(_ref, resolveInView(request.perspective, request.access, _ref, loadOne))
    return cache.get(_ref) ?? null
  }
}

/**
 * Reads the walk's rows in index order, `size` at a time (plus every tie of the last value), until the
 * filter accepts `limit` of them; groq-js then orders and slices just those. Never reads past the
 * `maxRows`-th row of the domain. Returns null to list instead: when that cut-off came first, or when the
 * last value read contains characters SQLite orders apart from groq-js (the rows before it in SQLite's
 * order are then not surely the rows before it in GROQ's).
 */
async function walkDocuments(store: Store, request: QueryRequest, plan: WalkPlan): Promise<SanityDocument[] | null> {
  const { window, domain } = plan
  const direction = window.descending ? 'DESC' : 'ASC'
  const bounds = domain.range ? boundsSql(domain.range, 'v.value') : { sql: '1', args: [] }
  const inDomain = `v.dataset = ? AND v.path = ? AND v.kind = ? AND ${bounds.sql}`
  const domainArgs = [request.dataset, window.path, domain.kind, ...bounds.args]
  // The value `maxRows` rows into the domain (stepping through the index alone, without tests) bounds the walk.
  const cutOff = store
    .statement(
      `SELECT v.value AS value FROM doc_index v WHERE ${inDomain} ORDER BY v.value ${direction} LIMIT 1 OFFSET ?`,
    )
    .get(...domainArgs, plan.maxRows)?.value as string | number | undefined
  const test = predicateSql(request.dataset, plan.test, 'v.id')
  const visible = visibleIdSql(request.perspective, request.access, 'v.id')
  const within = cutOff === undefined ? '1' : `v.value ${window.descending ? '>=' : '<='} ?`
  const where = `${inDomain} AND ${within} AND (${test.sql}) AND ${visible}`
  const args = [...domainArgs, ...(cutOff === undefined ? [] : [cutOff]), ...test.args]
  const page = store.statement(
    `SELECT v.id AS id, v.value AS value FROM doc_index v WHERE ${where} ORDER BY v.value ${direction} LIMIT ?`,
  )
  const ties = store.statement(`SELECT v.id AS id FROM doc_index v WHERE ${where} AND v.value = ?`)

  // When the SQL condition is the whole filter (e.g. `_type == "interview"`), every row read is a match.
  for (let size = plan.exact ? window.limit : Math.max(window.limit * 2, 32); ; size *= 4) {
    const rows = page.all(...args, size)
    const ids = new Set(rows.map((row) => row.id as string))
    const exhausted = rows.length < size
    const last = rows[rows.length - 1]?.value as string | number
    if (!exhausted) {
      if (typeof last === 'string' && !collatesAsInGroq(last)) return null
      for (const row of ties.all(...args, last)) ids.add(row.id as string)
    }
    const documents = load(store, request, [...ids])
    const enough = plan.exact
      ? ids.size >= window.limit
      : (await countMatches(store, window.filter, documents, request)) >= window.limit
    if (enough) return documents
    // Every row up to the cut-off was read: complete only if the cut-off is the domain's end.
    if (exhausted) return cutOff === undefined ? documents : null
  }
}

/** How many documents the window's filter keeps (groq-js decides, so `->` and functions stay exact). */
async function countMatches(
  store: Store,
  filter: ExprNode,
  documents: SanityDocument[],
  request: QueryRequest,
): Promise<number> {
  const matched = await evaluateTree(filter, {
    dataset: documents,
    params: request.params,
    identity: request.access.identity,
    dereference: dereferencer(store, request),
  })
  return Array.isArray(matched) ? matched.length : 0
}
