// The server-only Sanity clients: anonymous readers of published content (live for what the site caches, through the
// API CDN for what it reads per request), and a draft reader for draft mode.
import 'server-only'
import { createClient, type SanityClient } from '@sanity/client'
import { contentApiClientConfig, sanityConfig, studioUrl } from './config.ts'

function baseClient(): SanityClient {
  return createClient({
    ...contentApiClientConfig(),
    // Two retries (the client's default is five, with backoff) ride out a blip; with the content API down, a reader
    // of a page that was never cached gets the proxy's 503 page at once instead of seconds later (bench/NOTES.md).
    maxRetries: 2,
    useCdn: false,
  })
}

let published: SanityClient | undefined
let publishedThroughCdn: SanityClient | undefined
let drafts: SanityClient | undefined

/**
 * Readers' client for everything the site keeps (pages, feeds, the data cache): no token and the `published`
 * perspective, so a draft can never be fetched through it; and the live API, never the API CDN. A render caused by a
 * publish's webhook reaches the content API moments after the write, when the CDN may still answer the previous
 * version, and what it reads is kept until the next publish or the hourly fallback.
 */
export function publishedClient(): SanityClient {
  published ??= baseClient().withConfig({ token: undefined, perspective: 'published' })
  return published
}

/**
 * Readers' client for what is read afresh on every request and kept nowhere (search results): the API CDN, whose
 * answers may trail a publish by a few seconds. On hosted Sanity that is apicdn.sanity.io; in front of another API
 * host, SANITY_API_CDN_HOST (default: the API host itself).
 */
export function publishedCdnClient(): SanityClient {
  const config = sanityConfig()
  publishedThroughCdn ??= publishedClient().withConfig(
    config.apiCdnHost ? { apiHost: config.apiCdnHost, useProjectHostname: false } : { useCdn: true },
  )
  return publishedThroughCdn
}

/**
 * Draft mode's client: the read token and the `drafts` perspective, never through the CDN, and stega: every string
 * the content API can map to a field carries that field's address in invisible characters, which the visual-editing
 * overlays turn into click-to-edit. Values that code compares or puts in URLs and attributes are cleaned where they
 * are used (`stegaClean`); the client already leaves ids, slugs, dates and URLs unencoded.
 */
export function draftClient(): SanityClient {
  const token = process.env.SANITY_API_READ_TOKEN
  if (!token) throw new Error('Draft mode needs SANITY_API_READ_TOKEN: set it in .env.local (see .env.example).')
  drafts ??= baseClient().withConfig({ token, perspective: 'drafts', stega: { enabled: true, studioUrl: studioUrl() } })
  return drafts
}
