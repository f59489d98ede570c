// `npm run lake -- export FILE [--dataset D] [--data DIR] [--drafts]`: writes a dataset as a Sanity export .tar.gz.
import { Store } from '../store/store.ts'
import { exportDataset } from '../transfer/index.ts'
import type { ParsedArguments } from './arguments.ts'
import { transferArguments } from './transfer-arguments.ts'

/**
 * Reads the data folder directly (SQLite in WAL mode lets it read while a lake serves the same folder);
 * the export is one consistent read of the dataset.
 */
export async function exportCommand(args: ParsedArguments): Promise<void> {
  const { file, dataDir, dataset } = transferArguments(
    args,
    'npm run lake -- export FILE [--dataset D] [--data DIR] [--drafts]',
  )
  const store = new Store(dataDir)
  try {
    const summary = await exportDataset({ store, dataDir, dataset, file, includeDrafts: args.flags.has('drafts') })
    console.log(
      `Exported ${summary.documents} document(s) and ${summary.assets} asset(s) of dataset "${dataset}" to ${summary.file}`,
    )
  } finally {
    store.close()
  }
}
