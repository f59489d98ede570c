// Evaluates a syntax tree with groq-js: its synchronous evaluator where that covers the tree, its asynchronous one otherwise.
import { evaluate, evaluateSync, type EvaluateOptions, type ExprNode } from 'groq-js'

/** Expressions groq-js's synchronous evaluator refused once: they go straight to the asynchronous one. */
const asyncOnly = new WeakSet<object>()

/**
 * groq-js's synchronous evaluator runs the same executors without a promise per node (about 2.5× faster
 * over hundreds of documents: bench/NOTES.md); it refuses what it cannot do synchronously (`diff::`,
 * `delta::`) by throwing, and then the asynchronous one answers, or reports the query's own error. Only
 * a refusal the asynchronous evaluator then answers is remembered, by `key` (the tree by default: an
 * expression the caller evaluates again), so one failing evaluation does not slow the expression for good.
 */
export async function evaluateTree(tree: ExprNode, options: EvaluateOptions, key: object = tree): Promise<unknown> {
  if (asyncOnly.has(key)) return (await evaluate(tree, options)).get()
  try {
    return evaluateSync(tree, options).data
  } catch {
    const result = await (await evaluate(tree, options)).get()
    asyncOnly.add(key)
    return result
  }
}
