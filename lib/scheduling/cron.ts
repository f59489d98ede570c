// The scheduler as one request, for an external cron in production: secret-checked, then publishDue once.
import type { SanityClient } from '@sanity/client'
import { sameSecret } from '../same-secret.ts'
import { publishDue } from './publish-due.ts'
import { describeOutcome } from './scheduler.ts'

/** The 401 for a request without `Authorization: Bearer <CRON_SECRET>` (what hosted crons send), or null to go on. */
export function cronRefusal(request: Request, secret: string | undefined, what: string): Response | null {
  if (!secret) {
    return Response.json(
      {
        error: {
          type: 'unauthorized',
          description: `The site has no CRON_SECRET configured, so the ${what} route is closed.`,
        },
      },
      { status: 401 },
    )
  }
  const header = request.headers.get('authorization') ?? ''
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
  if (!sameSecret(given, secret)) {
    return Response.json(
      { error: { type: 'unauthorized', description: `Send Authorization: Bearer <CRON_SECRET> to run the ${what}.` } },
      { status: 401 },
    )
  }
  return null
}

/** Accepts `Authorization: Bearer <CRON_SECRET>`; anything else is a 401 that publishes nothing. */
export async function handleCronRequest(
  request: Request,
  options: { secret: string | undefined; client: () => SanityClient },
): Promise<Response> {
  const refused = cronRefusal(request, options.secret, 'scheduler')
  if (refused) return refused
  const { outcomes, nextDueAt } = await publishDue(options.client())
  for (const outcome of outcomes) console.log(`scheduler (cron): ${describeOutcome(outcome)}`)
  return Response.json({ outcomes, nextDueAt: nextDueAt?.toISOString() ?? null })
}
