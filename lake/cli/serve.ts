// `npm run lake -- [serve] [--port P] [--tls-port Q] [--data DIR] [--studio-dir DIR] [--webhooks FILE]`: runs the lake until SIGINT/SIGTERM.
import { resolve } from 'node:path'
import { DEFAULT_READ_TOKEN, DEFAULT_WRITE_TOKEN, startLake, type LakeOptions } from '../index.ts'
import { flagString, portFlag, type ParsedArguments } from './arguments.ts'
import { lakeAddress, loadEnvironment } from './environment.ts'
import { originsFromEnvironment } from '../http/cors.ts'
import { loadWebhookDefinitions } from '../webhooks/definitions.ts'
import { editorCredentialFromEnvironment } from '../auth/credential.ts'

export function lakeOptionsFrom(args: ParsedArguments, env: Record<string, string | undefined>): LakeOptions {
  const address = lakeAddress(env)
  return {
    port: portFlag(args.flags, 'port', address.port),
    host: flagString(args.flags, 'host') ?? env.LAKE_HOST ?? '127.0.0.1',
    dataDir: resolve(flagString(args.flags, 'data') ?? env.LAKE_DATA_DIR ?? '.data/lake'),
    readToken: env.SANITY_API_READ_TOKEN || DEFAULT_READ_TOKEN,
    writeToken: env.SANITY_API_WRITE_TOKEN || DEFAULT_WRITE_TOKEN,
    projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID || 'parley',
    durability: env.LAKE_DURABILITY === 'full' ? 'full' : 'normal',
    // Browsers (the Studio) use HTTPS + HTTP/2 on this port; see lake/tls/.
    tlsPort: portFlag(args.flags, 'tls-port', address.tlsPort),
    studioDir: flagString(args.flags, 'studio-dir') ?? env.LAKE_STUDIO_DIR,
    corsOrigins: originsFromEnvironment(env.LAKE_CORS_ORIGINS),
    // From the merged environment (.env, .env.local), not only process.env.
    editorCredential: editorCredentialFromEnvironment(env),
    sitePort: Number(env.PORT ?? 3000),
    webhooks: loadWebhookDefinitions({
      file: flagString(args.flags, 'webhooks') ?? env.LAKE_WEBHOOKS_FILE,
      environment: env.LAKE_WEBHOOKS,
    }),
    webhookReport: (line) => console.log(line),
  }
}

export async function serve(args: ParsedArguments): Promise<void> {
  const env = loadEnvironment()
  const options = lakeOptionsFrom(args, env)
  const lake = await startLake(options)
  const lines = [`Content Lake listening on ${lake.url} (data: ${options.dataDir})`]
  if (lake.tlsUrl)
    lines.push(
      `Content Lake for browsers (HTTPS, HTTP/2) on ${lake.tlsUrl} (local certificate in ${options.dataDir}/tls/)`,
    )
  if (lake.studioUrl) lines.push(`Studio: ${lake.studioUrl}`)
  for (const { name, url } of lake.webhooks.definitions) lines.push(`Webhook ${name} → ${url}`)
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
