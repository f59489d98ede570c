// The documents one transaction reads and writes, layered over the store until the transaction commits.
import type { DocumentChange } from '../commits.ts'
import type { SanityDocument, Store } from '../store/store.ts'

export class WorkingSet {
  readonly store: Store
  readonly dataset: string
  #before = new Map<string, SanityDocument | null>()
  #current = new Map<string, SanityDocument | null>()
  #order: string[] = []
  #writers = new Map<string, number>()
  /** The index of the mutation or action being applied: errors about a document name the one that last wrote it. */
  currentIndex = 0

  constructor(store: Store, dataset: string) {
    this.store = store
    this.dataset = dataset
  }

  /** The document as this transaction currently sees it (a private copy: safe to modify). */
  get(id: string): SanityDocument | null {
    if (!this.#current.has(id)) {
      const stored = this.store.getDocument(this.dataset, id)
      this.#before.set(id, stored)
      this.#current.set(id, stored === null ? null : structuredClone(stored))
    }
    const doc = this.#current.get(id) ?? null
    return doc === null ? null : structuredClone(doc)
  }

  put(id: string, doc: SanityDocument | null): void {
    this.get(id)
    if (!this.#order.includes(id)) this.#order.push(id)
    this.#current.set(id, doc)
    this.#writers.set(id, this.currentIndex)
  }

  /** The index of the mutation or action that last wrote the document in this transaction. */
  writerOf(id: string): number | undefined {
    return this.#writers.get(id)
  }

  /** Touched documents in first-touch order, with their committed before and their final after. */
  changes(): DocumentChange[] {
    return this.#order
      .map((id) => ({ id, before: this.#before.get(id) ?? null, after: this.#current.get(id) ?? null }))
      .filter((change) => change.before !== null || change.after !== null)
  }
}
