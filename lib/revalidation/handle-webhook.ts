// Verifies a content webhook's signature on the raw body and revalidates the tags of the changed document.
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { affectedTags, type ChangedDocument } from './affected-tags.ts'

function problem(status: 400 | 401, message: string): Response {
  return Response.json(
    { error: { type: status === 401 ? 'unauthorized' : 'badRequest', description: message } },
    { status },
  )
}

async function signatureIsValid(body: string, signature: string, secret: string): Promise<boolean> {
  try {
    return await isValidSignature(body, signature, secret)
  } catch {
    return false // a malformed header is as untrusted as a wrong one
  }
}

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
  if (!options.secret)
    return problem(401, 'The site has no SANITY_REVALIDATE_SECRET configured, so no webhook can be verified.')

  // The signature covers the exact bytes sent, so verify the raw body before parsing it.
  const body = await request.text()
  const signature = request.headers.get(SIGNATURE_HEADER_NAME)
  if (!signature)
    return problem(401, `Missing ${SIGNATURE_HEADER_NAME} header: only signed webhooks can revalidate pages.`)
  if (!(await signatureIsValid(body, signature, options.secret))) {
    return problem(401, `Invalid ${SIGNATURE_HEADER_NAME}: the body was not signed with this site's webhook secret.`)
  }

  let document: ChangedDocument
  try {
    document = JSON.parse(body) as ChangedDocument
  } catch {
    return problem(
      400,
      'The webhook body is not JSON; configure the webhook with the projection in lib/revalidation/webhook.ts.',
    )
  }
  if (!document || typeof document !== 'object' || typeof document._type !== 'string') {
    return problem(
      400,
      'The webhook body has no _type; configure the webhook with the projection in lib/revalidation/webhook.ts.',
    )
  }

  const showsOnInterviews = ['person', 'topic', 'series'].includes(document._type) && typeof document._id === 'string'
  const tags = affectedTags(
    document,
    showsOnInterviews ? await options.referencingInterviews(document._id as string) : [],
  )
  for (const tag of tags) options.revalidate(tag)
  return Response.json({ revalidated: tags, now: Date.now() })
}
