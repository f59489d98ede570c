// The scheduler's write client (server and command line only): where content lives from lib/sanity/config, the write token from the environment.
import { existsSync } from 'node:fs'
import { createClient, type SanityClient } from '@sanity/client'
import { sanityConfig } from '../sanity/config.ts'

/** Loads env files for command-line tools; Node's loadEnvFile never overrides what the environment already says. */
export function loadEnvFiles(dir = process.cwd()): void {
  for (const name of ['.env.local', '.env', '.env.example']) {
    const file = `${dir}/${name}`
    if (existsSync(file)) process.loadEnvFile(file)
  }
}

export function createWriteClient(env: NodeJS.ProcessEnv = process.env): SanityClient {
  const token = env.SANITY_API_WRITE_TOKEN
  if (!token) throw new Error('SANITY_API_WRITE_TOKEN is not set; see .env.example')
  const { apiHost, ...config } = sanityConfig(env)
  return createClient({ ...config, token, useCdn: false, ...(apiHost ? { apiHost, useProjectHostname: false } : {}) })
}
