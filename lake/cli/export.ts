// `npm run lake -- export FILE [--dataset D] [--data DIR] [--drafts]`: writes a dataset as a Sanity export .tar.gz.
import { resolve } from 'node:path'
import { Store } from '../store/store.ts'
import { exportDataset } from '../transfer/index.ts'
import { flagString, type ParsedArguments } from './arguments.ts'
import { loadEnvironment } from './environment.ts'

/**
 * Reads the data folder directly (SQLite in WAL mode lets it read while a lake serves the same folder);
 * the export is one consistent read of the dataset.
 */
export async function exportCommand(args: ParsedArguments): Promise<void> {
  const env = loadEnvironment()
  const file = args.positional[0]
  if (!file) throw new Error('Usage: npm run lake -- export FILE [--dataset D] [--data DIR] [--drafts]')
  const dataDir = resolve(flagString(args.flags, 'data') ?? env.LAKE_DATA_DIR ?? '.data/lake')
  const dataset = flagString(args.flags, 'dataset') ?? env.NEXT_PUBLIC_SANITY_DATASET ?? 'production'
  const store = new Store(dataDir)
  try {
    const summary = await exportDataset({ store, dataDir, dataset, file, includeDrafts: args.flags.has('drafts') })
    console.log(`Exported ${summary.documents} document(s) and ${summary.assets} asset(s) of dataset "${dataset}" to ${summary.file}`)
  } finally {
    store.close()
  }
}
