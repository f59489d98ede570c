// Small, pure helpers over groq-js syntax trees: walking nodes and reading attribute paths.
import type { ExprNode } from 'groq-js'

type TreeNode = { type: string; [key: string]: unknown }

/** A groq-js node whose fields the planner's walkers read by name, without narrowing groq-js's union at each step. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the walkers check each field's shape where they read it
export type AnyNode = { type: string; [key: string]: any }

const isNode = (value: unknown): value is TreeNode =>
  typeof value === 'object' && value !== null && typeof (value as TreeNode).type === 'string'

/** Calls `visit` for every node in the tree with its parent (null for the root). */
export function walkTree(node: ExprNode, visit: (node: TreeNode, parent: TreeNode | null) => void): void {
  const stack: [TreeNode, TreeNode | null][] = [[node as unknown as TreeNode, null]]
  while (stack.length > 0) {
    const [current, parent] = stack.pop() as [TreeNode, TreeNode | null]
    visit(current, parent)
    for (const value of Object.values(current)) {
      if (isNode(value)) stack.push([value, current])
      else if (Array.isArray(value)) for (const item of value) if (isNode(item)) stack.push([item, current])
    }
  }
}

/** `a.b.c` relative to the current document (`@`), as segments; null for anything else. */
export function attributePath(node: unknown): string[] | null {
  const segments: string[] = []
  let current = node as TreeNode | undefined
  while (current && current.type === 'AccessAttribute') {
    segments.unshift(current.name as string)
    current = current.base as TreeNode | undefined
  }
  if (segments.length === 0) return null
  if (current === undefined || current.type === 'This') return segments
  return null
}

export type Constant = { value: unknown } | null

/** The value of a literal or a given `$param`; null when the node is not a constant. */
export function constantValue(node: unknown, params: Record<string, unknown>): Constant {
  const n = node as TreeNode
  if (n?.type === 'Value') return { value: n.value }
  if (n?.type === 'Parameter')
    return Object.hasOwn(params, n.name as string) ? { value: params[n.name as string] } : null
  if (n?.type === 'Group') return constantValue(n.base, params)
  if (n?.type === 'Array') {
    const values: unknown[] = []
    for (const element of n.elements as TreeNode[]) {
      if (element.isSplat) return null
      const inner = constantValue(element.value, params)
      if (!inner) return null
      values.push(inner.value)
    }
    return { value: values }
  }
  return null
}

export function countNodes(node: ExprNode, type: string): number {
  let count = 0
  walkTree(node, (n) => {
    if (n.type === type) count++
  })
  return count
}

/** A copy of the tree in which each node `replace` answers for is replaced (the tree itself is left as it was). */
export function replaceNodes(tree: ExprNode, replace: (node: TreeNode) => TreeNode | null): ExprNode {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const mapped = value.map(visit)
      return mapped.some((item, index) => item !== value[index]) ? mapped : value
    }
    if (!isNode(value)) return value
    const replaced = replace(value)
    if (replaced) return replaced
    let copy: TreeNode | null = null
    for (const [key, inner] of Object.entries(value)) {
      const mapped = visit(inner)
      if (mapped !== inner) (copy ??= { ...value })[key] = mapped
    }
    return copy ?? value
  }
  return visit(tree) as ExprNode
}
