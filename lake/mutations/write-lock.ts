// Serialises writers: a transaction reads, checks revisions and commits with no other writer in between.

export class WriteLock {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(work)
    this.#tail = result.catch(() => undefined)
    return result
  }
}
