// Content Source Maps: which document field every value of a query result was read from, in Sanity's format.
import { isDeepStrictEqual } from 'node:util'
import { jsonPath, type ContentSourceMap } from '@sanity/client/csm'
import type { ExprNode } from 'groq-js'
import { trackQuery, type Origin, type SourcePath, type Tracked, type TrackingOptions } from './provenance.ts'

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
  addMappings(table, tracked, result, '$')
  return table.toSourceMap()
}

class SourceTable {
  readonly #mode: SourceMapMode
  readonly #documents = new Map<string, number>()
  readonly #paths = new Map<string, number>()
  readonly #mappings: [string, { document: number; path: number }][] = []
  readonly #map: ContentSourceMap = emptySourceMap()
  /** Formatted paths, memoised: values of one document share their prefixes, results their attribute names. */
  readonly #pathText = new WeakMap<object, string>()
  readonly #attributeText = new Map<string, string>()

  constructor(mode: SourceMapMode) {
    this.#mode = mode
  }

  /** `['name']` as the client formats it (escapes included). */
  attribute(name: string): string {
    let text = this.#attributeText.get(name)
    if (text === undefined) {
      text = jsonPath([name]).slice(1)
      this.#attributeText.set(name, text)
    }
    return text
  }

  /** `document` is the stored document: under a stacked perspective `drafts.x` rather than the `x` it presents as. */
  add(resultPath: string, origin: Origin): void {
    const { document } = origin
    const id = typeof document._originalId === 'string' ? document._originalId : document._id
    const type = typeof document._type === 'string' ? document._type : ''
    const documentKey = `${id}\u0000${type}`
    let documentIndex = this.#documents.get(documentKey)
    if (documentIndex === undefined) {
      documentIndex = this.#map.documents.push({ _id: id, _type: type }) - 1
      this.#documents.set(documentKey, documentIndex)
    }
    const path = this.#sourcePath(origin.path)
    let pathIndex = this.#paths.get(path)
    if (pathIndex === undefined) {
      pathIndex = this.#map.paths.push(path) - 1
      this.#paths.set(path, pathIndex)
    }
    this.#mappings.push([resultPath, { document: documentIndex, path: pathIndex }])
  }

  #sourcePath(path: SourcePath): string {
    if (path === null) return '$'
    let text = this.#pathText.get(path)
    if (text === undefined) {
      const { segment } = path
      const step = typeof segment !== 'object' || this.#mode === 'keyed' ? segment : segment._index
      text =
        this.#sourcePath(path.parent) + (typeof step === 'string' ? this.attribute(step) : jsonPath([step]).slice(1))
      this.#pathText.set(path, text)
    }
    return text
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
function addMappings(table: SourceTable, tracked: Tracked, actual: unknown, resultPath: string): void {
  if (actual === null || actual === undefined) return
  switch (tracked.kind) {
    case 'read': {
      if (actual !== tracked.value && !isDeepStrictEqual(actual, tracked.value)) return
      // A whole document maps attribute by attribute, as Sanity maps `{...}`.
      if (tracked.origin.path === null && isRecord(actual)) {
        for (const [name, value] of Object.entries(actual))
          if (value !== null && value !== undefined)
            table.add(resultPath + table.attribute(name), { ...tracked.origin, path: { parent: null, segment: name } })
        return
      }
      table.add(resultPath, tracked.origin)
      return
    }
    case 'object':
      if (!isRecord(actual)) return
      for (const [name, attribute] of tracked.attributes)
        if (Object.hasOwn(actual, name)) addMappings(table, attribute, actual[name], resultPath + table.attribute(name))
      return
    case 'array':
      if (!Array.isArray(actual) || actual.length !== tracked.items.length) return
      tracked.items.forEach((item, index) => addMappings(table, item, actual[index], `${resultPath}[${index}]`))
      return
    default:
      return
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
