// GET /webhooks/deliveries: the webhook delivery log (attempts, status codes, durations, errors), for anyone holding a token.
import { unauthorized } from '../errors.ts'
import type { Route } from '../router.ts'
import type { WebhookDispatcher } from '../../webhooks/dispatcher.ts'

export function webhookRoutes(dispatcher: WebhookDispatcher): Route[] {
  return [
    {
      method: 'GET',
      path: '/webhooks/deliveries',
      handle: ({ access, search }) => {
        if (access.role === 'anonymous')
          throw unauthorized('The webhook delivery log needs a token (read or write) in the Authorization header')
        const limit = Number(search.get('limit') ?? 100)
        return {
          body: {
            webhooks: dispatcher.definitions.map(({ name, url, filter, projection, on, includeDrafts, dataset }) => ({
              name,
              url,
              filter,
              projection,
              on,
              includeDrafts,
              dataset,
            })),
            deliveries: dispatcher.deliveries.list({
              webhook: search.get('webhook') ?? undefined,
              documentId: search.get('documentId') ?? undefined,
              limit: Number.isFinite(limit) ? limit : 100,
            }),
          },
        }
      },
    },
  ]
}
