// Answers `count(*[…])` from the index alone when the index answers its filter exactly: groq-js then sees a number.
import type { ExprNode } from 'groq-js'
import type { Access } from '../http/access.ts'
import { countSql } from './candidate-sql.ts'
import { filtersOfChain, narrowingOf } from './constraints.ts'
import { visibleIdSql, type Perspective } from './perspectives.ts'
import { indexTrust, sourceOf, type PlanRequest, type Selectivity } from './plan.ts'
import { replaceNodes } from './syntax-tree.ts'

export type CountRequest = PlanRequest & { perspective: Perspective; access: Access }

/**
 * The tree with each such count replaced by its value, and one line per count for tests. A stacked view
 * overlays drafts on published documents, which SQL over stored rows cannot count: those stay with groq-js.
 */
export function countFromIndex(
  tree: ExprNode,
  request: CountRequest,
  selectivity: Selectivity,
): { tree: ExprNode; counted: string[] } {
  const counted: string[] = []
  if (request.perspective.kind === 'stack') return { tree, counted }
  const { store, dataset } = selectivity
  const trust = indexTrust(store, dataset)
  const rewritten = replaceNodes(tree, (node) => {
    if (node.type !== 'FuncCall' || node.namespace !== 'global' || node.name !== 'count') return null
    const args = node.args as { type: string }[]
    const filters = args.length === 1 ? filtersOfChain(args[0]) : null
    if (!filters) return null
    const narrowing = narrowingOf(filters, request.params, trust)
    if (!narrowing.exact) return null
    const ordered = selectivity.ordered(narrowing.constraint)
    if (ordered.relaxed) return null
    const { sql, args: sqlArgs } = countSql(
      dataset,
      ordered.constraint,
      visibleIdSql(request.perspective, request.access, 'c.id'),
    )
    counted.push(`count ${sourceOf(ordered.constraint)}`)
    return { type: 'Value', value: store.selectCount(sql, sqlArgs) }
  })
  return { tree: rewritten, counted }
}
