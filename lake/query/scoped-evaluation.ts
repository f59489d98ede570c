// Evaluates a GROQ sub-expression with groq-js inside a scope chain (`@`, `^`, `^.^`) that the caller holds as plain values.
import type { EvaluateOptions, ExprNode } from 'groq-js'
import { evaluateTree } from './evaluate-tree.ts'
import type { AnyNode } from './syntax-tree.ts'

/**
 * A scope as groq-js builds them: `hidden` scopes (a `[]` traversal's items) are skipped by the scopes
 * nested inside them, so `^` there reaches past the item. Mirrors groq-js's `Scope.createNested/createHidden`.
 */
export type PlainScope = { value: unknown; parent: PlainScope | null; hidden: boolean }

export const rootScope = (value: unknown): PlainScope => ({ value, parent: null, hidden: false })

export function nestedScope(scope: PlainScope, value: unknown): PlainScope {
  return { value, parent: scope.hidden ? scope.parent : scope, hidden: false }
}

export function hiddenScope(scope: PlainScope, value: unknown): PlainScope {
  return { ...nestedScope(scope, value), hidden: true }
}

/** Thrown when a scope chain cannot be rebuilt for groq-js (a `^` over a non-object): the caller gives up on that value. */
export class Untrackable extends Error {}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype

/**
 * Evaluates `node` as groq-js would in `scope`. groq-js takes only a root value, so the scopes the expression
 * can reach through `^` are rebuilt as nested projections over literal values (a projection opens a scope on
 * an object), and a hidden innermost scope as a one-item `[]` map.
 */
export async function evaluateInScope(
  node: ExprNode,
  scope: PlainScope,
  options: Omit<EvaluateOptions, 'root'>,
): Promise<unknown> {
  const chain: PlainScope[] = [scope]
  for (let level = reachAbove(node, scope.hidden), current = scope.parent; level > 0 && current; level--) {
    chain.push(current)
    current = current.parent
  }
  if (chain.length === 1) return evaluateTree(node, { ...options, root: scope.value })

  let tree: AnyNode = node as unknown as AnyNode
  const innermostHidden = scope.hidden
  if (innermostHidden) tree = { type: 'Map', base: { type: 'Value', value: [scope.value] }, expr: tree }
  for (let i = innermostHidden ? 1 : 0; i < chain.length - 1; i++) {
    const value = (chain[i] as PlainScope).value
    if (!isPlainObject(value)) throw new Untrackable('a scope below ^ is not an object')
    tree = { type: 'Projection', base: { type: 'Value', value }, expr: tree }
  }
  const root = (chain[chain.length - 1] as PlainScope).value
  const value = await evaluateTree(tree as unknown as ExprNode, { ...options, root }, node)
  return innermostHidden ? (value as unknown[] | null)?.[0] : value
}

const reachCache = new WeakMap<object, [number | undefined, number | undefined]>()

/** How many scopes above the innermost one `node` can read through `^` (0: only `@` and below). */
export function reachAbove(node: ExprNode, innermostHidden: boolean): number {
  const cached = reachCache.get(node) ?? [undefined, undefined]
  const slot = innermostHidden ? 1 : 0
  if (cached[slot] === undefined) {
    cached[slot] = reach(node as unknown as AnyNode, 0, innermostHidden)
    reachCache.set(node, cached)
  }
  return cached[slot] as number
}

/** `level` counts scopes opened inside the expression; a scope nested in a hidden one takes its level. */
function reach(node: AnyNode, level: number, hidden: boolean): number {
  const inner = hidden ? level : level + 1
  switch (node.type) {
    case 'Parent':
      return Math.max(0, (node.n as number) - level)
    case 'Value':
      return 0
    case 'Filter':
    case 'Projection':
      return Math.max(reach(node.base, level, hidden), reach(node.expr, inner, false))
    case 'Map':
    case 'FlatMap':
      return Math.max(reach(node.base, level, hidden), reach(node.expr, inner, true))
    case 'PipeFuncCall':
      return Math.max(
        reach(node.base, level, hidden),
        ...(node.args as AnyNode[]).map((arg) => reach(arg, inner, false)),
      )
    default: {
      let most = 0
      for (const child of childNodes(node)) most = Math.max(most, reach(child, level, hidden))
      return most
    }
  }
}

function childNodes(node: AnyNode): AnyNode[] {
  const children: AnyNode[] = []
  for (const value of Object.values(node)) {
    if (isNode(value)) children.push(value)
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) children.push(item)
  }
  return children
}

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as AnyNode).type === 'string'
