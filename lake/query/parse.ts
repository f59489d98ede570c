// Parses GROQ once per distinct query string (an LRU of trees) and reports syntax errors in Sanity's shape.
import { parse, type ExprNode } from 'groq-js'
import { queryParseError } from '../http/errors.ts'
import { walkTree } from './syntax-tree.ts'

export type ParsedQuery = { tree: ExprNode; parameterNames: Set<string> }

const MAX_CACHED = 1000
const cache = new Map<string, ParsedQuery>()

export function parseQuery(query: string, params: Record<string, unknown> = {}): ParsedQuery {
  const cached = cache.get(query)
  if (cached) {
    // Re-insert to keep the most recently used entries at the end of the Map's order.
    cache.delete(query)
    cache.set(query, cached)
    return cached
  }
  let tree: ExprNode
  try {
    tree = parse(query)
  } catch (error) {
    // groq-js needs slice bounds at parse time; the Studio sends `[0...$__limit]`. Parse with the
    // params then (not cached: the tree depends on them).
    if (/slicing must use constant numbers/.test((error as Error).message) && Object.keys(params).length > 0) {
      try {
        const withParams = parse(query, { params })
        return { tree: withParams, parameterNames: parameterNamesOf(withParams) }
      } catch {
        // Fall through to report the original error.
      }
    }
    const err = error as Error & { position?: number }
    const start = typeof err.position === 'number' ? err.position : 0
    const end = typeof err.position === 'number' ? Math.min(query.length, start + 1) : query.length
    throw queryParseError(err.message, query, start, end)
  }
  const parsed = { tree, parameterNames: parameterNamesOf(tree) }
  cache.set(query, parsed)
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string)
  return parsed
}

/** `$names` a query uses, minus those declared by its own function definitions. */
function parameterNamesOf(tree: ExprNode): Set<string> {
  const used = new Set<string>()
  const declared = new Set<string>()
  walkTree(tree, (node) => {
    if (node.type === 'Parameter') used.add(node.name as string)
    if (node.type === 'FunctionDeclaration')
      for (const param of (node.params as { name: string }[] | undefined) ?? []) declared.add(param.name)
  })
  for (const name of declared) used.delete(name)
  return used
}

/** groq-js evaluates a missing `$param` to null; Sanity refuses the query instead, and so do we. */
export function assertParametersGiven(query: string, parsed: ParsedQuery, params: Record<string, unknown>): void {
  for (const name of parsed.parameterNames) {
    if (!Object.hasOwn(params, name)) {
      const at = query.indexOf(`$${name}`)
      throw queryParseError(
        `param $${name} referenced, but not provided`,
        query,
        Math.max(at, 0),
        at >= 0 ? at + name.length + 1 : query.length,
      )
    }
  }
}
