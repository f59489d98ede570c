// Verifies a content webhook's signature on the raw body and revalidates the tags of the changed document.
import { readSignedWebhook, webhookProblem } from '../webhooks/signed-webhook.ts'
import { affectedTags, type ChangedDocument } from './affected-tags.ts'

const configureHint = 'configure the webhook with the projection in lib/revalidation/webhook.ts'

/**
 * Answers one webhook request. Nothing is revalidated unless the signature matches `secret`; then `revalidate` is
 * called once per affected tag and the answer lists them.
 */
export async function handleRevalidationWebhook(
  request: Request,
  options: {
    secret: string | undefined
    revalidate: (tag: string) => void
    /** Slugs of the published interviews that reference a document (they show its name or title). */
    referencingInterviews: (documentId: string) => Promise<string[]>
  },
): Promise<Response> {
  const signed = await readSignedWebhook(request, options.secret, configureHint)
  if (signed instanceof Response) return signed
  const document = signed.body as ChangedDocument
  if (!document || typeof document !== 'object' || typeof document._type !== 'string') {
    return webhookProblem(400, `The webhook body has no _type; ${configureHint}.`)
  }

  const showsOnInterviews = ['person', 'topic', 'series'].includes(document._type) && typeof document._id === 'string'
  const tags = affectedTags(
    document,
    showsOnInterviews ? await options.referencingInterviews(document._id as string) : [],
  )
  for (const tag of tags) options.revalidate(tag)
  return Response.json({ revalidated: tags, now: Date.now() })
}
