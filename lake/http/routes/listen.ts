// GET /data/listen/:dataset — Server-Sent Events: welcome, one mutation event per matching document, keep-alives.
import { randomUUID } from 'node:crypto'
import { existingDataset } from '../dataset.ts'
import { openEventStream } from '../event-stream.ts'
import { badRequest } from '../errors.ts'
import { flag } from '../flags.ts'
import type { Route } from '../router.ts'
import type { CommittedTransaction } from '../../commits.ts'
import { missedSince } from '../../listen/resume.ts'
import { eventsFor, type Subscription } from '../../listen/subscription.ts'
import { assertParametersGiven, parseQuery } from '../../query/parse.ts'

/** Sanity drops a silent stream after ~45 s; a comment every 20 s keeps proxies and clients attached. */
export const listenTiming = { keepAliveMs: 20_000 }

export const listenRoute: Route = {
  method: 'GET',
  path: '/data/listen/:dataset',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    const query = request.search.get('query')
    if (query === null)
      throw badRequest('invalidRequest', 'Missing "query" parameter (a GROQ filter such as *[_type == "post"])')
    const params: Record<string, unknown> = {}
    for (const [key, raw] of request.search) {
      if (!key.startsWith('$')) continue
      try {
        params[key.slice(1)] = JSON.parse(raw)
      } catch {
        throw badRequest('invalidParams', `Parameter ${key} is not valid JSON: ${raw}`)
      }
    }
    const parsed = parseQuery(query)
    assertParametersGiven(query, parsed, params)
    const subscription: Subscription = {
      tree: parsed.tree,
      params,
      access: request.access,
      // Off unless asked for, as Sanity documents it (the client asks by default, and omits it when told not to).
      includeResult: flag(request.search, 'includeResult'),
      includePreviousRevision: flag(request.search, 'includePreviousRevision'),
      includeMutations: flag(request.search, 'includeMutations', true),
      includeAllVersions: flag(request.search, 'includeAllVersions'),
      mendozaEffects: request.search.get('effectFormat') === 'mendoza',
    }

    const { res, req } = request
    const stream = openEventStream(req, res)
    const listenerName = `parley-${randomUUID()}`
    // A resumable listener reconnecting with the last event it saw gets what it missed (`welcomeback`), or is told
    // to start over (`reset`) when that position is unknown or too far back.
    const lastEventId = flag(request.search, 'enableResume') ? req.headers['last-event-id'] : undefined
    const missed = typeof lastEventId === 'string' ? missedSince(request.lake.store, dataset, lastEventId) : undefined
    if (missed === undefined) stream.send('welcome', { listenerName })
    else if (missed === null) stream.send('reset', { listenerName })
    else stream.send('welcomeback', { listenerName })

    // Events go out in commit order even though matching is asynchronous.
    let queue: Promise<void> = Promise.resolve()
    const replayed = new Set<string>()
    const deliver = async (transaction: CommittedTransaction, after?: string) => {
      let seen = after === undefined
      for (const event of await eventsFor(subscription, transaction)) {
        if (seen) stream.send('mutation', event, event.eventId)
        seen ||= event.eventId === after
      }
    }
    const enqueue = (work: () => Promise<void>) => {
      queue = queue.then(work).catch((error: unknown) => {
        stream.send('channelError', { message: `Listener failed: ${(error as Error).message}` })
      })
    }
    const unsubscribe = request.lake.commits.onCommit((transaction) => {
      if (transaction.dataset !== dataset) return
      enqueue(async () => {
        if (!replayed.has(transaction.transactionId)) await deliver(transaction)
      })
    })
    // Queued before any live event can be: a transaction committed meanwhile is replayed once, then skipped live.
    if (missed)
      enqueue(async () => {
        for (const [index, transaction] of missed.transactions.entries()) {
          replayed.add(transaction.transactionId)
          await deliver(transaction, index === 0 ? missed.lastEventId : undefined)
        }
      })
    const keepAlive = setInterval(() => stream.comment('keep-alive'), listenTiming.keepAliveMs)
    const stop = () => {
      clearInterval(keepAlive)
      unsubscribe()
    }
    req.on('close', stop)
    res.on('close', stop)
  },
}
