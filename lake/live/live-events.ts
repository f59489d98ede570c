// The Live Content API's fan-out: one commit listener per lake, each connection told the sync tags of every transaction it may see.
import type { CommittedTransaction } from '../commits.ts'
import type { LakeContext } from '../context.ts'
import type { EventStream } from '../http/event-stream.ts'
import { transactionTags } from '../query/sync-tags.ts'
import {
  currentPosition,
  decodePosition,
  encodePosition,
  isKnownPosition,
  positionOf,
  transactionsSince,
  type Position,
} from './positions.ts'

/**
 * `keepAliveMs`: a comment that keeps proxies attached; `maxConnectionMs`: after this a connection is asked
 * to `reconnect` (it resumes from its last event); `maxConnections`: beyond this a new one gets `goaway`
 * (the client falls back to polling); `maxReplay`: a resume further behind than this many transactions
 * gets `restart` (refetch everything) instead of every missed message. Mutable for tests.
 */
export const liveSettings = {
  keepAliveMs: 20_000,
  maxConnectionMs: 15 * 60_000,
  maxConnections: 1000,
  maxReplay: 1000,
}

type Connection = {
  dataset: string
  includeDrafts: boolean
  stream: EventStream
  /** The newest position this connection has been told about; older live events are not sent again. */
  seen: number
}

const hubs = new WeakMap<LakeContext, LiveHub>()

export function liveHubOf(lake: LakeContext): LiveHub {
  let hub = hubs.get(lake)
  if (!hub) {
    hub = new LiveHub(lake)
    hubs.set(lake, hub)
  }
  return hub
}

export class LiveHub {
  readonly #lake: LakeContext
  readonly #connections = new Set<Connection>()

  constructor(lake: LakeContext) {
    this.#lake = lake
    lake.commits.onCommit((transaction) => this.#broadcast(transaction))
  }

  get connectionCount(): number {
    return this.#connections.size
  }

  /**
   * Starts a stream: `welcome` at the current position, or after `Last-Event-ID` the messages missed since
   * (`restart` when that position is unknown or too far behind). Returns the function that detaches it.
   */
  attach(stream: EventStream, options: { dataset: string; includeDrafts: boolean; lastEventId?: string }): () => void {
    const { store } = this.#lake
    const now = currentPosition(store)
    if (this.#connections.size >= liveSettings.maxConnections) {
      stream.send('goaway', { reason: 'The lake has too many live connections; poll instead' }, encodePosition(now))
      stream.end()
      return () => {}
    }
    const resumeFrom = options.lastEventId ? decodePosition(options.lastEventId) : null
    const connection: Connection = { ...options, stream, seen: resumeFrom?.seq ?? now.seq }
    stream.send('welcome', {}, encodePosition(now))
    if (options.lastEventId) {
      // Every commit durable before this read is in the log; later ones arrive through #broadcast.
      const missed =
        resumeFrom && isKnownPosition(store, resumeFrom)
          ? transactionsSince(store, options.dataset, resumeFrom, liveSettings.maxReplay)
          : null
      if (!missed) stream.send('restart', {}, encodePosition(now))
      else for (const logged of missed) this.#tell(connection, logged.position, logged.changes)
      connection.seen = now.seq
    }
    this.#connections.add(connection)

    const keepAlive = setInterval(() => stream.comment('keep-alive'), liveSettings.keepAliveMs)
    const recycle = setTimeout(() => {
      stream.send('reconnect', {})
      stream.end()
    }, liveSettings.maxConnectionMs)
    return () => {
      clearInterval(keepAlive)
      clearTimeout(recycle)
      this.#connections.delete(connection)
    }
  }

  #broadcast(transaction: CommittedTransaction): void {
    let position: Position | null | undefined
    for (const connection of this.#connections) {
      if (connection.dataset !== transaction.dataset) continue
      position ??= positionOf(this.#lake.store, transaction.dataset, transaction.transactionId)
      if (!position) return
      this.#tell(connection, position, transaction.documents)
    }
  }

  #tell(connection: Connection, position: Position, changes: CommittedTransaction['documents']): void {
    if (position.seq <= connection.seen || connection.stream.closed) return
    connection.seen = position.seq
    const tags = transactionTags(connection.dataset, changes, connection.includeDrafts)
    if (tags) connection.stream.send('message', { tags }, encodePosition(position))
  }
}
