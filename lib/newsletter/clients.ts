// The newsletter's two clients, server and command line only: the write token on its own dataset, and the published
// view of the content dataset (an issue is only ever built from what readers can see).
import type { SanityClient } from '@sanity/client'
import { createWriteClient } from '../scheduling/write-client.ts'
import { newsletterConfig } from './config.ts'

export type NewsletterClients = { newsletter: SanityClient; content: SanityClient }

/** `dataset`: the newsletter's, when the caller has read its configuration already. */
export function newsletterClients(
  env: Record<string, string | undefined> = process.env,
  dataset = newsletterConfig(env).dataset,
): NewsletterClients {
  const client = createWriteClient(env)
  return {
    newsletter: client.withConfig({ dataset, perspective: 'raw' }),
    content: client.withConfig({ perspective: 'published' }),
  }
}
