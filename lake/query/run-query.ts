// Answers a GROQ query: narrows candidates through SQLite, builds the perspective's view, evaluates with groq-js.
import { evaluate, type ExprNode } from 'groq-js'
import { LakeError } from '../http/errors.ts'
import type { Access } from '../http/access.ts'
import type { SanityDocument, Store } from '../store/store.ts'
import { enumerateSql, predicateSql } from './candidate-sql.ts'
import { constraintOfQuery, and, isExactFilter, type Constraint } from './constraints.ts'
import { findOrderWindow, pinnedTypes, type OrderWindow } from './order-window.ts'
import { assertParametersGiven, parseQuery } from './parse.ts'
import { effectivePerspective, resolveInView, storedIdsFor, viewDocuments, type Perspective } from './perspectives.ts'
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

/** `scanned`: how many documents groq-js evaluated the query over (the index's narrowing, for tests). */
export type QueryAnswer = {
  result: unknown
  ms: number
  scanned: number
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

  // The order window counts matches without searchable strings attached, so whole-document searches
  // skip it (an empty search box or a search of named fields is plain groq-js and may use it).
  const dataset = store.hasDataset(request.dataset)
    ? await datasetFor(store, view, tree, !textSearch?.searchesWholeDocuments)
    : { documents: [] as SanityDocument[] }
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
    result = await (await evaluate(tree, options)).get()
  } catch (error) {
    throw new LakeError(400, 'queryExecutionError', `Query failed: ${(error as Error).message}`, {
      query: request.query,
    })
  }
  const syncTags = queryTags(request.dataset, tree, request.params, dereferencedIds)
  const resultSourceMap = request.sourceMap
    ? await sourceMapOf(tree, result, { ...options, mode: request.sourceMap }).catch((error: unknown) => {
        // The answer stands without its map: a source map is an editing aid, never a reason to fail a query.
        console.error('[lake] source map failed', error)
        return emptySourceMap()
      })
    : undefined
  return {
    result,
    ms: Math.round(performance.now() - started),
    scanned: dataset.documents.length,
    syncTags,
    resultSourceMap,
  }
}

type Dataset = { documents: SanityDocument[] }

async function datasetFor(store: Store, request: QueryRequest, tree: ExprNode, allowWindow: boolean): Promise<Dataset> {
  if (request.fullScan)
    return {
      documents: load(store, request, store.selectIds('SELECT id FROM documents WHERE dataset = ?', [request.dataset])),
    }
  const constraint = constraintOfQuery(tree, request.params)
  if (constraint === null) return { documents: [] }
  const window = request.perspective.kind === 'stack' || !allowWindow ? null : findOrderWindow(tree)
  if (window) {
    const windowed = await orderWindowDocuments(store, request, window)
    if (windowed) return { documents: windowed }
  }
  return { documents: load(store, request, candidateIds(store, request, constraint)) }
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
        ids: constraint.ids.flatMap((id) => [
          id,
          ...layers.map((layer) => (layer === 'drafts' ? `drafts.${id}` : `versions.${layer}.${id}`)),
        ]),
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

/** SQL that keeps only ids the request's perspective and access can see (raw/published views). */
function visibilitySql(request: QueryRequest, column: string): string {
  const parts: string[] = []
  if (!request.access.readDrafts) parts.push(`instr(${column}, '.') = 0`)
  if (request.perspective.kind === 'published')
    parts.push(`${column} NOT LIKE 'drafts.%' AND ${column} NOT LIKE 'versions.%'`)
  return parts.length ? parts.join(' AND ') : '1'
}

/**
 * Reads candidates in index order, `size` at a time (plus every tie of the last value), until the
 * filter accepts `limit` of them; groq-js then orders and slices just those. Only used when every
 * document of the pinned `_type`s holds a value of one kind at the path (path_stats), so no document
 * is missing from the index order (GROQ puts nulls first when descending). Returns null to fall back.
 */
async function orderWindowDocuments(
  store: Store,
  request: QueryRequest,
  window: OrderWindow,
): Promise<SanityDocument[] | null> {
  const filterConstraint = constraintOfQuery(window.filter, request.params)
  if (!filterConstraint) return null
  const types = pinnedTypes(filterConstraint)
  if (!types) return null
  const kind = kindCoveringAll(store, request.dataset, types, window.path)
  if (!kind) return null

  const test = predicateSql(request.dataset, and([filterConstraint]), 'v.id')
  const where = `v.dataset = ? AND v.path = ? AND v.kind = ? AND (${test.sql}) AND ${visibilitySql(request, 'v.id')}`
  const args = [request.dataset, window.path, kind, ...test.args]
  const direction = window.descending ? 'DESC' : 'ASC'
  const page = store.statement(
    `SELECT v.id AS id, v.value AS value FROM doc_index v WHERE ${where} ORDER BY v.value ${direction} LIMIT ?`,
  )
  const ties = store.statement(`SELECT v.id AS id FROM doc_index v WHERE ${where} AND v.value = ?`)

  // When the SQL condition is the whole filter (e.g. `_type == "interview"`), every row read is a match.
  const exact = isExactFilterChain(window.filter, request.params)
  for (let size = exact ? window.limit : Math.max(window.limit * 2, 32); ; size *= 4) {
    const rows = page.all(...args, size)
    const ids = new Set(rows.map((row) => row.id as string))
    const exhausted = rows.length < size
    if (!exhausted)
      for (const row of ties.all(...args, rows[rows.length - 1]?.value as string | number)) ids.add(row.id as string)
    const documents = load(store, request, [...ids])
    if (
      exhausted ||
      (exact && ids.size >= window.limit) ||
      (await countMatches(store, window.filter, documents, request)) >= window.limit
    )
      return documents
  }
}

function isExactFilterChain(filter: ExprNode, params: Record<string, unknown>): boolean {
  let node = filter as unknown as { type: string; base: unknown; expr: { type: string } }
  while (node.type === 'Filter') {
    if (!isExactFilter(node.expr, params)) return false
    node = node.base as typeof node
  }
  return true
}

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

/** How many documents the window's filter keeps (groq-js decides, so `->` and functions stay exact). */
async function countMatches(
  store: Store,
  filter: ExprNode,
  documents: SanityDocument[],
  request: QueryRequest,
): Promise<number> {
  const matched = await (
    await evaluate(filter, {
      dataset: documents,
      params: request.params,
      identity: request.access.identity,
      dereference: dereferencer(store, request),
    })
  ).get()
  return Array.isArray(matched) ? matched.length : 0
}
