// Turns the route table into one `(req, res)` handler, usable on node:http or on http2's compat API.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LakeContext } from '../context.ts'
import { accessInDataset, resolveAccess } from './access.ts'
import { LakeError, notFound, sendError } from './errors.ts'
import { compileRoutes, matchRoute, type Reply, type Route } from './router.ts'
import { parseRequestUrl } from './version.ts'
import { applyCors } from './cors.ts'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void

export function sendReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
  const headers: Record<string, string | number> = { ...extraHeaders, ...reply.headers }
  if (reply.raw === undefined && reply.body !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/json; charset=utf-8'
  headers['content-length'] = Buffer.byteLength(payload)
  res.writeHead(reply.status ?? 200, headers)
  res.end(res.req?.method === 'HEAD' ? undefined : payload)
}

export function createRequestHandler(lake: LakeContext, routes: readonly Route[]): RequestHandler {
  const compiled = compileRoutes(routes)
  return (req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (applyCors(lake.cors, req, res)) return
    const method = (req.method ?? 'GET').toUpperCase()
    if (method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-max-age': '600' })
      res.end()
      return
    }
    const { path, apiVersion, search } = parseRequestUrl(req.url ?? '/')
    const match = matchRoute(compiled, method, path)
    if (!match.route) {
      if (match.allowed.length > 0)
        throw new LakeError(
          405,
          'methodNotAllowed',
          `Method ${method} is not allowed on ${path}; use ${[...new Set(match.allowed)].join(', ')}`,
          {},
          'status',
        )
      throw notFound(`No endpoint at ${path}`)
    }
    const dataset = match.params.dataset
    const access = accessInDataset(
      resolveAccess(req, lake.tokenResolvers),
      dataset ? lake.store.datasetAclMode(dataset) : 'public',
    )
    const reply = await match.route.handle({
      req,
      res,
      method,
      path,
      params: match.params,
      search,
      apiVersion,
      access,
      lake,
    })
    if (reply && !res.headersSent) sendReply(res, reply)
  }
}
