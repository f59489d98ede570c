// POST /api/newsletter: the subscribe form's target (field `email`); double opt-in, rate-limited per client (shared across
// instances through REDIS_URL when it is set).
import { clientLimit } from '../../../lib/newsletter/client-limit.ts'
import { subscribeLimits } from '../../../lib/newsletter/config.ts'
import { siteNewsletter } from '../../../lib/newsletter/service.ts'
import { handleSubscribeRequest } from '../../../lib/newsletter/subscribe-request.ts'

export const dynamic = 'force-dynamic'

let limit: ReturnType<typeof clientLimit> | undefined

export function POST(request: Request): Promise<Response> {
  limit ??= (() => {
    const { subscribeLimit, subscribeWindowSeconds } = subscribeLimits()
    return clientLimit(subscribeLimit, subscribeWindowSeconds, { redisUrl: process.env.REDIS_URL })
  })()
  return handleSubscribeRequest(request, { context: () => siteNewsletter().subscriptions, limit, log: console.error })
}
