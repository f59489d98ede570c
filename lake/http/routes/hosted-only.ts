// Services that exist only on hosted Sanity: a clear 501 that names the service, instead of "No endpoint".
import { LakeError } from '../errors.ts'
import { openEventStream } from '../event-stream.ts'
import type { Route } from '../router.ts'

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

function unavailable(service: string, path: string, method: readonly string[] = ALL_METHODS): Route {
  return {
    method,
    path,
    handle(request) {
      const message = `${service} is a hosted Sanity service and is not available on the local lake (${request.method} ${request.path}); point the client at a Sanity project to use it`
      // A listener (EventSource) retries any answer that is not a stream; a stream's `channelError` is final, and the
      // client rejects with its message, as it does for a listen that hosted Sanity refuses.
      if (request.path.endsWith('/listen') && String(request.req.headers.accept).includes('text/event-stream')) {
        const stream = openEventStream(request.req, request.res)
        stream.send('channelError', { statusCode: 501, message, service })
        stream.end()
        return
      }
      throw new LakeError(501, 'notImplemented', message, { service }, 'status')
    },
  }
}

export const hostedOnlyRoutes: Route[] = [
  unavailable('Agent Actions', '/agent/action/*rest'),
  unavailable('Functions', '/functions/*rest'),
  unavailable('Blueprints', '/blueprints/*rest'),
  unavailable('Comments', '/collaboration/comments'),
  unavailable('Comments', '/collaboration/comments/*rest'),
  unavailable('Embeddings', '/embeddings-index/*rest'),
  unavailable('Embeddings', '/datasets/:dataset/settings/embeddings'),
  unavailable('Embeddings', '/projects/:projectId/datasets/:dataset/settings/embeddings'),
  unavailable('Context (knowledge bases)', '/context/*rest'),
  unavailable('Media Library', '/media-libraries/*rest'),
  unavailable('Listing projects', '/projects', ['GET']),
]
