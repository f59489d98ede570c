// Loads `npm start`'s configuration: the environment wins over .env.local, which wins over .env; .env.example's
// local-only defaults fill the gaps only when the site runs on the embedded lake, never against hosted Sanity.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

export type Environment = Record<string, string>

function readEnvFile(path: string): Environment {
  if (!existsSync(path)) return {}
  return Object.fromEntries(
    Object.entries(parseEnv(readFileSync(path, 'utf8'))).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

export function loadEnvironment(
  root: string,
  processEnv: Record<string, string | undefined> = process.env,
): { env: Environment; embeddedLake: boolean } {
  const configured: Environment = {
    ...readEnvFile(join(root, '.env')),
    ...readEnvFile(join(root, '.env.local')),
    ...Object.fromEntries(
      Object.entries(processEnv).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
  }
  // Someone who names their own Sanity project without an API host means hosted Sanity: no lake, no local secrets.
  const projectId = configured.NEXT_PUBLIC_SANITY_PROJECT_ID
  const embeddedLake = Boolean(configured.SANITY_API_HOST) || !projectId || projectId === 'parley'
  const defaults = embeddedLake ? readEnvFile(join(root, '.env.example')) : {}
  return { env: { ...defaults, ...configured, NEXT_TELEMETRY_DISABLED: '1' }, embeddedLake }
}
