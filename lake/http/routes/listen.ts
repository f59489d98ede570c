// GET /data/listen/:dataset — Server-Sent Events: welcome, one mutation event per matching document, keep-alives.
import { randomUUID } from 'node:crypto'
import { datasetParam } from '../dataset.ts'
import { openEventStream } from '../event-stream.ts'
import { badRequest } from '../errors.ts'
import { flag } from '../flags.ts'
import type { Route } from '../router.ts'
import { eventsFor, type Subscription } from '../../listen/subscription.ts'
import { assertParametersGiven, parseQuery } from '../../query/parse.ts'

/** Sanity drops a silent stream after ~45 s; a comment every 20 s keeps proxies and clients attached. */
export const listenTiming = { keepAliveMs: 20_000 }

export const listenRoute: Route = {
  method: 'GET',
  path: '/data/listen/:dataset',
  handle(request) {
    const dataset = datasetParam(request.params)
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
      includeResult: flag(request.search, 'includeResult', true),
      includePreviousRevision: flag(request.search, 'includePreviousRevision'),
      includeMutations: flag(request.search, 'includeMutations', true),
      includeAllVersions: flag(request.search, 'includeAllVersions'),
      mendozaEffects: request.search.get('effectFormat') === 'mendoza',
    }

    const { res, req } = request
    const stream = openEventStream(req, res)
    stream.send('welcome', { listenerName: `parley-${randomUUID()}` })

    // Events go out in commit order even though matching is asynchronous.
    let queue: Promise<void> = Promise.resolve()
    const unsubscribe = request.lake.commits.onCommit((transaction) => {
      if (transaction.dataset !== dataset) return
      queue = queue
        .then(async () => {
          for (const event of await eventsFor(subscription, transaction)) stream.send('mutation', event, event.eventId)
        })
        .catch((error: unknown) => {
          stream.send('channelError', { message: `Listener failed: ${(error as Error).message}` })
        })
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
