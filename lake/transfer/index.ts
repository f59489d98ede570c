// Public entry of import/export: run them against a running lake (its store and commit bus) or a data folder.
import type { LakeContext } from '../context.ts'
import { importDataset, type ImportSummary } from './import-dataset.ts'

export { exportDataset } from './export-archive.ts'
export { importDataset, type ImportSummary } from './import-dataset.ts'

/** The parts of a started lake (`startLake`'s result) that import and export use. */
export type RunningLake = { context: LakeContext }

/**
 * Imports a Sanity export (.tar.gz) or NDJSON into a running lake: one transaction through its store, announced
 * on its commit bus (listeners and webhooks see it); asset URLs use the lake's own URL.
 */
export function importArchive(
  lake: RunningLake,
  file: string,
  options: { dataset: string; replace?: boolean },
): Promise<ImportSummary> {
  const { context } = lake
  return importDataset({
    store: context.store,
    commits: context.commits,
    writeLock: context.writeLock,
    dataDir: context.dataDir,
    projectId: context.projectId,
    baseUrl: context.url,
    dataset: options.dataset,
    file,
    replace: options.replace,
  })
}
