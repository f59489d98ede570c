// `npm run lake -- [serve] [--port P] [--data DIR]`: runs the lake until SIGINT/SIGTERM.
import { resolve } from 'node:path'
import { DEFAULT_READ_TOKEN, DEFAULT_WRITE_TOKEN, startLake, type Lake, type LakeOptions } from '../index.ts'
import { flagString, portFlag, type ParsedArguments } from './arguments.ts'
import { loadEnvironment } from './environment.ts'

/** Hooks other commands/helpers can use to extend `serve` (e.g. a TLS port) without editing this file's logic. */
export type ServeExtension = (lake: Lake, args: ParsedArguments, env: Record<string, string | undefined>) => Promise<string[] | void>
export const serveExtensions: ServeExtension[] = []

export function lakeOptionsFrom(args: ParsedArguments, env: Record<string, string | undefined>): LakeOptions {
  return {
    port: portFlag(args.flags, 'port', Number(env.LAKE_PORT ?? 3333)),
    host: flagString(args.flags, 'host') ?? env.LAKE_HOST ?? '127.0.0.1',
    dataDir: resolve(flagString(args.flags, 'data') ?? env.LAKE_DATA_DIR ?? '.data/lake'),
    readToken: env.SANITY_API_READ_TOKEN || DEFAULT_READ_TOKEN,
    writeToken: env.SANITY_API_WRITE_TOKEN || DEFAULT_WRITE_TOKEN,
    projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID || 'parley',
  }
}

export async function serve(args: ParsedArguments): Promise<void> {
  const env = loadEnvironment()
  const options = lakeOptionsFrom(args, env)
  const lake = await startLake(options)
  const lines = [`Content Lake listening on ${lake.url} (data: ${options.dataDir})`]
  for (const extend of serveExtensions) lines.push(...((await extend(lake, args, env)) ?? []))
  for (const line of lines) console.log(line)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Received ${signal}; stopping the lake`)
    lake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}
