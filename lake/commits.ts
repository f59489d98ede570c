// Fans committed transactions out to listeners (listen streams, webhooks) after the writer's response.

/** One document's change inside a committed transaction. */
export type DocumentChange = {
  id: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** A transaction as it is on disk: what every onCommit listener receives. */
export type CommittedTransaction = {
  dataset: string
  transactionId: string
  timestamp: string
  identity: string
  documents: DocumentChange[]
  /** The mutations as the client sent them (actions are recorded as their equivalent mutations). */
  mutations: unknown[]
}

export type CommitListener = (transaction: CommittedTransaction) => void | Promise<void>

export class CommitBus {
  #listeners = new Set<CommitListener>()

  /** Registers a listener; returns the function that removes it. */
  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * Called once a transaction is durable. Listeners run on a later turn of the event loop, so they never
   * delay or fail the response; a throwing listener is logged and the others still run.
   */
  publish(transaction: CommittedTransaction): void {
    for (const listener of this.#listeners) {
      setImmediate(() => {
        try {
          const pending = listener(transaction)
          if (pending && typeof pending.then === 'function')
            pending.then(undefined, (error: unknown) => console.error('[lake] commit listener failed', error))
        } catch (error) {
          console.error('[lake] commit listener failed', error)
        }
      })
    }
  }
}
