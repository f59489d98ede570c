// Server-Sent Events over a route's response: the headers every stream needs, and named events with JSON data.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type EventStream = {
  send(event: string, data: unknown, id?: string): void
  /** A comment line (`: text`), which clients ignore: keeps proxies from dropping a quiet stream. */
  comment(text: string): void
  readonly closed: boolean
  end(): void
}

export function openEventStream(req: IncomingMessage, res: ServerResponse): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // HTTP/2 (the browser listener) forbids connection headers: Node warns and drops them.
    ...(req.httpVersionMajor === 2 ? {} : { connection: 'keep-alive' }),
    'x-accel-buffering': 'no',
  })
  return {
    send(event, data, id) {
      if (!res.writableEnded) res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    comment(text) {
      if (!res.writableEnded) res.write(`: ${text}\n\n`)
    },
    get closed() {
      return res.writableEnded || res.destroyed
    },
    end() {
      if (!res.writableEnded) res.end()
    },
  }
}
