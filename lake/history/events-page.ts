// One page of the events API: the events of the asked variants, newest first, with a cursor to the next page.
import { badRequest } from '../http/errors.ts'
import { publishedIdOf } from '../query/perspectives.ts'
import type { Store } from '../store/store.ts'
import { documentGroupEvents, type DocumentEvent, type PositionedEvent, type PublishCause } from './document-events.ts'
import { documentAfter, groupRevisions } from './revision-log.ts'
import { limitParam } from './transaction-filter.ts'

export type EventsPage = { events: Record<string, DocumentEvent[]>; nextCursor: string }

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

/** `cursor` is what a previous page returned as `nextCursor` ('' or absent = the newest events). */
export function eventsPage(
  store: Store,
  dataset: string,
  ids: readonly string[],
  options: { limit: string | null; cursor: string | null },
): EventsPage {
  const limit = limitParam(options.limit, DEFAULT_LIMIT, MAX_LIMIT)
  const after = options.cursor ? positionOf(options.cursor) : null
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
  const newestFirst = found
    .filter(({ positioned }) => !after || isOlder(positioned, after))
    .sort((a, b) => b.positioned.seq - a.positioned.seq || b.positioned.order - a.positioned.order)
  const page = newestFirst.slice(0, limit)
  const events: Record<string, DocumentEvent[]> = Object.fromEntries(ids.map((id) => [id, []]))
  for (const { id, positioned } of page) events[id]?.push(positioned.event)
  const last = page[page.length - 1]
  return { events, nextCursor: newestFirst.length > limit && last ? cursorOf(last.positioned) : '' }
}

/** Whether a release's versions were published by hand or by its schedule (the release was scheduled just before). */
function releaseCause(store: Store, dataset: string, releaseId: string, seq: number): PublishCause {
  const release = documentAfter(store, dataset, `_.releases.${releaseId}`, seq - 1)
  return release?.state === 'scheduled' ? 'release.schedule' : 'release.publish'
}

type Position = { seq: number; order: number }

const isOlder = (event: Position, than: Position) =>
  event.seq < than.seq || (event.seq === than.seq && event.order < than.order)

const cursorOf = ({ seq, order }: Position) => Buffer.from(`${seq}.${order}`).toString('base64url')

function positionOf(cursor: string): Position {
  const match = /^(\d+)\.(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match) throw badRequest('invalidRequest', `nextCursor "${cursor}" is not a cursor this endpoint returned`)
  return { seq: Number(match[1]), order: Number(match[2]) }
}
