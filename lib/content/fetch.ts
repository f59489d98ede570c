// The one place the site fetches content: published and cached with tags for readers, uncached drafts in draft mode.
import 'server-only'
import { draftMode } from 'next/headers'
import { draftClient, publishedClient } from '../sanity/client.ts'
import { fallbackRevalidateSeconds } from '../revalidation/tags.ts'
import { recordContentFetchFailure } from '../outage/content-api-health.ts'

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
 * Runs a query. Network and server errors are thrown on purpose: during a background revalidation that keeps the
 * cached page instead of replacing it with an error or a 404 while the content API is down, and a page that was never
 * cached fails its render, which the server answers with the 503 page (lib/outage) because the failure is recorded here.
 */
export async function fetchContent(query: string, params: QueryParams, tags: string[]): Promise<unknown> {
  try {
    return (await isDraftMode())
      ? await draftClient().fetch(query, params, { cache: 'no-store', tag: 'parley.draft' })
      : await publishedClient().fetch(query, params, {
          next: { tags, revalidate: fallbackRevalidateSeconds },
          tag: 'parley.site',
        })
  } catch (error) {
    recordContentFetchFailure(error)
    throw error
  }
}
