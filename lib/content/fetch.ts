// The one place the site fetches content: published and cached with tags for readers, uncached drafts in draft mode.
import 'server-only'
import { draftMode } from 'next/headers'
import { draftClient, publishedCdnClient, publishedClient } from '../sanity/client.ts'
import { fallbackRevalidateSeconds } from '../revalidation/index.ts'

type QueryParams = Record<string, string | number | boolean | string[] | null>

/** Draft mode only exists inside a request; static generation and scripts are always the published view. */
export async function isDraftMode(): Promise<boolean> {
  try {
    return (await draftMode()).isEnabled
  } catch {
    return false
  }
}

/**
 * Runs a query whose result the site keeps (in Next's data cache, tagged, and in the pages rendered from it), from the
 * live API. Network and server errors are thrown on purpose: during a background revalidation that keeps the cached
 * page instead of replacing it with an error or a 404 while the content API is down, and a page that was never cached
 * fails its render, which is never cached either (the proxy in front answers its 503 page).
 */
export async function fetchContent(query: string, params: QueryParams, tags: string[]): Promise<unknown> {
  return (await isDraftMode())
    ? await draftClient().fetch(query, params, { cache: 'no-store', tag: 'parley.draft' })
    : await publishedClient().fetch(query, params, {
        next: { tags, revalidate: fallbackRevalidateSeconds },
        tag: 'parley.site',
      })
}

/**
 * Runs a query made afresh for each reader and kept nowhere (search: one entry per phrase would fill the shared
 * cache), through the API CDN.
 */
export async function fetchPerRequest(query: string, params: QueryParams): Promise<unknown> {
  return (await isDraftMode())
    ? await draftClient().fetch(query, params, { cache: 'no-store', tag: 'parley.draft' })
    : await publishedCdnClient().fetch(query, params, { cache: 'no-store', tag: 'parley.search' })
}
