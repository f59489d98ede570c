// GET /data/live/events/:dataset — the Live Content API: Server-Sent Events with the sync tags each transaction touched.
import { datasetParam } from '../dataset.ts'
import { forbidden, unauthorized } from '../errors.ts'
import { openEventStream } from '../event-stream.ts'
import { flag } from '../flags.ts'
import type { Route } from '../router.ts'
import { liveHubOf } from '../../live/live-events.ts'

export const liveEventsRoute: Route = {
  method: 'GET',
  path: '/data/live/events/:dataset',
  handle(request) {
    const dataset = datasetParam(request.params)
    // Published changes are for anyone (tags are opaque); drafts and versions only for a reader who may see them.
    const includeDrafts = flag(request.search, 'includeDrafts')
    if (includeDrafts && request.access.role === 'anonymous')
      throw unauthorized('includeDrafts requires a token: send one with read access to drafts (Authorization: Bearer)')
    if (includeDrafts && !request.access.readDrafts) throw forbidden('This token may not read drafts (includeDrafts)')

    const { req, res } = request
    const lastEventId = req.headers['last-event-id']
    const stream = openEventStream(req, res)
    const detach = liveHubOf(request.lake).attach(stream, {
      dataset,
      includeDrafts,
      lastEventId: typeof lastEventId === 'string' && lastEventId !== '' ? lastEventId : undefined,
    })
    req.on('close', detach)
    res.on('close', detach)
  },
}
