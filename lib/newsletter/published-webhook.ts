// The GROQ webhook that tells the site an interview went live, and POST /api/newsletter/published, its signed handler
// that starts the interview's issue (once). It fires when a published interview document is created (a first publish
// by an editor, the scheduler or a release), never for drafts or edits. `npm start` gives it to the lake; on hosted
// Sanity, create one with the same filter, projection and trigger ("Create" only), drafts off.
import { readSignedWebhook, type ContentWebhook, webhookProblem } from '../webhooks/signed-webhook.ts'
import type { IssueOutcome } from './issues.ts'

const newsletterFilter = /* groq */ `_type == "interview"`
const newsletterProjection = /* groq */ `{_id, _type}`
const newsletterWebhookPath = '/api/newsletter/published'

/** The webhook definition for a site at `siteUrl`, signed with `secret` (SANITY_REVALIDATE_SECRET). */
export function newsletterWebhook(siteUrl: string, secret: string): ContentWebhook {
  return {
    name: 'parley-newsletter',
    url: new URL(newsletterWebhookPath, siteUrl).toString(),
    secret,
    filter: newsletterFilter,
    projection: newsletterProjection,
    on: ['create'],
    includeDrafts: false,
  }
}

const configureHint = 'configure the webhook with the projection in lib/newsletter/published-webhook.ts'

export async function handleNewsletterWebhook(
  request: Request,
  options: { secret: string | undefined; startIssue: (interviewId: string) => Promise<IssueOutcome> },
): Promise<{ response: Response; started: boolean }> {
  const signed = await readSignedWebhook(request, options.secret, configureHint)
  if (signed instanceof Response) return { response: signed, started: false }
  const { _id: id, _type: type } = (signed.body ?? {}) as { _id?: unknown; _type?: unknown }
  if (typeof id !== 'string' || type !== 'interview')
    return { response: webhookProblem(400, `The webhook body has no interview _id; ${configureHint}.`), started: false }
  const outcome = await options.startIssue(id)
  return { response: Response.json(outcome), started: outcome.outcome === 'started' }
}
