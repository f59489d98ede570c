// The Studio's presence channel (`/socket/{dataset}`, JSON-RPC over WebSocket): signed-in sessions see where the others are; anonymous ones get nothing.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startLake, type Lake } from '../../lake/index.ts'

let lake: Lake
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-presence-'))
  lake = await startLake({ port: 0, dataDir, durability: 'normal' })
})

afterAll(async () => {
  await lake?.close()
  await rm(dataDir, { recursive: true, force: true })
})

type Peer = {
  socket: WebSocket
  messages: any[]
  call(method: string, params?: Record<string, unknown>): Promise<any>
  next(test: (message: any) => boolean): Promise<any>
  closed: Promise<CloseEvent>
}

/** A client speaking the Studio's bifur protocol, with Node's own WebSocket. */
async function connect(dataset = 'production'): Promise<Peer> {
  const socket = new WebSocket(`${lake.url.replace(/^http/, 'ws')}/v2022-06-30/socket/${dataset}?tag=sanity.studio`)
  const messages: any[] = []
  const waiters: { test: (message: any) => boolean; resolve: (message: any) => void }[] = []
  socket.onmessage = (event) => {
    const message = event.data === '♥' ? '♥' : JSON.parse(String(event.data))
    messages.push(message)
    for (const waiter of [...waiters]) {
      if (!waiter.test(message)) continue
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(message)
    }
  }
  const closed = new Promise<CloseEvent>((resolve) => (socket.onclose = resolve))
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve()
    socket.onerror = () => reject(new Error('WebSocket did not open'))
  })
  let counter = 0
  const next = (test: (message: any) => boolean) =>
    new Promise<any>((resolve) => {
      const seen = messages.find(test)
      if (seen) return resolve(seen)
      waiters.push({ test, resolve })
    })
  return {
    socket,
    messages,
    next,
    closed,
    call(method, params = {}) {
      const id = `req-${++counter}`
      socket.send(JSON.stringify({ jsonrpc: '2.0', method, params: { ...params, apiVersion: 'v1' }, id }))
      return next((message) => message.id === id)
    },
  }
}

test('a signed-in session hears where another one is, and when it leaves', async () => {
  const watcher = await connect()
  const editor = await connect()
  expect((await watcher.call('authorization', { authorization: 'Bearer parley-local-write-token' })).result).toBe(true)
  expect((await editor.call('authorization', { authorization: 'Bearer parley-local-read-token' })).result).toBe(true)
  const { result: subscription } = await watcher.call('presence_subscribe')
  expect(subscription).toEqual(expect.any(String))

  const locations = [
    { type: 'document', documentId: 'interview-1', path: ['title'], lastActiveAt: '2026-11-26T10:00:00.000Z' },
  ]
  expect((await editor.call('presence_announce', { data: { sessionId: 'session-b', locations } })).result).toBe(true)
  const state = await watcher.next(
    (message) => message.method === 'presence_subscription' && message.params.result.type === 'state',
  )
  expect(state.params).toEqual({
    subscription,
    result: { type: 'state', i: 'parley-viewer', m: { sessionId: 'session-b', locations } },
  })

  editor.socket.close()
  const left = await watcher.next(
    (message) => message.method === 'presence_subscription' && message.params.result.type === 'disconnect',
  )
  expect(left.params.result).toEqual({ type: 'disconnect', i: 'parley-viewer', m: { session: 'session-b' } })
  // The watcher never hears its own announcements.
  await watcher.call('presence_announce', { data: { sessionId: 'session-a', locations: [] } })
  expect(
    watcher.messages.filter(
      (message) => message.method === 'presence_subscription' && message.params.result.m?.sessionId === 'session-a',
    ),
  ).toEqual([])
  watcher.socket.close()
})

test('presence needs a valid token: anonymous or unknown tokens are refused', async () => {
  const stranger = await connect()
  expect((await stranger.call('presence_subscribe')).error).toEqual({
    code: 4001,
    message: 'Unauthorized: send the authorization method first',
  })
  expect((await stranger.call('authorization', { authorization: 'Bearer not-a-lake-token' })).error.code).toBe(4001)
  expect((await stranger.call('presence_subscribe')).error.code).toBe(4001)
  expect((await stranger.call('no_such_method')).error.code).toBe(4001)
  stranger.socket.close()
})

test('unknown methods and malformed messages get JSON-RPC errors, not a dropped connection', async () => {
  const peer = await connect()
  await peer.call('authorization', { authorization: 'Bearer parley-local-write-token' })
  expect((await peer.call('presence_teleport')).error).toEqual({
    code: -32601,
    message: 'Method not found: presence_teleport',
  })
  peer.socket.send('{not json')
  expect((await peer.next((message) => message.error?.code === -32700)).error.message).toContain('not JSON')
  expect((await peer.call('presence_subscribe')).result).toEqual(expect.any(String))
  peer.socket.close()
})

test('a message over the size limit closes the connection with 1009', async () => {
  const peer = await connect()
  peer.socket.send('x'.repeat(1024 * 1024 + 1))
  expect((await peer.closed).code).toBe(1009)
})

test('an upgrade to any other path is refused', async () => {
  const socket = new WebSocket(`${lake.url.replace(/^http/, 'ws')}/v2022-06-30/not-a-socket`)
  const outcome = await new Promise<string>((resolve) => {
    socket.onopen = () => resolve('opened')
    socket.onerror = () => resolve('refused')
  })
  expect(outcome).toBe('refused')
})

test('an upgrade with a malformed URL is refused with 400 and the lake keeps serving', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const upgrade = request(`${lake.url}/v2022-06-30/socket/%E0%A4%A`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    })
    upgrade.on('response', (response) => resolve(response.statusCode ?? 0))
    upgrade.on('upgrade', () => reject(new Error('the malformed URL was upgraded')))
    upgrade.on('error', reject)
    upgrade.end()
  })
  expect(status).toBe(400)
  const peer = await connect()
  expect((await peer.call('authorization', { authorization: 'Bearer parley-local-write-token' })).result).toBe(true)
  peer.socket.close()
})
