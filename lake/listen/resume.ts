// Resuming a listener (`enableResume` with `Last-Event-ID`): the transactions it missed, replayed from the log.
import type { CommittedTransaction } from '../commits.ts'
import { transactionLog, transactionSeq } from '../history/revision-log.ts'
import type { Store } from '../store/store.ts'

/** A listener further behind than this starts over (`reset`) instead of replaying. */
export const MAX_REPLAYED_TRANSACTIONS = 1000

/**
 * The transactions from the one `lastEventId` (`<transaction>#<document>`) belongs to onwards, or null when the
 * position is unknown or too far back: the listener must then reset (refetch). `skip` is the event already seen.
 */
export function missedSince(
  store: Store,
  dataset: string,
  lastEventId: string,
): { transactions: CommittedTransaction[]; lastEventId: string } | null {
  const transactionId = lastEventId.split('#')[0] ?? ''
  const seq = transactionSeq(store, dataset, transactionId)
  if (seq === undefined) return null
  const logged = transactionLog(
    store,
    dataset,
    null,
    {
      fromSeq: seq,
      toSeq: Number.MAX_SAFE_INTEGER,
      fromTime: '',
      toTime: '\uffff',
      authors: null,
      reverse: false,
      limit: MAX_REPLAYED_TRANSACTIONS + 2,
    },
    false,
  )
  if (logged.length > MAX_REPLAYED_TRANSACTIONS + 1) return null
  return {
    lastEventId,
    transactions: logged.map((entry) => ({
      dataset,
      transactionId: entry.id,
      timestamp: entry.timestamp,
      identity: entry.identity,
      documents: entry.documents,
      mutations: entry.mutations,
    })),
  }
}
