// Gives groq-js the `text::query()` search of Sanity's Content Lake (which groq-js leaves unimplemented) by rewriting the parsed query into predicates groq-js evaluates, so `score()`/`boost()` rank it as usual.
import type { ExprNode } from 'groq-js'
import { SEARCHABLE_STRINGS, SEARCHABLE_WORDS, withSearchableText } from './searchable-text.ts'

export { withSearchableText } from './searchable-text.ts'

/**
 * The search language of `text::query()`, as the Studio's `groq2024` search writes it
 * (see `createGroqSearchFilter` in `@sanity/sdk`): space-separated terms that must all
 * match, `"quoted phrases"` matched as written, `-term` or `-"phrase"` excluded, `term*` a
 * prefix, and a lone `*` (or nothing) matching everything.
 */
export type TextQuery = {
  matchesEverything: boolean
  /** groq `match` patterns (words, `*` wildcards) that must all be found. */
  required: string[]
  /** Lower-cased phrases that must occur as written. */
  phrases: string[]
  /** groq `match` patterns of which none may be found. */
  excluded: string[]
  /** Lower-cased phrases that must not occur. */
  excludedPhrases: string[]
}

const TOKEN = /(?:[^\s"]+|"[^"]*")+/g

/** Parses the text the editor typed (after the Studio's own prefixing) into what must and must not match. */
export function parseTextQuery(input: string): TextQuery {
  const query: TextQuery = { matchesEverything: false, required: [], phrases: [], excluded: [], excludedPhrases: [] }
  for (const raw of input.match(TOKEN) ?? []) {
    const negated = raw.startsWith('-') && raw.length > 1
    const token = negated ? raw.slice(1) : raw
    const quoted = token.length >= 2 && token.startsWith('"') && token.endsWith('"')
    if (quoted) {
      const phrase = normalisePhrase(token.slice(1, -1))
      if (phrase === '') continue
      // A phrase's words must all be there (this also lets score() rank it) and appear in this order.
      if (negated) query.excludedPhrases.push(phrase)
      else {
        query.phrases.push(phrase)
        query.required.push(...phrase.split(' '))
      }
      continue
    }
    const term = token.replaceAll('"', '')
    if (term === '' || /^\*+$/.test(term)) continue
    if (negated) query.excluded.push(term)
    else query.required.push(term)
  }
  query.matchesEverything =
    query.required.length === 0 &&
    query.phrases.length === 0 &&
    query.excluded.length === 0 &&
    query.excludedPhrases.length === 0
  return query
}

function normalisePhrase(text: string): string {
  return text.trim().split(/\s+/).filter(Boolean).join(' ').toLowerCase()
}

type Node = ExprNode
type Params = Record<string, unknown>

export type TextSearchRewrite = {
  tree: Node
  /** True when a `text::query` is matched against `@`, so documents need their searchable strings attached. */
  searchesWholeDocuments: boolean
}

/**
 * Replaces every `<left> match text::query(<q>)` in a parsed query by an equivalent
 * predicate groq-js can evaluate. `<q>` must be a literal or a parameter (as the Studio
 * sends it); anything else is left alone and groq-js reports it.
 */
export function rewriteTextQueries(tree: Node, params: Params = {}): TextSearchRewrite {
  let searchesWholeDocuments = false
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (node === null || typeof node !== 'object') return node
    const candidate = node as { type?: unknown }
    if (typeof candidate.type !== 'string') return node
    const search = textQueryMatch(node as Node, params)
    if (search) {
      const left = rewrite(search.left) as Node
      const { expression, usesDocument } = searchPredicate(left, search.query)
      searchesWholeDocuments ||= usesDocument
      return expression
    }
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) copy[key] = rewrite(value)
    return foldSearchForEverything(copy as unknown as Node)
  }
  return { tree: rewrite(tree) as Node, searchesWholeDocuments }
}

const isTrue = (node: Node) => node.type === 'Value' && node.value === true

/**
 * An empty search box (`*`) makes the Studio's `(… match text::query("*") || references(…))` true
 * for every document; groq-js would still walk each document for `references()`. A parenthesised
 * `true || x` is `true` whatever `x` is, as a filter and as a score (a group scores as a boolean).
 */
function foldSearchForEverything(node: Node): Node {
  if (node.type === 'Group' && node.base.type === 'Or' && (isTrue(node.base.left) || isTrue(node.base.right)))
    return { type: 'Group', base: value(true) }
  return node
}

/** True when the query text calls `text::query` at all (a cheap test before parsing work). */
export function mentionsTextQuery(query: string): boolean {
  return query.includes('text::query')
}

function textQueryMatch(node: Node, params: Params): { left: Node; query: TextQuery } | null {
  if (node.type !== 'OpCall' || node.op !== 'match') return null
  const right = unwrapGroup(node.right)
  if (right.type !== 'FuncCall' || right.namespace !== 'text' || right.name !== 'query') return null
  const [argument] = right.args
  if (!argument) return null
  const value = constantValue(argument, params)
  if (value === undefined) return null
  // A non-string search (null, a number) matches nothing, like a missing search box value would.
  const query = typeof value === 'string' ? parseTextQuery(value) : null
  return {
    left: node.left,
    query: query ?? { matchesEverything: false, required: [], phrases: [], excluded: [], excludedPhrases: ['\u0000'] },
  }
}

function unwrapGroup(node: Node): Node {
  return node.type === 'Group' ? unwrapGroup(node.base) : node
}

function constantValue(node: Node, params: Params): unknown {
  const inner = unwrapGroup(node)
  if (inner.type === 'Value') return inner.value
  if (inner.type === 'Parameter') return Object.hasOwn(params, inner.name) ? params[inner.name] : undefined
  return undefined
}

const value = (v: unknown): Node => ({ type: 'Value', value: v })
const call = (namespace: string, name: string, args: Node[]): Node => ({ type: 'FuncCall', namespace, name, args })
const and = (left: Node, right: Node): Node => ({ type: 'And', left, right })
const not = (base: Node): Node => ({ type: 'Not', base })
const matches = (left: Node, patterns: string[]): Node => ({
  type: 'OpCall',
  op: 'match',
  left,
  right: value(patterns),
})

/**
 * What a search looks in: `@` inside the searched values stands for all of the document's strings
 * (its pre-tokenised words for terms, its strings for phrases); other values are used as given.
 */
function searchedValues(left: Node): { words: Node; strings: Node; usesDocument: boolean } {
  const inner = unwrapGroup(left)
  const documentAttribute = (name: string): Node => ({ type: 'AccessAttribute', base: { type: 'This' }, name })
  if (inner.type === 'This')
    return {
      words: documentAttribute(SEARCHABLE_WORDS),
      strings: documentAttribute(SEARCHABLE_STRINGS),
      usesDocument: true,
    }
  if (
    inner.type !== 'Array' ||
    !inner.elements.some((element) => !element.isSplat && unwrapGroup(element.value).type === 'This')
  ) {
    return { words: left, strings: left, usesDocument: false }
  }
  const withDocument = (name: string): Node => ({
    type: 'Array',
    elements: inner.elements.map((element) =>
      !element.isSplat && unwrapGroup(element.value).type === 'This'
        ? { type: 'ArrayElement' as const, value: documentAttribute(name), isSplat: true }
        : element,
    ),
  })
  return { words: withDocument(SEARCHABLE_WORDS), strings: withDocument(SEARCHABLE_STRINGS), usesDocument: true }
}

/** `count(strings[count(string::split(lower(@), phrase)) > 1]) > 0`: some string contains the phrase. */
function containsPhrase(strings: Node, phrase: string): Node {
  const inner = unwrapGroup(strings)
  const isList = inner.type === 'Array' || (inner.type === 'AccessAttribute' && inner.name === SEARCHABLE_STRINGS)
  const asArray: Node = isList
    ? strings
    : { type: 'Array', elements: [{ type: 'ArrayElement', value: strings, isSplat: false }] }
  const pieces = call('string', 'split', [call('global', 'lower', [{ type: 'This' }]), value(phrase)])
  const stringsWithPhrase: Node = {
    type: 'Filter',
    base: asArray,
    expr: { type: 'OpCall', op: '>', left: call('global', 'count', [pieces]), right: value(1) },
  }
  return { type: 'OpCall', op: '>', left: call('global', 'count', [stringsWithPhrase]), right: value(0) }
}

function searchPredicate(left: Node, query: TextQuery): { expression: Node; usesDocument: boolean } {
  if (query.matchesEverything) return { expression: value(true), usesDocument: false }
  const { words, strings, usesDocument } = searchedValues(left)
  const conditions: Node[] = []
  // As a filter, `match` with several patterns needs them all; inside score() it counts any of them.
  if (query.required.length > 0) conditions.push(matches(words, query.required))
  for (const phrase of query.phrases) conditions.push(containsPhrase(strings, phrase))
  for (const pattern of query.excluded) conditions.push(not(matches(words, [pattern])))
  for (const phrase of query.excludedPhrases) conditions.push(not(containsPhrase(strings, phrase)))
  const [first, ...rest] = conditions
  const predicate = rest.reduce<Node>((all, condition) => and(all, condition), first ?? value(true))
  if (query.required.length === 0) return { expression: predicate, usesDocument }
  // score() scores a Group as a plain boolean (0 unless the whole search matches) and an And as
  // the sum of its sides when both are non-zero: so a document scores only if every term matches,
  // and then ranks by how often the terms occur, like Sanity's ranking.
  return { expression: and({ type: 'Group', base: predicate }, matches(words, query.required)), usesDocument }
}

/**
 * The one call the query path makes: the rewritten tree, and the dataset to evaluate it
 * against (with searchable strings attached only when the query needs them).
 */
export function prepareTextSearch<T>(
  tree: Node,
  params: Params,
  dataset: readonly T[],
): { tree: Node; dataset: readonly T[] } {
  const rewritten = rewriteTextQueries(tree, params)
  return { tree: rewritten.tree, dataset: rewritten.searchesWholeDocuments ? withSearchableText(dataset) : dataset }
}
