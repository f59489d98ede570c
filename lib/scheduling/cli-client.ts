// The write client for command-line tools: configuration from the environment, then .env.local, .env and .env.example.
import { existsSync } from 'node:fs'
import { createClient, type SanityClient } from '@sanity/client'

/** Loads env files without overriding what the environment already says (Node's loadEnvFile keeps existing values). */
export function loadEnvFiles(dir = process.cwd()): void {
  for (const name of ['.env.local', '.env', '.env.example']) {
    const file = `${dir}/${name}`
    if (existsSync(file)) process.loadEnvFile(file)
  }
}

export function createWriteClientFromEnv(env: NodeJS.ProcessEnv = process.env): SanityClient {
  const token = env.SANITY_API_WRITE_TOKEN
  if (!token) throw new Error('SANITY_API_WRITE_TOKEN is not set; see .env.example')
  const apiHost = env.SANITY_API_HOST
  return createClient({
    projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID ?? 'parley',
    dataset: env.NEXT_PUBLIC_SANITY_DATASET ?? 'production',
    apiVersion: env.NEXT_PUBLIC_SANITY_API_VERSION ?? '2025-02-19',
    token,
    useCdn: false,
    ...(apiHost ? { apiHost, useProjectHostname: false } : {}),
  })
}
