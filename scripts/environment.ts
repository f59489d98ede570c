// Loads the configuration of `npm start`, `npm run build` and the scripts: the environment wins over .env.local, which
// wins over .env; on the embedded lake, .env.example's local-only defaults fill the gaps and the lake's address follows
// LAKE_PORT / LAKE_TLS_PORT, so every command finds the lake `npm start` started. Hosted Sanity gets none of that.
import { join } from 'node:path'
import {
  lakeAddress,
  loadEnvironment as loadConfigured,
  readEnvFile,
  type Environment,
} from '../lake/cli/environment.ts'

export type { Environment }

export function loadEnvironment(
  root: string,
  processEnv: Record<string, string | undefined> = process.env,
): { env: Environment; embeddedLake: boolean } {
  const configured = loadConfigured(root, processEnv)
  // Someone who names their own Sanity project without an API host means hosted Sanity: no lake, no local secrets.
  const projectId = configured.NEXT_PUBLIC_SANITY_PROJECT_ID
  const embeddedLake = Boolean(configured.SANITY_API_HOST) || !projectId || projectId === 'parley'
  if (!embeddedLake) return { env: { ...configured, NEXT_TELEMETRY_DISABLED: '1' }, embeddedLake }
  const env: Environment = { ...readEnvFile(join(root, '.env.example')), ...configured, NEXT_TELEMETRY_DISABLED: '1' }
  const lake = lakeAddress(env)
  env.SANITY_API_HOST ||= lake.apiUrl
  env.SANITY_STUDIO_URL ||= lake.studioUrl
  return { env, embeddedLake }
}

/**
 * What is wrong when SANITY_API_HOST, set by hand, is not the lake `npm start` would start (the scripts would look for
 * the lake there and miss it); null when they agree.
 */
export function otherLakeAddress(env: Environment): string | null {
  const { apiUrl, port } = lakeAddress(env)
  const configured = URL.parse(env.SANITY_API_HOST || apiUrl)
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(configured?.hostname ?? '')
  if (configured?.protocol === 'http:' && loopback && Number(configured.port || 80) === port) return null
  return (
    `SANITY_API_HOST is ${env.SANITY_API_HOST}, but npm start runs the lake at ${apiUrl} (LAKE_PORT ${port}): ` +
    'remove SANITY_API_HOST (on the embedded lake it follows LAKE_PORT), or set LAKE_PORT to its port.'
  )
}
