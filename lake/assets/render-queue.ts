// Bounds how many image variants render at once, so a burst of new sizes queues instead of exhausting memory.
import { availableParallelism } from 'node:os'

export class RenderQueue {
  readonly limit: number
  #running = 0
  #waiting: (() => void)[] = []

  constructor(limit = Math.max(1, availableParallelism())) {
    this.limit = limit
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    this.#running += 1
    try {
      return await work()
    } finally {
      this.#running -= 1
      this.#waiting.shift()?.()
    }
  }
}
