// Public entry of the local Content Lake: start it on a port over a data directory, get its URL back.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CommitBus, type CommitListener } from './commits.ts'
import type { LakeContext } from './context.ts'
import { tokenResolverFor, type AclMode } from './http/access.ts'
import { coreRoutes } from './http/routes/index.ts'
import { createRequestHandler, type RequestHandler } from './http/server.ts'
import type { Durability } from './store/database.ts'
import { releaseScheduler } from './releases/release-scheduler.ts'
import { Store } from './store/store.ts'
import { WriteLock } from './mutations/write-lock.ts'
import { browserSupport, type BrowserOptions } from './browsers.ts'
import { webhookSupport, type WebhookOptions } from './webhooks/lake-webhooks.ts'
import type { WebhookDispatcher } from './webhooks/dispatcher.ts'

export type { CommittedTransaction, CommitListener } from './commits.ts'
export type { LakeContext } from './context.ts'
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
  /** `normal` (default; survives kill -9 of the process) or `full` (fsync per commit; survives power loss). See store/database.ts. */
  durability?: Durability
  /** Datasets that exist from the start, as a new hosted project has `production` (default `["production"]`); public unless named with `aclMode: "private"`. */
  datasets?: (string | { name: string; aclMode: AclMode })[]
} & BrowserOptions &
  WebhookOptions

export type Lake = {
  /** Plain HTTP base URL, e.g. `http://127.0.0.1:3333` (use as the client's apiHost). */
  url: string
  port: number
  store: Store
  context: LakeContext
  /** The `(req, res)` handler, to mount on another server (e.g. http2 compat with allowHTTP1). */
  handler: RequestHandler
  server: Server
  /** `https://localhost:<tlsPort>` when a TLS port was asked for (browsers, the Studio), else null. */
  tlsUrl: string | null
  tlsPort: number | null
  /** Where the Studio is served (on the TLS origin when there is one), or null without `studioDir`. */
  studioUrl: string | null
  /** The configured webhooks, their delivery log, and `idle()` to wait for deliveries in flight. */
  webhooks: WebhookDispatcher
  /** Called with every committed transaction after it is durable; returns an unsubscribe function. */
  onCommit(listener: CommitListener): () => void
  /** Registers hooks to run on close (e.g. other servers mounted on the handler). */
  onClose(hook: () => Promise<void> | void): void
  close(): Promise<void>
}

export async function startLake(options: LakeOptions): Promise<Lake> {
  const store = new Store(options.dataDir, options.durability ?? 'normal')
  for (const dataset of options.datasets ?? ['production']) {
    if (typeof dataset === 'string') store.createDataset(dataset)
    // A dataset named with its mode has that mode, whether it is new or was made otherwise before.
    else if (!store.createDataset(dataset.name, dataset.aclMode)) store.setDatasetAclMode(dataset.name, dataset.aclMode)
  }
  const commits = new CommitBus()
  const context: LakeContext = {
    projectId: options.projectId ?? 'parley',
    store,
    commits,
    writeLock: new WriteLock(),
    tokenResolvers: [
      tokenResolverFor(options.readToken ?? DEFAULT_READ_TOKEN, options.writeToken ?? DEFAULT_WRITE_TOKEN),
    ],
    url: '',
    dataDir: options.dataDir,
    // No origin until browser support sets the policy, just below.
    cors: { allowedOrigins: new Set() },
  }
  const browser = browserSupport(context, options)
  context.cors = browser.cors
  const webhooks = webhookSupport(context, options)
  const handler = createRequestHandler(context, [...coreRoutes, ...browser.routes, ...webhooks.routes])
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
  const browserListener = await browser.listen(handler, port, host, server).catch(async (error: unknown) => {
    // A busy TLS port must not leave the plain port and the database open behind a failed start.
    await new Promise<void>((resolve) => server.close(() => resolve()))
    store.close()
    throw error
  })
  const releases = releaseScheduler(context)
  const closeHooks: (() => Promise<void> | void)[] = [
    () => releases.close(),
    () => browserListener.close(),
    () => webhooks.close(),
  ]
  let closing: Promise<void> | null = null

  return {
    url,
    port,
    store,
    context,
    handler,
    server,
    tlsUrl: browserListener.tlsUrl,
    tlsPort: browserListener.tlsPort,
    studioUrl: browserListener.studioUrl,
    webhooks: webhooks.dispatcher,
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
