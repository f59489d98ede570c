// Reads configuration the way the README promises (the environment wins over .env.local, which wins over .env), and
// says where a lake started with it listens: the one answer that `npm start`, the lake's CLI and every script use.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

export type Environment = Record<string, string>

export const defaultLakePort = 3333
export const defaultLakeTlsPort = 3334

/** One `.env`-style file's variables; none if it does not exist. */
export function readEnvFile(path: string): Environment {
  if (!existsSync(path)) return {}
  return onlyStrings(parseEnv(readFileSync(path, 'utf8')))
}

export function loadEnvironment(
  root: string = process.cwd(),
  processEnv: Record<string, string | undefined> = process.env,
): Environment {
  return { ...readEnvFile(join(root, '.env')), ...readEnvFile(join(root, '.env.local')), ...onlyStrings(processEnv) }
}

export type LakeAddress = {
  port: number
  tlsPort: number
  /** The plain HTTP API as servers and scripts reach it (a client's `apiHost`). */
  apiUrl: string
  /** The Studio on the HTTPS listener, as browsers open it. */
  studioUrl: string
}

/** Where a lake started with this environment listens: `LAKE_PORT` (default 3333) and `LAKE_TLS_PORT` (default 3334). */
export function lakeAddress(env: Record<string, string | undefined>): LakeAddress {
  const port = portSetting(env, 'LAKE_PORT', defaultLakePort)
  const tlsPort = portSetting(env, 'LAKE_TLS_PORT', defaultLakeTlsPort)
  return { port, tlsPort, apiUrl: `http://127.0.0.1:${port}`, studioUrl: `https://localhost:${tlsPort}/studio/` }
}

function portSetting(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]
  if (!raw) return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`)
  return port
}

function onlyStrings(variables: Record<string, string | undefined>): Environment {
  return Object.fromEntries(
    Object.entries(variables).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}
