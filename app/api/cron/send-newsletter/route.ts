// GET/POST /api/cron/send-newsletter: sends due newsletter emails (retries included); for an external cron where
// `npm start`'s sender does not run.
import { deliverDue } from '../../../../lib/newsletter/deliveries.ts'
import { siteNewsletter } from '../../../../lib/newsletter/service.ts'
import { cronRefusal } from '../../../../lib/scheduling/cron.ts'

export const dynamic = 'force-dynamic'

async function run(request: Request): Promise<Response> {
  const refused = cronRefusal(request, process.env.CRON_SECRET, 'newsletter sender')
  if (refused) return refused
  const { nextDueAt, ...tally } = await deliverDue(siteNewsletter().deliveries)
  return Response.json({ ...tally, nextDueAt: nextDueAt?.toISOString() ?? null })
}

export { run as GET, run as POST }
