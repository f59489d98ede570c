// Public entry of import/export: run them against a running lake (its store and commit bus) or a data folder.
import type { LakeContext } from '../context.ts'
import { exportDataset, type ExportSummary } from './export-archive.ts'
import { importDataset, type ImportSummary } from './import-dataset.ts'

export { exportDataset, isExported, type ExportOptions, type ExportSummary } from './export-archive.ts'
export { importDataset, ImportError, type ImportOptions, type ImportSummary } from './import-dataset.ts'

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

/** Exports a dataset of a running lake to a .tar.gz in Sanity's format. */
export function exportArchive(
  lake: RunningLake,
  file: string,
  options: { dataset: string; includeDrafts?: boolean },
): Promise<ExportSummary> {
  const { context } = lake
  return exportDataset({
    store: context.store,
    dataDir: context.dataDir,
    dataset: options.dataset,
    file,
    includeDrafts: options.includeDrafts,
  })
}
