// Services that exist only on hosted Sanity: a clear 501 that names the service, instead of "No endpoint".
import { LakeError } from '../errors.ts'
import type { Route } from '../router.ts'

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

function unavailable(service: string, path: string, method: readonly string[] = ALL_METHODS): Route {
  return {
    method,
    path,
    handle(request) {
      throw new LakeError(
        501,
        'notImplemented',
        `${service} is a hosted Sanity service and is not available on the local lake (${request.method} ${request.path}); point the client at a Sanity project to use it`,
        { service },
        'status',
      )
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
