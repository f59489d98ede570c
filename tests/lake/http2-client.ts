// A minimal HTTP/2 client for tests against the lake's TLS port (self-signed certificate accepted), reporting the negotiated protocol.
import { connect, type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2'

export type Http2Response = { status: number; headers: IncomingHttpHeaders; body: string; json: () => any }

export async function openHttp2Session(origin: string): Promise<ClientHttp2Session> {
  const session = connect(origin, { rejectUnauthorized: false })
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve())
    session.once('error', reject)
  })
  return session
}

export function http2Request(
  session: ClientHttp2Session,
  path: string,
  headers: OutgoingHttpHeaders = {},
  body?: string,
): Promise<Http2Response> {
  return new Promise((resolve, reject) => {
    const request = session.request({ ':path': path, ':method': body === undefined ? 'GET' : 'POST', ...headers })
    let text = ''
    let responseHeaders: IncomingHttpHeaders = {}
    request.setEncoding('utf8')
    request.on('response', (received) => (responseHeaders = received))
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () =>
      resolve({
        status: Number(responseHeaders[':status']),
        headers: responseHeaders,
        body: text,
        json: () => JSON.parse(text),
      }),
    )
    request.on('error', reject)
    if (body !== undefined) request.end(body)
    else request.end()
  })
}
