// The Studio's presence channel (`/socket/{dataset}`, Sanity's "bifur" JSON-RPC over WebSocket): who is looking at which document, relayed between the editors' browser sessions.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import type { Access } from '../http/access.ts'
import { parseRequestUrl } from '../http/version.ts'

/** A silent channel is presumed dead by the Studio; a heart every 20 s keeps it "connected". */
const HEARTBEAT_MS = 20_000
/** Presence messages are a few hundred bytes; anything near this is not a Studio talking (ws closes with 1009). */
const MAX_MESSAGE_BYTES = 1024 * 1024

type RpcRequest = { jsonrpc?: string; id?: string | number; method?: string; params?: Record<string, unknown> }

/** What a peer hears: the shapes the Studio's presence store reads (`i` = user id). */
export type PresenceEvent =
  | { type: 'rollCall'; i: string; session: unknown }
  | { type: 'state'; i: string; m: unknown }
  | { type: 'disconnect'; i: string; m: { session: unknown } }

type Peer = {
  connection: WebSocket
  dataset: string
  userId: string | null
  subscriptions: Set<string>
  sessions: Set<unknown>
}

export type PresenceHub = {
  /** Takes over an HTTP upgrade for `/socket/{dataset}`; refuses other paths with 404. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): void
}

/** Answers a refused upgrade with a plain HTTP status, so the browser sees why. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  )
}

/** Text to a peer whose socket is still open; a peer that is leaving misses nothing it could act on. */
function send(peer: Peer, text: string): void {
  if (peer.connection.readyState === WebSocket.OPEN) peer.connection.send(text)
}

export function createPresenceHub(resolveToken: (token: string) => Access | null): PresenceHub {
  const peers = new Set<Peer>()
  // ws does the protocol (handshake, framing, ping/pong, close); `noServer` because both the plain and the TLS server hand their upgrades here.
  const webSockets = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: MAX_MESSAGE_BYTES })
  const heartbeat = setInterval(() => {
    for (const peer of peers) send(peer, '♥')
  }, HEARTBEAT_MS)
  heartbeat.unref()

  const broadcast = (from: Peer, event: PresenceEvent) => {
    for (const peer of peers) {
      if (peer === from || peer.dataset !== from.dataset) continue
      for (const subscription of peer.subscriptions) {
        send(
          peer,
          JSON.stringify({ jsonrpc: '2.0', method: 'presence_subscription', params: { subscription, result: event } }),
        )
      }
    }
  }

  const answer = (peer: Peer, id: RpcRequest['id'], result: unknown) =>
    send(peer, JSON.stringify({ jsonrpc: '2.0', id, result }))
  const fail = (peer: Peer, id: RpcRequest['id'] | null, code: number, message: string) =>
    send(peer, JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } }))

  function handle(peer: Peer, text: string): void {
    let request: RpcRequest
    try {
      request = JSON.parse(text) as RpcRequest
    } catch {
      return fail(peer, null, -32700, 'Parse error: not JSON')
    }
    const { id, method } = request
    const params = request.params ?? {}
    if (typeof method !== 'string') return fail(peer, id, -32600, 'Invalid request: no method')
    if (method === 'authorization') {
      const token = /^Bearer\s+(.+)$/i.exec(String(params.authorization ?? ''))?.[1]?.trim()
      const access = token ? resolveToken(token) : null
      if (!access) return fail(peer, id, 4001, 'Unauthorized: the token is not valid for this lake')
      peer.userId = access.identity
      return answer(peer, id, true)
    }
    // Presence shows people; an anonymous reader has no one to show.
    if (peer.userId === null) return fail(peer, id, 4001, 'Unauthorized: send the authorization method first')
    const userId = peer.userId
    switch (method) {
      case 'presence_subscribe': {
        const subscription = randomUUID()
        peer.subscriptions.add(subscription)
        return answer(peer, id, subscription)
      }
      case 'presence_unsubscribe':
        peer.subscriptions.delete(String(params.subscriptionId))
        return answer(peer, id, true)
      case 'presence_announce': {
        const data = (params.data ?? {}) as { sessionId?: unknown }
        if (data.sessionId !== undefined) peer.sessions.add(data.sessionId)
        broadcast(peer, { type: 'state', i: userId, m: data })
        return answer(peer, id, true)
      }
      case 'presence_rollcall':
        broadcast(peer, { type: 'rollCall', i: userId, session: params.session })
        return answer(peer, id, true)
      case 'presence_disconnect':
        peer.sessions.delete(params.session)
        broadcast(peer, { type: 'disconnect', i: userId, m: { session: params.session } })
        return answer(peer, id, true)
      default:
        return fail(peer, id, -32601, `Method not found: ${method}`)
    }
  }

  return {
    handleUpgrade(request, socket, head) {
      // An upgrade runs outside the request handler's error handling: a throw here would stop the lake.
      let dataset: string
      try {
        const match = /^\/socket\/([^/]+)$/.exec(parseRequestUrl(request.url ?? '/').path)
        if (!match) return refuseUpgrade(socket, 404, 'Not Found')
        dataset = decodeURIComponent(match[1] as string)
      } catch {
        return refuseUpgrade(socket, 400, 'Bad Request: the URL is malformed')
      }
      // Not a valid WebSocket handshake: ws answers 400 itself.
      webSockets.handleUpgrade(request, socket, head, (connection) => {
        const peer: Peer = { connection, dataset, userId: null, subscriptions: new Set(), sessions: new Set() }
        peers.add(peer)
        // Messages arrive as one Buffer (ws's default binary type); the Studio sends text, read binary the same way.
        connection.on('message', (data) => handle(peer, (data as Buffer).toString('utf8')))
        // A protocol error (too big, unmasked, bad UTF-8) is already answered: ws closes with its code, then 'close' follows.
        connection.on('error', () => {})
        connection.on('close', () => {
          peers.delete(peer)
          // A closed tab leaves: tell the others, as the Studio would on a clean disconnect.
          if (peer.userId)
            for (const session of peer.sessions) broadcast(peer, { type: 'disconnect', i: peer.userId, m: { session } })
        })
      })
    },
    close() {
      clearInterval(heartbeat)
      for (const peer of peers) peer.connection.close(1001, 'The lake is stopping')
      peers.clear()
    },
  }
}
