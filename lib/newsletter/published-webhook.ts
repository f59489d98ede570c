// POST /api/newsletter/published: the signed webhook for an interview's first publish; starts its issue (once).
import { readSignedWebhook, webhookProblem } from '../webhooks/signed-webhook.ts'
import type { IssueOutcome } from './issues.ts'

const configureHint = 'configure the webhook with the projection in lib/newsletter/webhook.ts'

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
