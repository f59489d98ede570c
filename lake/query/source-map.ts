// Content Source Maps: which document field every value of a query result was read from, in Sanity's format.
import { isDeepStrictEqual } from 'node:util'
import { jsonPath, type ContentSourceMap, type ContentSourceMapParsedPath } from '@sanity/client/csm'
import type { ExprNode } from 'groq-js'
import { trackQuery, type Origin, type Segment, type Tracked, type TrackingOptions } from './provenance.ts'

/** `withKeyArraySelector` names array items in source paths by `_key` (`[?(@._key=='a')]`) where they have one. */
export type SourceMapMode = 'indexed' | 'keyed'

export const emptySourceMap = (): ContentSourceMap => ({ documents: [], paths: [], mappings: {} })

/**
 * The source map of `result` (groq-js's answer for `tree`). Each mapping is checked against the result
 * itself, so a value this walk cannot follow, or follows to a different value, is left unmapped: a missing
 * mapping costs an editor a click, a wrong one sends them to the wrong field.
 */
export async function sourceMapOf(
  tree: ExprNode,
  result: unknown,
  options: TrackingOptions & { mode: SourceMapMode },
): Promise<ContentSourceMap> {
  const { mode, ...tracking } = options
  const tracked = await trackQuery(tree, tracking)
  const table = new SourceTable(mode)
  addMappings(table, tracked, result, [])
  return table.toSourceMap()
}

class SourceTable {
  readonly #mode: SourceMapMode
  readonly #documents = new Map<string, number>()
  readonly #paths = new Map<string, number>()
  readonly #mappings: [string, { document: number; path: number }][] = []
  readonly #map: ContentSourceMap = emptySourceMap()

  constructor(mode: SourceMapMode) {
    this.#mode = mode
  }

  /** `document` is the stored document: under a stacked perspective `drafts.x` rather than the `x` it presents as. */
  add(resultPath: (string | number)[], origin: Origin): void {
    const { document } = origin
    const id = typeof document._originalId === 'string' ? document._originalId : document._id
    const type = typeof document._type === 'string' ? document._type : ''
    const documentKey = `${id}\u0000${type}`
    let documentIndex = this.#documents.get(documentKey)
    if (documentIndex === undefined) {
      documentIndex = this.#map.documents.push({ _id: id, _type: type }) - 1
      this.#documents.set(documentKey, documentIndex)
    }
    const path = jsonPath(this.#sourcePath(origin.path))
    let pathIndex = this.#paths.get(path)
    if (pathIndex === undefined) {
      pathIndex = this.#map.paths.push(path) - 1
      this.#paths.set(path, pathIndex)
    }
    this.#mappings.push([jsonPath(resultPath), { document: documentIndex, path: pathIndex }])
  }

  #sourcePath(path: Segment[]): ContentSourceMapParsedPath {
    if (this.#mode === 'keyed') return path
    return path.map((segment) => (typeof segment === 'object' ? segment._index : segment))
  }

  /** Mapping keys in byte order, as Sanity sends them; documents and paths in the order the result first uses them. */
  toSourceMap(): ContentSourceMap {
    this.#mappings.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [key, source] of this.#mappings)
      this.#map.mappings[key] = { type: 'value', source: { type: 'documentValue', ...source } }
    return this.#map
  }
}

/** Walks the tracked value beside the real result; maps what was read from a document and is still that value. */
function addMappings(table: SourceTable, tracked: Tracked, actual: unknown, resultPath: (string | number)[]): void {
  if (actual === null || actual === undefined) return
  switch (tracked.kind) {
    case 'read': {
      if (actual !== tracked.value && !isDeepStrictEqual(actual, tracked.value)) return
      // A whole document maps attribute by attribute, as Sanity maps `{...}`.
      if (tracked.origin.path.length === 0 && isRecord(actual)) {
        for (const [name, value] of Object.entries(actual))
          if (value !== null && value !== undefined)
            table.add([...resultPath, name], { ...tracked.origin, path: [name] })
        return
      }
      table.add(resultPath, tracked.origin)
      return
    }
    case 'object':
      if (!isRecord(actual)) return
      for (const [name, attribute] of tracked.attributes)
        if (Object.hasOwn(actual, name)) addMappings(table, attribute, actual[name], [...resultPath, name])
      return
    case 'array':
      if (!Array.isArray(actual) || actual.length !== tracked.items.length) return
      tracked.items.forEach((item, index) => addMappings(table, item, actual[index], [...resultPath, index]))
      return
    default:
      return
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
