// Public entry of the local Content Lake: start it on a port over a data directory, get its URL back.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CommitBus, type CommitListener } from './commits.ts'
import type { LakeContext } from './context.ts'
import { tokenResolverFor } from './http/access.ts'
import { coreRoutes } from './http/routes/index.ts'
import type { Route } from './http/router.ts'
import { createRequestHandler, type RequestHandler } from './http/server.ts'
import type { Durability } from './store/database.ts'
import { Store } from './store/store.ts'

export type { CommittedTransaction, CommitListener, DocumentChange } from './commits.ts'
export type { LakeContext } from './context.ts'
export type { Route, Reply, RouteRequest } from './http/router.ts'
export type { Access, TokenResolver } from './http/access.ts'
export { Store } from './store/store.ts'

export const DEFAULT_READ_TOKEN = 'parley-local-read-token'
export const DEFAULT_WRITE_TOKEN = 'parley-local-write-token'

export type LakeOptions = {
  /** Port for plain HTTP; 0 picks a free one. Default 3333. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  dataDir: string
  readToken?: string
  writeToken?: string
  projectId?: string
  /** `full` (default) fsyncs every commit; see store/database.ts. */
  durability?: Durability
  /** Extra routes (tried after the core routes). */
  routes?: Route[]
}

export type Lake = {
  /** Plain HTTP base URL, e.g. `http://127.0.0.1:3333` (use as the client's apiHost). */
  url: string
  port: number
  store: Store
  context: LakeContext
  /** The `(req, res)` handler, to mount on another server (e.g. http2 compat with allowHTTP1). */
  handler: RequestHandler
  server: Server
  /** Called with every committed transaction after it is durable; returns an unsubscribe function. */
  onCommit(listener: CommitListener): () => void
  /** Registers hooks to run on close (e.g. other servers mounted on the handler). */
  onClose(hook: () => Promise<void> | void): void
  close(): Promise<void>
}

export async function startLake(options: LakeOptions): Promise<Lake> {
  const store = new Store(options.dataDir, options.durability ?? 'full')
  const commits = new CommitBus()
  const context: LakeContext = {
    projectId: options.projectId ?? 'parley',
    store,
    commits,
    tokenResolvers: [tokenResolverFor(options.readToken ?? DEFAULT_READ_TOKEN, options.writeToken ?? DEFAULT_WRITE_TOKEN)],
    url: '',
    dataDir: options.dataDir,
  }
  const handler = createRequestHandler(context, [...coreRoutes, ...(options.routes ?? [])])
  const server = createServer(handler)
  // Long-lived listen streams must not be cut by Node's default request timeouts.
  server.requestTimeout = 0
  server.headersTimeout = 60_000
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 3333, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  context.url = url
  const closeHooks: (() => Promise<void> | void)[] = []
  let closing: Promise<void> | null = null

  return {
    url,
    port,
    store,
    context,
    handler,
    server,
    onCommit: (listener) => commits.onCommit(listener),
    onClose: (hook) => void closeHooks.push(hook),
    close() {
      closing ??= (async () => {
        for (const hook of closeHooks) await hook()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        store.close()
      })()
      return closing
    },
  }
}
