// GET|POST /data/query/:dataset — adapts HTTP to runQuery (params as `$name=<JSON>` or a JSON body).
import { readJsonBody } from '../body.ts'
import { existingDataset } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import { flag } from '../flags.ts'
import type { Route, RouteRequest } from '../router.ts'
import { isVersionAtLeast } from '../version.ts'
import { parsePerspective } from '../../query/perspectives.ts'
import { runQuery } from '../../query/run-query.ts'
import type { SourceMapMode } from '../../query/source-map.ts'

/** Source maps and sync tags exist from API version 2021-03-25 on; older versions get neither, as on Sanity. */
const LIVE_API_VERSION = '2021-03-25'

/** `resultSourceMap` in the query string, for GET and POST alike (that is where the client puts it). */
function sourceMapMode(search: URLSearchParams): SourceMapMode | undefined {
  const value = search.get('resultSourceMap')
  if (value === null || value === 'false' || value === '0') return undefined
  if (value === 'withKeyArraySelector') return 'keyed'
  if (value === '' || value === 'true' || value === '1') return 'indexed'
  throw badRequest('invalidParams', `resultSourceMap must be true, false or withKeyArraySelector, not "${value}"`)
}

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
    const live = isVersionAtLeast(request.apiVersion, LIVE_API_VERSION)
    const sourceMap = sourceMapMode(request.search)
    const answer = await runQuery(request.lake.store, {
      dataset,
      query,
      params,
      perspective: parsePerspective(perspective, request.apiVersion),
      access: request.access,
      projectId: request.lake.projectId,
      sourceMap: live ? sourceMap : undefined,
    })
    return {
      body: {
        query: flag(request.search, 'returnQuery', true) ? query : undefined,
        result: answer.result ?? null,
        resultSourceMap: answer.resultSourceMap,
        syncTags: live ? answer.syncTags : undefined,
        ms: answer.ms,
      },
    }
  },
}
