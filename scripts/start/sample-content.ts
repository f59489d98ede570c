// Gives a fresh lake the sample interviews on first run, so a new user sees a blog, not an empty page.
import { existsSync } from 'node:fs'
import { importArchive, type RunningLake } from '../../lake/transfer/index.ts'

type LakeHandle = RunningLake & { url: string }

async function documentCount(lake: LakeHandle, dataset: string, token: string): Promise<number> {
  const url = new URL(`/v2025-02-19/data/query/${dataset}`, lake.url)
  url.searchParams.set('query', 'count(*[!(_id in path("_.**"))])')
  url.searchParams.set('perspective', 'raw')
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok)
    throw new Error(`The lake did not answer a count query (${response.status}): ${await response.text()}`)
  return ((await response.json()) as { result: number }).result
}

export async function importSampleIfEmpty(
  lake: LakeHandle,
  archive: string,
  dataset: string,
  token = process.env.SANITY_API_READ_TOKEN || 'parley-local-read-token',
): Promise<void> {
  if ((await documentCount(lake, dataset, token)) > 0) return
  if (!existsSync(archive)) {
    console.warn(`The lake is empty and ${archive} is missing: the site starts with no interviews.`)
    return
  }
  console.log(`Importing the sample content (${archive}) into the empty lake…`)
  const summary = await importArchive(lake, archive, { dataset })
  console.log(`Imported ${summary.documents} documents and ${summary.assets} assets.`)
  for (const warning of summary.warnings) console.warn(`  ${warning}`)
}
