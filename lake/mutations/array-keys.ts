// Adds `_key` to object items of arrays that lack one (the mutate API's autoGenerateArrayKeys).
import { randomKey } from './identifiers.ts'

export function addMissingArrayKeys(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (
        item &&
        typeof item === 'object' &&
        !Array.isArray(item) &&
        typeof (item as { _key?: unknown })._key !== 'string'
      )
        (item as { _key: string })._key = randomKey()
      addMissingArrayKeys(item)
    }
  } else if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) addMissingArrayKeys(inner)
  }
}
