// A stand-in for Sanity's API CDN in front of a test lake: it answers a query as it last did for a few seconds after
// each write, as the real CDN can answer the previous version right after a publish. Writes sent through it are how
// it knows one happened; everything else is passed to the lake as it is.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ApiCdnStandIn = {
  url: string
  /** How many queries it answered from before a write. */
  staleAnswers(): number
  close(): Promise<void>
}

/** Headers about this one connection, which fetch() sets itself. */
const hopByHop = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])

type Answer = { status: number; headers: Record<string, string>; body: Buffer }

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startApiCdnStandIn(lakeUrl: string, options: { staleMs: number }): Promise<ApiCdnStandIn> {
  const answers = new Map<string, Answer>()
  let lastWriteAt = -Infinity
  let stale = 0
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request)
    const isQuery = /^\/v[^/]+\/data\/query\//.test(request.url ?? '')
    const isWrite = /^\/v[^/]+\/data\/(mutate|actions)\//.test(request.url ?? '')
    const key = `${request.method} ${request.url} ${body.toString('base64')}`
    if (isWrite) lastWriteAt = Date.now()
    const kept = answers.get(key)
    if (isQuery && kept && Date.now() - lastWriteAt < options.staleMs) {
      stale++
      response.writeHead(kept.status, { ...kept.headers, 'x-stand-in-cache': 'STALE' }).end(kept.body)
      return
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && !hopByHop.has(entry[0]),
      ),
    )
    try {
      const upstream = await fetch(new URL(request.url ?? '/', lakeUrl), {
        method: request.method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      })
      const answer: Answer = {
        status: upstream.status,
        headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
        body: Buffer.from(await upstream.arrayBuffer()),
      }
      if (isQuery && upstream.ok) answers.set(key, answer)
      response.writeHead(answer.status, answer.headers).end(answer.body)
    } catch {
      response.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"the lake is not answering"}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    staleAnswers: () => stale,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
