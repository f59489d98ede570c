// POST /api/revalidate: the lake's (or Sanity's) signed webhook; revalidates exactly the pages the changed document is on.
import { revalidateTag } from 'next/cache'
import { handleRevalidationWebhook } from '../../../lib/revalidation/handle-webhook.ts'
import { referencingInterviewsFrom } from '../../../lib/revalidation/referencing-interviews.ts'
import { publishedClient } from '../../../lib/sanity/client.ts'

export const dynamic = 'force-dynamic'

export function POST(request: Request): Promise<Response> {
  return handleRevalidationWebhook(request, {
    secret: process.env.SANITY_REVALIDATE_SECRET,
    // Expire at once rather than serve stale-while-revalidate: the next reader must see the publish (or the unpublish).
    revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
    referencingInterviews: referencingInterviewsFrom(publishedClient()),
  })
}
