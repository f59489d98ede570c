// POST /api/revalidate: the lake's (or Sanity's) signed webhook; revalidates exactly the pages the changed document is on.
import { revalidateTag } from 'next/cache'
import { after } from 'next/server'
import { handleRevalidationWebhook, pathsForTags, referencingInterviewsFrom } from '../../../lib/revalidation/index.ts'
import { cachingProxy, warmPages } from '../../../lib/revalidation/warm-pages.ts'
import { publishedClient } from '../../../lib/sanity/client.ts'

export const dynamic = 'force-dynamic'

/**
 * Where the warm-up asks for pages: this instance itself (`next start` sets PORT), not the caching proxy the webhook
 * came through, which would answer from its own copy and render nothing.
 */
function ownOrigin(request: Request): string {
  return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : new URL(request.url).origin
}

export async function POST(request: Request): Promise<Response> {
  const origin = ownOrigin(request)
  const expired: string[] = []
  const response = await handleRevalidationWebhook(request, {
    secret: process.env.SANITY_REVALIDATE_SECRET,
    // Expire at once rather than serve stale-while-revalidate: the next reader must see the publish (or the unpublish).
    revalidate: (tag) => {
      revalidateTag(tag, { expire: 0 })
      expired.push(tag)
    },
    referencingInterviews: referencingInterviewsFrom(publishedClient()),
  })
  if (expired.length > 0) {
    // Re-render the expired pages now, while the content API is known to be up, so readers get cached pages (and an
    // outage right after a publish still finds them in the cache); with a shared cache, for every instance at once;
    // and behind the caching proxy, have it replace its copies of them.
    after(() => warmPages(pathsForTags(expired), origin, cachingProxy()))
  }
  return response
}
