// GET|POST /data/query/:dataset — adapts HTTP to runQuery (params as `$name=<JSON>` or a JSON body).
import { readJsonBody } from '../body.ts'
import { existingDataset } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import { flag } from '../flags.ts'
import type { Route, RouteRequest } from '../router.ts'
import { parsePerspective } from '../../query/perspectives.ts'
import { runQuery } from '../../query/run-query.ts'

function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw badRequest('invalidParams', `Parameter ${key} is not valid JSON (strings need quotes): ${raw}`)
    }
  }
  return params
}

async function queryRequest(
  request: RouteRequest,
): Promise<{ query: string; params: Record<string, unknown>; perspective: string | null }> {
  if (request.method === 'POST') {
    const body = (await readJsonBody(request.req)) as { query?: unknown; params?: unknown; perspective?: unknown }
    if (!body || typeof body !== 'object' || typeof body.query !== 'string')
      throw badRequest('invalidRequest', 'POST body must be {"query": string, "params"?: object}')
    if (
      body.params !== undefined &&
      (typeof body.params !== 'object' || body.params === null || Array.isArray(body.params))
    )
      throw badRequest('invalidParams', '"params" must be an object')
    const perspective =
      request.search.get('perspective') ??
      (typeof body.perspective === 'string'
        ? body.perspective
        : Array.isArray(body.perspective)
          ? body.perspective.join(',')
          : null)
    return { query: body.query, params: (body.params as Record<string, unknown>) ?? {}, perspective }
  }
  const query = request.search.get('query')
  if (query === null) throw badRequest('invalidRequest', 'Missing "query" parameter')
  return { query, params: paramsFromSearch(request.search), perspective: request.search.get('perspective') }
}

export const queryRoute: Route = {
  method: ['GET', 'POST'],
  path: '/data/query/:dataset',
  async handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    const { query, params, perspective } = await queryRequest(request)
    const answer = await runQuery(request.lake.store, {
      dataset,
      query,
      params,
      perspective: parsePerspective(perspective, request.apiVersion),
      access: request.access,
      projectId: request.lake.projectId,
    })
    return {
      body: {
        query: flag(request.search, 'returnQuery', true) ? query : undefined,
        result: answer.result ?? null,
        ms: answer.ms,
      },
    }
  },
}
