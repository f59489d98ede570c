// Applies one Sanity patch to a document with @sanity/mutator, after checking its shape ourselves.
import { Mutation } from '@sanity/mutator'
import type { SanityDocument } from '../store/store.ts'

/** Operations in the order Sanity applies them; anything else in a patch is refused. */
export const PATCH_OPERATIONS = [
  'set',
  'setIfMissing',
  'unset',
  'diffMatchPatch',
  'inc',
  'dec',
  'insert',
  'merge',
] as const
const SELECTORS = new Set(['id', 'query', 'params', 'ifRevisionID'])

/** Returns why a patch body is malformed, or null. */
export function patchProblem(patch: Record<string, unknown>): string | null {
  for (const key of Object.keys(patch)) {
    if (!SELECTORS.has(key) && !(PATCH_OPERATIONS as readonly string[]).includes(key))
      return `Unknown patch operation "${key}"; expected one of ${PATCH_OPERATIONS.join(', ')}`
  }
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
  for (const op of ['set', 'setIfMissing', 'diffMatchPatch', 'inc', 'dec', 'merge'] as const) {
    if (patch[op] !== undefined && !isObject(patch[op]))
      return `Patch operation "${op}" must be an object of path: value`
  }
  for (const op of ['inc', 'dec'] as const) {
    const values = patch[op] as Record<string, unknown> | undefined
    if (values && Object.values(values).some((v) => typeof v !== 'number'))
      return `Patch operation "${op}" needs numbers`
  }
  if (patch.diffMatchPatch && Object.values(patch.diffMatchPatch as object).some((v) => typeof v !== 'string'))
    return 'Patch operation "diffMatchPatch" needs patch strings'
  if (patch.unset !== undefined && (!Array.isArray(patch.unset) || patch.unset.some((p) => typeof p !== 'string')))
    return 'Patch operation "unset" must be an array of paths'
  if (patch.insert !== undefined) {
    const insert = patch.insert as Record<string, unknown>
    if (!isObject(insert)) return 'Patch operation "insert" must be an object'
    const positions = ['before', 'after', 'replace'].filter((p) => insert[p] !== undefined)
    if (positions.length !== 1 || typeof insert[positions[0] as string] !== 'string')
      return 'Patch operation "insert" needs exactly one of before, after or replace (a path)'
    if (!Array.isArray(insert.items)) return 'Patch operation "insert" needs an "items" array'
  }
  return null
}

/** Applies the patch's operations to a copy of `doc`; throws with the mutator's message on a bad path. */
export function applyPatch(doc: SanityDocument, patch: Record<string, unknown>): SanityDocument {
  const operations: Record<string, unknown> = { id: doc._id }
  for (const op of PATCH_OPERATIONS)
    if (patch[op] !== undefined && op !== 'merge') operations[op] = structuredClone(patch[op])
  let result = new Mutation({ mutations: [{ patch: operations as never }] }).apply(
    structuredClone(doc) as never,
  ) as SanityDocument | null
  if (patch.merge !== undefined && result)
    result = deepMerge(result, patch.merge as Record<string, unknown>) as SanityDocument
  if (!result) throw new Error('Patch removed the whole document')
  return result
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target }
  for (const [key, value] of Object.entries(source)) {
    const existing = merged[key]
    const bothObjects =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      existing &&
      typeof existing === 'object' &&
      !Array.isArray(existing)
    merged[key] = bothObjects
      ? deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>)
      : structuredClone(value)
  }
  return merged
}
