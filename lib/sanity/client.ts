// The server-only Sanity clients: an anonymous one that can only ever see published content, and a draft reader for draft mode.
import 'server-only'
import { createClient, type SanityClient } from '@sanity/client'
import { sanityConfig } from './config.ts'

function baseClient(): SanityClient {
  const config = sanityConfig()
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    // Two retries (the client's default is five, with backoff) ride out a blip; with the content API down, a reader
    // of a page that was never cached gets the 503 page in under a second instead of waiting 3-7 s for it.
    maxRetries: 2,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false, useCdn: false } : { useCdn: true }),
  })
}

let published: SanityClient | undefined
let drafts: SanityClient | undefined

/** Readers' client: no token and the `published` perspective, so a draft can never be fetched through it. */
export function publishedClient(): SanityClient {
  published ??= baseClient().withConfig({ token: undefined, perspective: 'published' })
  return published
}

/** Draft mode's client: the read token and the `drafts` perspective, never through the CDN. */
export function draftClient(): SanityClient {
  const token = process.env.SANITY_API_READ_TOKEN
  if (!token) throw new Error('Draft mode needs SANITY_API_READ_TOKEN: set it in .env.local (see .env.example).')
  drafts ??= baseClient().withConfig({ token, perspective: 'drafts', useCdn: false })
  return drafts
}
