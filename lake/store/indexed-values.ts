// Decides which values of a document go into the doc_index table, and which paths the planner may trust.

export type IndexKind = 's' | 'n' | 'b' | 'l' | 'o'
/**
 * Kinds `l` (a string longer than MAX_INDEXED_STRING) and `o` (an object, array or null) carry no value:
 * they only feed path_stats, so the planner knows when the index rows at a path miss some documents.
 */
export type IndexEntry = { path: string; kind: IndexKind; value: string | number | null }

/** Whether an entry is a doc_index row (the other kinds are only counted in path_stats). */
export const isIndexRow = (entry: IndexEntry) => entry.kind !== 'l' && entry.kind !== 'o'

/**
 * The version of what doc_index and path_stats hold; a store opened on an older file rebuilds both.
 * 2: long strings counted apart (`l`); documents whose `@ref` rows differ from what references() sees counted.
 * 3: doc_index's values kept as written (strings that look like numbers were stored as numbers).
 */
export const INDEX_VERSION = 3

/** Paths deeper than this are not indexed (queries on them are still answered, just without narrowing). */
export const MAX_INDEXED_DEPTH = 4
/** Longer strings are recorded as kind `l` (present, not comparable through the index). */
export const MAX_INDEXED_STRING = 200
/** Pseudo-path holding every `_ref` anywhere in a document, for `references()` and reference integrity. */
export const REFERENCES_PATH = '@ref'

// `_rev` changes on every write and is only ever compared through ifRevisionID: an index row would be pure cost.
const skippedKeys = new Set(['_key', '_weak', '_rev'])

/** The index value of a GROQ scalar literal, or null when the index cannot answer equality on it. */
export function indexKeyOf(value: unknown): { kind: IndexKind; value: string | number } | null {
  if (typeof value === 'string') return value.length <= MAX_INDEXED_STRING ? { kind: 's', value } : null
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'n', value } : null
  if (typeof value === 'boolean') return { kind: 'b', value: value ? 1 : 0 }
  return null
}

/**
 * Whether SQLite orders the string against any other as groq-js does: SQLite compares UTF-8 bytes, groq-js
 * UTF-16 code units, and the two agree against a string free of code units from U+D800 up (surrogates,
 * U+E000–U+FFFF), and only then.
 */
export const collatesAsInGroq = (value: string) => !/[\uD800-\uFFFF]/.test(value)

/** Whether an attribute path (object keys from the document root) is one the index covers. */
export function isIndexedPath(segments: readonly string[]): boolean {
  if (segments.length === 0 || segments.length > MAX_INDEXED_DEPTH) return false
  // A nested `_type` (slug, reference, image…) is almost never filtered on: not worth a row per document.
  if (segments.length > 1 && segments[segments.length - 1] === '_type') return false
  return segments.every((s) => s !== '' && !s.includes('.') && !skippedKeys.has(s) && s !== REFERENCES_PATH)
}

export function indexEntriesOf(document: Record<string, unknown>): IndexEntry[] {
  const entries: IndexEntry[] = []
  walkObject(document, [], entries)
  const refs = new Set<string>()
  collectRefs(document, refs)
  for (const ref of refs) entries.push({ path: REFERENCES_PATH, kind: 's', value: ref })
  // groq-js's references() sees fewer (see seenByReferences): such a document is counted in path_stats
  // (kind o at @ref), so the planner knows when @ref rows are exactly what references() matches.
  const seen = new Set<string>()
  seenByReferences(document, seen)
  if (seen.size !== refs.size) entries.push({ path: REFERENCES_PATH, kind: 'o', value: null })
  return entries
}

function walkObject(object: Record<string, unknown>, prefix: string[], entries: IndexEntry[]): void {
  for (const [key, value] of Object.entries(object)) {
    const segments = [...prefix, key]
    if (!isIndexedPath(segments)) continue
    const path = segments.join('.')
    const key_ = indexKeyOf(value)
    if (key_) {
      entries.push({ path, ...key_ })
      continue
    }
    entries.push({ path, kind: typeof value === 'string' ? 'l' : 'o', value: null })
    if (value && typeof value === 'object' && !Array.isArray(value))
      walkObject(value as Record<string, unknown>, segments, entries)
  }
}

/** Every string `_ref` anywhere in the value: what reference integrity and references() may need. */
function collectRefs(value: unknown, refs: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, refs)
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '_ref' && typeof inner === 'string') refs.add(inner)
      else collectRefs(inner, refs)
    }
  }
}

/** The references groq-js's `references()` sees: an object with a truthy `_ref` is a reference, not searched further. */
function seenByReferences(value: unknown, refs: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) seenByReferences(item, refs)
  } else if (value && typeof value === 'object') {
    const ref = (value as { _ref?: unknown })._ref
    if (ref) {
      if (typeof ref === 'string') refs.add(ref)
      return
    }
    for (const inner of Object.values(value)) seenByReferences(inner, refs)
  }
}
