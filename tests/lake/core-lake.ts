// Test fixture: a lake on a free port over a fresh data directory, with real @sanity/client instances for each role.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { startLake, type Lake, type LakeOptions } from '../../lake/index.ts'

export const WRITE_TOKEN = 'core-test-write-token'
export const READ_TOKEN = 'core-test-read-token'

export type TestLake = {
  lake: Lake
  dataDir: string
  writer: SanityClient
  reader: SanityClient
  anonymous: SanityClient
  client(options?: ClientOptions): SanityClient
  /** Raw HTTP for the cases the client cannot express (malformed bodies, odd methods). */
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>
  stop(): Promise<void>
}

type ClientOptions = { token?: string; dataset?: string; perspective?: 'raw' | 'published' | 'drafts' }

/** A real @sanity/client for the lake at `url`. */
export function lakeClient(url: string, options: ClientOptions = {}): SanityClient {
  return createClient({
    projectId: 'parley',
    dataset: options.dataset ?? 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: url,
    token: options.token,
    useCdn: false,
    perspective: options.perspective,
    ignoreBrowserTokenWarning: true,
  })
}

/** `options` adds to the lake's (webhooks, for instance). */
export async function startTestLake(options: Partial<LakeOptions> = {}): Promise<TestLake> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-lake-core-'))
  const lake = await startLake({ port: 0, dataDir, readToken: READ_TOKEN, writeToken: WRITE_TOKEN, ...options })
  const client: TestLake['client'] = (options = {}) => lakeClient(lake.url, options)
  return {
    lake,
    dataDir,
    writer: client({ token: WRITE_TOKEN }),
    reader: client({ token: READ_TOKEN }),
    anonymous: client(),
    client,
    request(path, init = {}) {
      const { token, ...rest } = init
      const headers = new Headers(rest.headers)
      if (token) headers.set('authorization', `Bearer ${token}`)
      return fetch(`${lake.url}${path}`, { ...rest, headers })
    },
    async stop() {
      await lake.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Every document in a dataset, raw, for "the store is unchanged" assertions. */
export function snapshot(lake: Lake, dataset = 'production'): unknown[] {
  return lake.store.allDocuments(dataset)
}
