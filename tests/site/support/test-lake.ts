// Starts a real lake on a free port over a fresh data directory, with clients as the site and an editor see it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { startLake } from '../../../lake/index.ts'

export const readToken = 'site-test-read-token'
export const writeToken = 'site-test-write-token'

export type TestLake = {
  url: string
  /** The built Studio on the HTTPS listener, when started with `studioDir`. */
  studioUrl: string | null
  dataDir: string
  /** An editor's client (write token, raw perspective) to create content. */
  editor: SanityClient
  webhooks: { idle(): Promise<void> }
  /** Stops the lake and keeps its data, as an outage would. */
  stop(): Promise<void>
  /** Starts it again on the same port over the same data, with the same webhooks. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startTestLake(options: { webhooks?: unknown[]; studioDir?: string } = {}): Promise<TestLake> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-site-lake-'))
  let tlsPort = 0
  const start = (port: number) =>
    startLake({
      port,
      dataDir,
      ...(options.studioDir ? { studioDir: options.studioDir, tlsPort } : {}),
      readToken,
      writeToken,
      durability: 'normal',
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    } as Parameters<typeof startLake>[0])
  let lake: Awaited<ReturnType<typeof startLake>> | undefined = await start(0)
  const port = lake.port
  // A restart keeps the Studio's address too.
  tlsPort = lake.tlsPort ?? 0
  const editor = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: writeToken,
    perspective: 'raw',
  })
  const webhooksOf = () =>
    (lake as unknown as { webhooks?: { idle(): Promise<void> } } | undefined)?.webhooks ?? { idle: async () => {} }
  return {
    url: lake.url,
    studioUrl: lake.studioUrl,
    dataDir,
    editor,
    webhooks: { idle: () => webhooksOf().idle() },
    async stop() {
      await lake?.close()
      lake = undefined
    },
    async restart() {
      lake ??= await start(port)
    },
    async close() {
      await lake?.close()
      lake = undefined
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Points lib/sanity at the lake, as `npm start` does through the environment. */
export function useLakeForSite(lake: TestLake): void {
  process.env.SANITY_API_HOST = lake.url
  process.env.NEXT_PUBLIC_SANITY_PROJECT_ID = 'parley'
  process.env.NEXT_PUBLIC_SANITY_DATASET = 'production'
  process.env.NEXT_PUBLIC_SANITY_API_VERSION = '2025-02-19'
  process.env.SANITY_API_READ_TOKEN = readToken
}
