// The scheduler's and importer's write client (server and command line only): where content lives from lib/sanity/config, the write token from the environment.
import { createClient, type SanityClient } from '@sanity/client'
import { contentApiClientConfig, sanityConfig } from '../sanity/config.ts'

export function createWriteClient(env: Record<string, string | undefined> = process.env): SanityClient {
  const token = env.SANITY_API_WRITE_TOKEN
  if (!token) throw new Error('SANITY_API_WRITE_TOKEN is not set; see .env.example')
  return createClient({ ...contentApiClientConfig(sanityConfig(env)), token, useCdn: false })
}
