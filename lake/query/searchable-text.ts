// A document's searchable text for `[@, …] match text::query(…)`: its strings (for phrases) and its words pre-tokenised once per revision (for terms), attached to document copies as hidden properties.

/** Not enumerable and not a valid Sanity field name: never serialised, never matched by a query's own fields. */
export const SEARCHABLE_STRINGS = '\u0000lake:searchableStrings'
export const SEARCHABLE_WORDS = '\u0000lake:searchableWords'

/**
 * Every string value of a document, however deeply nested, except system values
 * (`_type`, `_key`, `_ref`, `_rev`, dates…): `[@, _id] match …` means "anywhere in the
 * document's content, or its id".
 */
export function searchableStrings(document: unknown): string[] {
  const strings: string[] = []
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value)
    else if (Array.isArray(value)) value.forEach(visit)
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (!key.startsWith('_')) visit(inner)
    }
  }
  visit(document)
  return strings
}

// The word rules of groq-js's `match` (dots at word edges dropped, split on punctuation and
// space), so that groq-js, re-reading the pre-tokenised words, finds exactly the same words.
const EDGE_DOTS = /(\b\.+|\.+\b)/g
const WORD = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g
const matchWords = (text: string): string[] => text.replace(EDGE_DOTS, '').match(WORD) ?? []

/**
 * Occurrences kept per word. groq-js scores a term by its frequency f as 2.2·f/(f+1.2), which is
 * nearly flat beyond a few occurrences; keeping three bounds the text groq-js re-tokenises per
 * query (the dominant cost) while which documents match stays exactly the same.
 */
const OCCURRENCES_KEPT = 3

/**
 * The document's words, each at most OCCURRENCES_KEPT times, as one string in a list; or, if some
 * word would not read back as itself (an edge case of the dot rule), the original strings, so
 * matching stays exact.
 */
export function searchableWords(strings: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const text of strings) for (const word of matchWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1)
  const kept: string[] = []
  for (const [word, count] of counts) {
    const reread = matchWords(word)
    if (reread.length !== 1 || reread[0] !== word) return [...strings]
    for (let i = 0; i < Math.min(count, OCCURRENCES_KEPT); i++) kept.push(word)
  }
  return [kept.join(' ')]
}

type SearchableText = { strings: string[]; words: string[] }

// Documents change by revision, so a revision's text never goes stale; the oldest entries go first.
const CACHE_LIMIT = 20_000
const cache = new Map<string, SearchableText>()

function searchableText(document: Record<string, unknown>): SearchableText {
  const id = document._originalId ?? document._id
  const key = typeof id === 'string' && typeof document._rev === 'string' ? `${id}\u0000${document._rev}` : null
  const cached = key ? cache.get(key) : undefined
  if (cached) return cached
  const strings = searchableStrings(document)
  const text = { strings, words: searchableWords(strings) }
  if (key) {
    cache.set(key, text)
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  }
  return text
}

/**
 * Copies of the documents carrying their searchable strings and words under hidden, lazily
 * computed properties. The copies serialise exactly like the originals.
 */
export function withSearchableText<T>(documents: readonly T[]): T[] {
  return documents.map((document) => {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) return document
    const copy = { ...document }
    let text: SearchableText | undefined
    const load = () => (text ??= searchableText(document as Record<string, unknown>))
    Object.defineProperty(copy, SEARCHABLE_STRINGS, { enumerable: false, get: () => load().strings })
    Object.defineProperty(copy, SEARCHABLE_WORDS, { enumerable: false, get: () => load().words })
    return copy
  })
}
