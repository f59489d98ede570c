// A real lake on a free port over a fresh data directory, with the clients an import test needs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { startLake } from '../../../lake/index.ts'

export const fixtures = join(import.meta.dirname, '..', 'fixtures')

export type ImportLake = {
  url: string
  writeToken: string
  /** The write token's client, as the import command builds it. */
  editor: SanityClient
  /** No token: what readers can see. */
  anonymous: SanityClient
  /** A query over every document, drafts included. */
  raw<T>(query: string, params?: Record<string, unknown>): Promise<T>
  close(): Promise<void>
}

const clientFor = (url: string, token?: string) =>
  createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: url,
    useProjectHostname: false,
    useCdn: false,
    token,
  })

export async function startImportLake(name: string): Promise<ImportLake> {
  const dataDir = mkdtempSync(join(tmpdir(), `parley-import-${name}-`))
  const writeToken = `import-${name}-write`
  const lake = await startLake({ port: 0, dataDir, writeToken, readToken: `import-${name}-read` })
  const editor = clientFor(lake.url, writeToken)
  return {
    url: lake.url,
    writeToken,
    editor,
    anonymous: clientFor(lake.url),
    raw: (query, params = {}) => editor.fetch(query, params, { perspective: 'raw' }),
    async close() {
      await lake.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
