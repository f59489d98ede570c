// `npm run lake -- import FILE [--dataset D] [--replace] [--data DIR] [--base-url URL]`: imports a Sanity export or NDJSON.
import { Store } from '../store/store.ts'
import { importDataset } from '../transfer/index.ts'
import { flagString, type ParsedArguments } from './arguments.ts'
import { lakeAddress } from './environment.ts'
import { transferArguments } from './transfer-arguments.ts'

/**
 * Writes to the data folder directly, in one SQLite transaction; SQLite's WAL and busy timeout let it run
 * beside a lake serving the same folder without harm. A running lake's listeners and webhooks do not hear
 * about it (they live in that process): for that, import through `importArchive` in the lake's process.
 */
export async function importCommand(args: ParsedArguments): Promise<void> {
  const { file, dataDir, dataset, env } = transferArguments(
    args,
    'npm run lake -- import FILE [--dataset D] [--replace] [--data DIR] [--base-url URL]',
  )
  // Asset documents record the URL their bytes are served at: the lake's plain port unless told otherwise.
  const baseUrl = flagString(args.flags, 'base-url') ?? lakeAddress(env).apiUrl
  const store = new Store(dataDir)
  try {
    const summary = await importDataset({
      store,
      dataDir,
      dataset,
      file,
      replace: args.flags.has('replace'),
      projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID || 'parley',
      baseUrl,
    })
    for (const warning of summary.warnings) console.warn(`warning: ${warning}`)
    console.log(
      `Imported ${summary.documents} document(s) and ${summary.assets} asset(s) into dataset "${dataset}" (transaction ${summary.transactionId ?? 'none'})`,
    )
  } finally {
    store.close()
  }
}
