// POST /api/newsletter/published: the signed webhook for an interview's first publish. Starts its issue once, then
// sends it right after answering (the sender beside the site retries what fails).
import { after } from 'next/server'
import { deliverDue } from '../../../../lib/newsletter/deliveries.ts'
import { startIssue } from '../../../../lib/newsletter/issues.ts'
import { handleNewsletterWebhook } from '../../../../lib/newsletter/published-webhook.ts'
import { siteNewsletter } from '../../../../lib/newsletter/service.ts'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const newsletter = siteNewsletter()
  const { response, started } = await handleNewsletterWebhook(request, {
    secret: process.env.SANITY_REVALIDATE_SECRET,
    startIssue: (id) => startIssue(newsletter.issues, id),
  })
  if (started) {
    after(async () => {
      const tally = await deliverDue(newsletter.deliveries).catch((error: unknown) => {
        console.error(`newsletter: sending failed (${(error as Error).message}); the sender will retry`)
        return null
      })
      if (tally) console.log(`newsletter: sent ${tally.sent}, retrying ${tally.retrying}, failed ${tally.failed}`)
    })
  }
  return response
}
