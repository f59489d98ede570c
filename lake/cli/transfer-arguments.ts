// The arguments `import` and `export` share: the file, the data folder and the dataset, from flags or the environment.
import { resolve } from 'node:path'
import { flagString, type ParsedArguments } from './arguments.ts'
import { loadEnvironment } from './environment.ts'

export type TransferArguments = {
  file: string
  dataDir: string
  dataset: string
  env: Record<string, string | undefined>
}

export function transferArguments(args: ParsedArguments, usage: string): TransferArguments {
  const env = loadEnvironment()
  const file = args.positional[0]
  if (!file) throw new Error(`Usage: ${usage}`)
  return {
    file: resolve(file),
    dataDir: resolve(flagString(args.flags, 'data') ?? env.LAKE_DATA_DIR ?? '.data/lake'),
    dataset: flagString(args.flags, 'dataset') ?? env.NEXT_PUBLIC_SANITY_DATASET ?? 'production',
    env,
  }
}
