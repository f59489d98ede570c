// Starts the browser listener: HTTPS with HTTP/2 (HTTP/1.1 still accepted) serving the same request handler as the plain port, because browsers open the Studio's many event streams only over HTTP/2, and speak HTTP/2 only over TLS.
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { AddressInfo } from 'node:net'
import type { TlsCertificate } from './certificate.ts'

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>

export type TlsListener = {
  server: Http2SecureServer
  port: number
  close(): Promise<void>
}

export async function startTlsListener(options: {
  port: number
  host?: string
  certificate: Pick<TlsCertificate, 'key' | 'cert'>
  handler: RequestHandler
  /** HTTP/1.1 upgrades (the Studio's WebSocket); without it they are refused. */
  onUpgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void
}): Promise<TlsListener> {
  const server = createSecureServer(
    { key: options.certificate.key, cert: options.certificate.cert, allowHTTP1: true },
    (request, response) => {
      // The compatibility API gives HTTP/2 requests the shape of node:http's, so one handler serves both ports.
      void options.handler(
        request as Http2ServerRequest as unknown as IncomingMessage,
        response as Http2ServerResponse as unknown as ServerResponse,
      )
    },
  )
  // HTTP/1.1 clients on this port go through node:http's machinery: like the plain port, never cut
  // a long-lived event stream after Node's default five minutes.
  Object.assign(server, { requestTimeout: 0 })
  if (options.onUpgrade) server.on('upgrade', options.onUpgrade)
  // A browser that refuses the certificate, or a client that hangs up, must not bring the lake down.
  server.on('sessionError', () => {})
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const sessions = new Set<import('node:http2').ServerHttp2Session>()
  server.on('session', (session) => {
    sessions.add(session)
    session.once('close', () => sessions.delete(session))
  })
  const sockets = new Set<import('node:net').Socket>()
  server.on('secureConnection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        // Event streams never end by themselves: close sessions and sockets so close() returns.
        server.close(() => resolve())
        for (const session of sessions) session.close()
        for (const socket of sockets) socket.destroy()
      }),
  }
}
