// Stamps `_rev`, `_createdAt` and `_updatedAt` on every document a transaction leaves behind.
import type { DocumentChange } from '../commits.ts'

export function stampSystemFields(changes: DocumentChange[], transactionId: string, timestamp: string): void {
  for (const change of changes) {
    if (!change.after) continue
    const createdAt = change.before?._createdAt ?? change.after._createdAt ?? timestamp
    change.after._createdAt = createdAt
    change.after._updatedAt = timestamp
    change.after._rev = transactionId
  }
}
