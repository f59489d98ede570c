// Re-walks a GROQ tree keeping track of which document field each value was read from; groq-js decides every filter, order and condition.
import type { DereferenceFunction, EvaluateOptions, ExprNode } from 'groq-js'
import type { SanityDocument } from '../store/store.ts'
import {
  evaluateInScope,
  hiddenScope,
  isPlainObject,
  nestedScope,
  rootScope,
  Untrackable,
  type PlainScope,
} from './scoped-evaluation.ts'
import type { AnyNode } from './syntax-tree.ts'

/** A step into a document value: an attribute, an array index, or an array item known by its `_key`. */
export type Segment = string | number | { _key: string; _index: number }

/** A path inside a document as a chain back to its root (null): a step deeper shares everything above it. */
export type SourcePath = { parent: SourcePath; segment: Segment } | null

/** Where a value lives: a path inside a document the query read (from `*` or `->`). */
export type Origin = { document: SanityDocument; path: SourcePath }

/**
 * A value of the shadow evaluation. `read`: exactly the value at `origin` (and so is every part of it);
 * `object`/`array`: built by the query, each part tracked; `computed`: no single field it came from
 * (literals, parameters, operators, functions); `unknown`: this walk could not follow it. A built value
 * with an unknown part has no plain `value` (undefined).
 */
export type Tracked =
  | { kind: 'read'; value: unknown; origin: Origin }
  | { kind: 'object'; value: Record<string, unknown> | undefined; attributes: Map<string, Tracked> }
  | { kind: 'array'; value: unknown[] | undefined; items: Tracked[] }
  | { kind: 'computed'; value: unknown }
  | { kind: 'unknown' }

type TrackingScope = PlainScope & { tracked: Tracked; parent: TrackingScope | null }

export type TrackingOptions = Omit<EvaluateOptions, 'root' | 'dataset' | 'dereference'> & {
  dataset: SanityDocument[]
  dereference: DereferenceFunction
}

const UNKNOWN: Tracked = { kind: 'unknown' }
const computed = (value: unknown): Tracked => ({ kind: 'computed', value: value ?? null })

/** The tracked result of `tree`; its values equal groq-js's wherever the walk could follow it. */
export async function trackQuery(tree: ExprNode, options: TrackingOptions): Promise<Tracked> {
  const walk = new ProvenanceWalk(options)
  return walk.guarded(tree as unknown as AnyNode, walk.scope(rootScope(null), computed(null)))
}

class ProvenanceWalk {
  readonly #options: TrackingOptions
  #everything: Tracked | null = null

  constructor(options: TrackingOptions) {
    this.#options = options
  }

  scope(plain: PlainScope, tracked: Tracked): TrackingScope {
    return { ...plain, tracked } as TrackingScope
  }

  nested(scope: TrackingScope, tracked: Tracked): TrackingScope {
    return this.scope(nestedScope(scope, plainValue(tracked)), tracked)
  }

  hidden(scope: TrackingScope, tracked: Tracked): TrackingScope {
    return this.scope(hiddenScope(scope, plainValue(tracked)), tracked)
  }

  /** Evaluates a node, turning "cannot follow" into an `unknown` value instead of failing its neighbours. */
  async guarded(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    try {
      return await this.evaluate(node, scope)
    } catch (error) {
      if (error instanceof Untrackable) return UNKNOWN
      throw error
    }
  }

  /** groq-js's own answer for a node, as a value with no single origin. */
  decide(node: AnyNode, scope: PlainScope): Promise<unknown> {
    return evaluateInScope(node as unknown as ExprNode, scope, this.#options)
  }

  async evaluate(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    switch (node.type) {
      case 'This':
        return scope.tracked
      case 'Parent': {
        let current: TrackingScope | null = scope
        for (let i = 0; i < node.n && current; i++) current = current.parent
        return current ? current.tracked : computed(null)
      }
      case 'Everything':
        return this.everything()
      case 'Group':
        return this.evaluate(node.base, scope)
      case 'Value':
        return computed(node.value)
      case 'Parameter':
        return computed(this.#options.params?.[node.name])
      case 'AccessAttribute':
        return attributeOf(await this.evaluate(node.base ?? { type: 'This' }, scope), node.name)
      case 'AccessElement': {
        const base = await this.evaluate(node.base, scope)
        const items = itemsOf(base)
        if (!items) return notAnArray(base)
        const index = node.index < 0 ? node.index + items.length : node.index
        return items[index] ?? computed(null)
      }
      case 'Slice':
        return this.slice(node, await this.evaluate(node.base, scope))
      case 'ArrayCoerce': {
        const base = await this.evaluate(node.base, scope)
        return itemsOf(base) ? base : notAnArray(base)
      }
      case 'Filter':
        return this.filter(node, scope)
      case 'Projection': {
        const base = await this.evaluate(node.base, scope)
        if (base.kind === 'unknown') return UNKNOWN
        return attributeNames(base) ? this.evaluate(node.expr, this.nested(scope, base)) : computed(null)
      }
      case 'Map':
      case 'FlatMap':
        return this.traverse(node, scope)
      case 'Deref':
        return this.dereference(await this.evaluate(node.base, scope))
      case 'Object':
        return this.object(node, scope)
      case 'Array':
        return this.array(node, scope)
      case 'Select':
        for (const alternative of node.alternatives as AnyNode[]) {
          if ((await this.decide(alternative.condition, scope)) === true) return this.evaluate(alternative.value, scope)
        }
        return node.fallback ? this.evaluate(node.fallback, scope) : computed(null)
      case 'FuncCall':
        if (node.namespace === 'global' && node.name === 'coalesce') {
          for (const arg of node.args as AnyNode[]) {
            const value = await this.evaluate(arg, scope)
            if (value.kind === 'unknown') return UNKNOWN
            if (value.value !== null && value.value !== undefined) return value
          }
          return computed(null)
        }
        return computed(await this.decide(node, scope))
      case 'PipeFuncCall':
        if (node.name === 'order') return this.order(node, scope)
        if (node.name === 'score') return this.score(node, scope)
        return computed(await this.decide(node, scope))
      default:
        return computed(await this.decide(node, scope))
    }
  }

  everything(): Tracked {
    this.#everything ??= {
      kind: 'array',
      value: this.#options.dataset,
      items: this.#options.dataset.map((document) => ({
        kind: 'read',
        value: document,
        origin: { document, path: null },
      })),
    }
    return this.#everything
  }

  slice(node: AnyNode, base: Tracked): Tracked {
    const items = itemsOf(base)
    if (!items) return notAnArray(base)
    // groq-js's bounds arithmetic, so the kept items are the same ones.
    let left = node.left as number
    let right = node.right as number
    if (left < 0) left = items.length + left
    if (right < 0) right = items.length + right
    if (node.isInclusive) right++
    if (left < 0) left = 0
    if (right < 0) right = 0
    return arrayOf(items.slice(left, right))
  }

  async filter(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    const base = await this.evaluate(node.base, scope)
    const items = itemsOf(base)
    if (!items) return notAnArray(base)
    const values = items.map(plainValue)
    // Objects keep their identity through groq-js's filter: one call decides every item.
    if (distinctObjects(values)) {
      const kept = new Set(
        (await this.decide(
          { type: 'Filter', base: { type: 'Value', value: values }, expr: node.expr },
          scope,
        )) as object[],
      )
      return arrayOf(items.filter((_, i) => kept.has(values[i] as object)))
    }
    const keep: Tracked[] = []
    for (const item of items) {
      if ((await this.decide(node.expr, nestedScope(scope, plainValue(item)))) === true) keep.push(item)
    }
    return arrayOf(keep)
  }

  async traverse(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    const base = await this.evaluate(node.base, scope)
    const items = itemsOf(base)
    if (!items) return notAnArray(base)
    const results: Tracked[] = []
    for (const item of items) {
      const followed = item.kind !== 'unknown' && item.value !== undefined
      const inner = followed ? await this.guarded(node.expr, this.hidden(scope, item)) : UNKNOWN
      const innerItems = node.type === 'FlatMap' ? itemsOf(inner) : null
      if (innerItems) results.push(...innerItems)
      else results.push(inner)
    }
    return arrayOf(results)
  }

  async dereference(base: Tracked): Promise<Tracked> {
    const ref = attributeOf(base, '_ref')
    if (ref.kind === 'unknown') return UNKNOWN
    if (typeof ref.value !== 'string') return computed(null)
    const document = (await this.#options.dereference({ _ref: ref.value })) as SanityDocument | null | undefined
    return document ? { kind: 'read', value: document, origin: { document, path: null } } : computed(null)
  }

  async object(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    const attributes = new Map<string, Tracked>()
    for (const attribute of node.attributes as AnyNode[]) {
      if (attribute.type === 'ObjectAttributeValue') {
        attributes.set(attribute.name, await this.guarded(attribute.value, scope))
        continue
      }
      if (attribute.type === 'ObjectConditionalSplat' && (await this.decide(attribute.condition, scope)) !== true)
        continue
      const spread = await this.guarded(attribute.value, scope)
      if (spread.kind === 'unknown') throw new Untrackable('a spread object could not be followed')
      for (const name of attributeNames(spread) ?? []) attributes.set(name, attributeOf(spread, name))
    }
    return objectOf(attributes)
  }

  async array(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    const items: Tracked[] = []
    for (const element of node.elements as AnyNode[]) {
      const value = await this.guarded(element.value, scope)
      if (!element.isSplat) items.push(value)
      else if (value.kind === 'unknown') throw new Untrackable('a spread array could not be followed')
      else items.push(...(itemsOf(value) ?? []))
    }
    return arrayOf(items)
  }

  /** Sorts with groq-js: by identity when the items are distinct objects, else by sort keys each item gets. */
  async order(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    const base = await this.evaluate(node.base, scope)
    const items = itemsOf(base)
    if (!items) return notAnArray(base)
    const values = items.map(plainValue)
    if (distinctObjects(values)) {
      const sorted = (await this.decide({ ...node, base: { type: 'Value', value: values } }, scope)) as object[]
      const position = new Map(values.map((value, i) => [value as object, i]))
      return arrayOf(sorted.map((value) => items[position.get(value) as number] as Tracked))
    }
    const rows: { i: number; k: unknown[] }[] = []
    for (const [i, item] of items.entries()) {
      const keys: unknown[] = []
      for (const arg of node.args as AnyNode[]) {
        const mapper = arg.type === 'Asc' || arg.type === 'Desc' ? arg.base : arg
        keys.push(await this.decide(mapper, nestedScope(scope, plainValue(item))))
      }
      rows.push({ i, k: keys })
    }
    const byKeys = (node.args as AnyNode[]).map((arg, j) => ({
      type: arg.type === 'Desc' ? 'Desc' : 'Asc',
      base: { type: 'AccessElement', base: { type: 'AccessAttribute', name: 'k' }, index: j },
    }))
    const sorted = (await this.decide(
      { type: 'PipeFuncCall', name: 'order', base: { type: 'Value', value: rows }, args: byKeys },
      rootScope(null),
    )) as typeof rows
    return arrayOf(sorted.map((row) => items[row.i] as Tracked))
  }

  /** `score()` returns each object item as a copy with `_score`, best first; the copies keep their fields' origins. */
  async score(node: AnyNode, scope: TrackingScope): Promise<Tracked> {
    const base = await this.evaluate(node.base, scope)
    const items = itemsOf(base)
    if (!items) return notAnArray(base)
    const scored: { item: Tracked; score: number }[] = []
    for (const item of items) {
      const value = plainValue(item)
      if (!isPlainObject(value)) continue
      const [copy] = (await this.decide({ ...node, base: { type: 'Value', value: [value] } }, scope)) as {
        _score: number
      }[]
      scored.push({ item, score: copy?._score ?? 0 })
    }
    // The same stable sort groq-js runs, over the same order of items.
    scored.sort((a, b) => b.score - a.score)
    return arrayOf(
      scored.map(({ item, score }) => {
        const attributes = new Map<string, Tracked>()
        for (const name of attributeNames(item) ?? []) attributes.set(name, attributeOf(item, name))
        attributes.set('_score', computed(score))
        return objectOf(attributes)
      }),
    )
  }
}

/** The plain value of a tracked one, for groq-js; a value this walk could not follow stops whoever needs it. */
export function plainValue(tracked: Tracked): unknown {
  if (tracked.kind === 'unknown' || tracked.value === undefined) throw new Untrackable('value not followed')
  return tracked.value
}

/** The attribute names of an object value (groq-js's `object` type); null for anything else. */
function attributeNames(tracked: Tracked): string[] | null {
  if (tracked.kind === 'object') return [...tracked.attributes.keys()]
  if (tracked.kind === 'unknown' || !isPlainObject(tracked.value)) return null
  return Object.keys(tracked.value)
}

function attributeOf(base: Tracked, name: string): Tracked {
  if (base.kind === 'unknown') return UNKNOWN
  if (base.kind === 'object') return base.attributes.get(name) ?? computed(null)
  const value = isPlainObject(base.value) && Object.hasOwn(base.value, name) ? base.value[name] : null
  if (base.kind === 'read' && value !== null && value !== undefined)
    return { kind: 'read', value, origin: { ...base.origin, path: { parent: base.origin.path, segment: name } } }
  return computed(value)
}

/** What an array operation gives for a base that is not an array: null, as in groq-js (unknown stays unknown). */
const notAnArray = (base: Tracked): Tracked => (base.kind === 'unknown' ? UNKNOWN : computed(null))

/** The items of an array value, each tracked; null when the value is not an array. */
function itemsOf(tracked: Tracked): Tracked[] | null {
  if (tracked.kind === 'array') return tracked.items
  if ((tracked.kind !== 'read' && tracked.kind !== 'computed') || !Array.isArray(tracked.value)) return null
  const values = tracked.value as unknown[]
  if (tracked.kind === 'computed') return values.map(computed)
  const { origin } = tracked
  return values.map((value, index) =>
    value === null || value === undefined
      ? computed(null)
      : {
          kind: 'read',
          value,
          origin: { ...origin, path: { parent: origin.path, segment: itemSegment(value, index) } },
        },
  )
}

function itemSegment(value: unknown, index: number): Segment {
  const key = isPlainObject(value) ? value._key : undefined
  return typeof key === 'string' && key !== '' ? { _key: key, _index: index } : index
}

/** An array built by the query; an item this walk lost makes the whole array's plain value unknown. */
function arrayOf(items: Tracked[]): Tracked {
  const values: unknown[] = []
  for (const item of items) {
    if (item.kind === 'unknown' || item.value === undefined) return { kind: 'array', value: undefined, items }
    values.push(item.value)
  }
  return { kind: 'array', value: values, items }
}

function objectOf(attributes: Map<string, Tracked>): Tracked {
  const value: Record<string, unknown> = {}
  let complete = true
  for (const [name, attribute] of attributes) {
    if (attribute.kind === 'unknown' || attribute.value === undefined) complete = false
    else value[name] = attribute.value
  }
  return { kind: 'object', value: complete ? value : undefined, attributes }
}

const distinctObjects = (values: unknown[]) =>
  values.every((value) => isPlainObject(value)) && new Set(values).size === values.length
