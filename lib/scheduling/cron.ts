// The scheduler as one request, for an external cron in production: secret-checked, then publishDue once.
import { timingSafeEqual } from 'node:crypto'
import type { SanityClient } from '@sanity/client'
import { publishDue } from './publish-due.ts'
import { describeOutcome } from './scheduler.ts'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Accepts `Authorization: Bearer <CRON_SECRET>` (what hosted crons send); anything else is a 401 that publishes nothing. */
export async function handleCronRequest(
  request: Request,
  options: { secret: string | undefined; client: () => SanityClient },
): Promise<Response> {
  if (!options.secret) {
    return Response.json(
      {
        error: {
          type: 'unauthorized',
          description: 'The site has no CRON_SECRET configured, so the publish route is closed.',
        },
      },
      { status: 401 },
    )
  }
  const header = request.headers.get('authorization') ?? ''
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
  if (!sameSecret(given, options.secret)) {
    return Response.json(
      {
        error: { type: 'unauthorized', description: 'Send Authorization: Bearer <CRON_SECRET> to run the scheduler.' },
      },
      { status: 401 },
    )
  }
  const { outcomes, nextDueAt } = await publishDue(options.client())
  for (const outcome of outcomes) console.log(`scheduler (cron): ${describeOutcome(outcome)}`)
  return Response.json({ outcomes, nextDueAt: nextDueAt?.toISOString() ?? null })
}
