// A minimal server side of the WebSocket protocol (RFC 6455) over an upgraded socket: the handshake, text messages in and out, ping/pong and close — what the Studio's presence connection needs.
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
/** Presence messages are a few hundred bytes; anything near this is not a Studio talking. */
const MAX_MESSAGE_BYTES = 1024 * 1024

export type WebSocketConnection = {
  send(text: string): void
  close(code?: number, reason?: string): void
  onMessage(listener: (text: string) => void): void
  onClose(listener: () => void): void
}

/** Answers a refused upgrade with a plain HTTP status, so the browser sees why. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`)
}

/** Completes the handshake, or refuses it (400) and returns null when the request is not a WebSocket upgrade. */
export function acceptWebSocket(request: IncomingMessage, socket: Duplex, head: Buffer): WebSocketConnection | null {
  const key = request.headers['sec-websocket-key']
  const isUpgrade = String(request.headers.upgrade ?? '').toLowerCase() === 'websocket'
  if (!isUpgrade || typeof key !== 'string' || request.headers['sec-websocket-version'] !== '13') {
    refuseUpgrade(socket, 400, 'Bad Request')
    return null
  }
  const accept = createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64')
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`)

  const messageListeners: ((text: string) => void)[] = []
  const closeListeners: (() => void)[] = []
  let buffered: Buffer = head.length > 0 ? Buffer.from(head) : Buffer.alloc(0)
  let fragments: Buffer[] = []
  let closed = false

  const writeFrame = (opcode: number, payload: Buffer) => {
    if (closed || socket.destroyed) return
    const length = payload.length
    const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10)
    header[0] = 0x80 | opcode // FIN + opcode; server frames are never masked
    if (length < 126) header[1] = length
    else if (length < 65536) {
      header[1] = 126
      header.writeUInt16BE(length, 2)
    } else {
      header[1] = 127
      header.writeBigUInt64BE(BigInt(length), 2)
    }
    socket.write(Buffer.concat([header, payload]))
  }

  const finish = () => {
    if (closed) return
    closed = true
    for (const listener of closeListeners) listener()
  }

  const close = (code = 1000, reason = '') => {
    if (closed) return
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason))
    payload.writeUInt16BE(code, 0)
    payload.write(reason, 2)
    writeFrame(0x8, payload)
    closed = true
    socket.end()
    for (const listener of closeListeners) listener()
  }

  /** Reads as many whole frames as the buffer holds. */
  const readFrames = () => {
    for (;;) {
      if (buffered.length < 2) return
      const first = buffered[0] as number
      const second = buffered[1] as number
      const fin = (first & 0x80) !== 0
      const opcode = first & 0x0f
      const masked = (second & 0x80) !== 0
      let length = second & 0x7f
      let offset = 2
      if (length === 126) {
        if (buffered.length < 4) return
        length = buffered.readUInt16BE(2)
        offset = 4
      } else if (length === 127) {
        if (buffered.length < 10) return
        const long = buffered.readBigUInt64BE(2)
        if (long > BigInt(MAX_MESSAGE_BYTES)) return close(1009, 'Message too big')
        length = Number(long)
        offset = 10
      }
      // Clients must mask every frame (RFC 6455 §5.1).
      if (!masked) return close(1002, 'Client frames must be masked')
      if (length > MAX_MESSAGE_BYTES) return close(1009, 'Message too big')
      if (buffered.length < offset + 4 + length) return
      const mask = buffered.subarray(offset, offset + 4)
      const payload = Buffer.from(buffered.subarray(offset + 4, offset + 4 + length))
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number)
      buffered = buffered.subarray(offset + 4 + length)

      if (opcode === 0x8) return close(1000)
      if (opcode === 0x9) writeFrame(0xa, payload)
      else if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) {
        fragments.push(payload)
        if (fragments.reduce((sum, part) => sum + part.length, 0) > MAX_MESSAGE_BYTES) return close(1009, 'Message too big')
        if (fin) {
          const message = Buffer.concat(fragments).toString('utf8')
          fragments = []
          for (const listener of messageListeners) listener(message)
        }
      }
    }
  }

  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk])
    readFrames()
  })
  socket.on('close', finish)
  socket.on('error', finish)
  queueMicrotask(readFrames)

  return {
    send: (text) => writeFrame(0x1, Buffer.from(text, 'utf8')),
    close,
    onMessage: (listener) => void messageListeners.push(listener),
    onClose: (listener) => void closeListeners.push(listener),
  }
}
