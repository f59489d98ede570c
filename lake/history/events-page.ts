// One page of the events API: the events of the asked variants, newest first, with a cursor to the next page.
import { badRequest } from '../http/errors.ts'
import { publishedIdOf } from '../document-ids.ts'
import type { Store } from '../store/store.ts'
import { documentGroupEvents, type DocumentEvent, type PositionedEvent, type PublishCause } from './document-events.ts'
import { documentAfter, groupRevisions } from './revision-log.ts'
import { limitParam } from './transaction-filter.ts'

export type EventsPage = { events: Record<string, DocumentEvent[]>; nextCursor: string }

/** The events APIs' `limit`: 100 unless asked, at most 1000. */
export const eventsLimit = (raw: string | null) => limitParam(raw, 100, 1000)

/** `cursor` is what a previous page returned as `nextCursor` ('' or absent = the newest events). */
export function eventsPage(
  store: Store,
  dataset: string,
  ids: readonly string[],
  options: { limit: string | null; cursor: string | null },
): EventsPage {
  const limit = eventsLimit(options.limit)
  const byGroup = new Map<string, Map<string, PositionedEvent[]>>()
  const found: { id: string; positioned: PositionedEvent }[] = []
  for (const id of ids) {
    const publishedId = publishedIdOf(id)
    let group = byGroup.get(publishedId)
    if (!group) {
      group = documentGroupEvents(publishedId, groupRevisions(store, dataset, publishedId), (releaseId, seq) =>
        releaseCause(store, dataset, releaseId, seq),
      )
      byGroup.set(publishedId, group)
    }
    for (const positioned of group.get(id) ?? []) found.push({ id, positioned })
  }
  const { page, nextCursor } = newestPage(found, (item) => item.positioned, limit, options.cursor)
  const events: Record<string, DocumentEvent[]> = Object.fromEntries(ids.map((id) => [id, []]))
  for (const { id, positioned } of page) events[id]?.push(positioned.event)
  return { events, nextCursor }
}

type Position = { seq: number; order: number }

/**
 * The newest `limit` items older than the cursor's position, and the cursor to the rest ('' when none is left).
 * A position is the commit sequence of the transaction, then the order within it: stable as new events arrive.
 */
export function newestPage<T>(
  items: readonly T[],
  positionOf: (item: T) => Position,
  limit: number,
  cursor: string | null,
): { page: T[]; nextCursor: string } {
  const after = cursor ? cursorPosition(cursor) : null
  const newestFirst = items
    .filter((item) => !after || isOlder(positionOf(item), after))
    .sort((a, b) => positionOf(b).seq - positionOf(a).seq || positionOf(b).order - positionOf(a).order)
  const page = newestFirst.slice(0, limit)
  const last = page[page.length - 1]
  return { page, nextCursor: newestFirst.length > limit && last ? cursorOf(positionOf(last)) : '' }
}

/** Whether a release's versions were published by hand or by its schedule (the release was scheduled just before). */
function releaseCause(store: Store, dataset: string, releaseId: string, seq: number): PublishCause {
  const release = documentAfter(store, dataset, `_.releases.${releaseId}`, seq - 1)
  return release?.state === 'scheduled' ? 'release.schedule' : 'release.publish'
}

const isOlder = (event: Position, than: Position) =>
  event.seq < than.seq || (event.seq === than.seq && event.order < than.order)

const cursorOf = ({ seq, order }: Position) => Buffer.from(`${seq}.${order}`).toString('base64url')

function cursorPosition(cursor: string): Position {
  const match = /^(\d+)\.(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match) throw badRequest('invalidRequest', `nextCursor "${cursor}" is not a cursor this endpoint returned`)
  return { seq: Number(match[1]), order: Number(match[2]) }
}
