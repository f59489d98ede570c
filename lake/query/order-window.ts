// Recognises `*[filter] | order(path …)[a...b]` and reads just the top of the index order instead of every match;
// and `*[filter] | order(path)`, which a list in the index's order answers without groq-js sorting again.
import type { ExprNode } from 'groq-js'
import { isIndexedPath } from '../store/indexed-values.ts'
import { type AnyNode, attributePath, countNodes } from './syntax-tree.ts'

/** A query whose only `*` is filtered, ordered by an indexed path first, and cut to the first `limit` results. */
export type OrderWindow = {
  /** The `*[…]` part (a Filter node chain over Everything): what decides membership. */
  filter: ExprNode
  path: string
  descending: boolean
  /** How many leading results the query can use at most. */
  limit: number
}

function orderedFilter(node: AnyNode): Omit<OrderWindow, 'limit'> | null {
  if (node.type !== 'PipeFuncCall' || node.name !== 'order' || node.args.length === 0) return null
  let base: AnyNode = node.base
  if (base.type !== 'Filter') return null
  const filter = base
  while (base.type === 'Filter') base = base.base
  if (base.type !== 'Everything') return null
  const first = node.args[0] as AnyNode
  const descending = first.type === 'Desc'
  const keyNode = first.type === 'Desc' || first.type === 'Asc' ? first.base : first
  const path = attributePath(keyNode)
  if (!path || !isIndexedPath(path) || path[0] === '_id') return null
  return { filter: filter as ExprNode, path: path.join('.'), descending }
}

/** Finds the window in a query, looking through projections and maps on top of it. */
export function findOrderWindow(tree: ExprNode): OrderWindow | null {
  if (countNodes(tree, 'Everything') !== 1) return null
  let node = tree as unknown as AnyNode
  while (node.type === 'Projection' || node.type === 'Map') node = node.base
  if (node.type === 'Slice' && node.left >= 0 && node.right >= 0) {
    const ordered = orderedFilter(node.base)
    const limit = node.isInclusive ? node.right + 1 : node.right
    return ordered && limit > 0 ? { ...ordered, limit } : null
  }
  if (node.type === 'AccessElement' && node.index >= 0) {
    const ordered = orderedFilter(node.base)
    return ordered ? { ...ordered, limit: node.index + 1 } : null
  }
  return null
}

/** The query's only `*[…]` ordered by one indexed path (`node`, the `order()` call), under projections, maps and slices. */
export function findOrdering(tree: ExprNode): (Omit<OrderWindow, 'limit'> & { node: AnyNode }) | null {
  if (countNodes(tree, 'Everything') !== 1) return null
  let node = tree as unknown as AnyNode
  while (['Projection', 'Map', 'Slice', 'AccessElement'].includes(node.type)) node = node.base
  const ordered = node.type === 'PipeFuncCall' && node.args.length === 1 ? orderedFilter(node) : null
  return ordered && { ...ordered, node }
}
