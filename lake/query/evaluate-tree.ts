// Evaluates a syntax tree with groq-js: its synchronous evaluator where that covers the tree, its asynchronous one otherwise.
import { evaluate, evaluateSync, type EvaluateOptions, type ExprNode } from 'groq-js'

/** Expressions groq-js's synchronous evaluator refused once: they go straight to the asynchronous one. */
const asyncOnly = new WeakSet<object>()

/**
 * groq-js's synchronous evaluator runs the same executors without a promise per node (several times
 * faster over hundreds of documents); it refuses what it cannot do synchronously (`diff::`, `delta::`)
 * by throwing, and then the asynchronous one answers, or reports the query's own error. `key` (the
 * tree by default) is what the refusal is remembered by: an expression the caller evaluates again.
 */
export async function evaluateTree(tree: ExprNode, options: EvaluateOptions, key: object = tree): Promise<unknown> {
  if (!asyncOnly.has(key)) {
    try {
      return evaluateSync(tree, options).data
    } catch {
      asyncOnly.add(key)
    }
  }
  return (await evaluate(tree, options)).get()
}
