// Receives the lake's (or Sanity's) signed webhook and revalidates exactly the pages the changed document appears on.
import { revalidateTag } from 'next/cache'
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { affectedTags, type ChangedDocument } from '../../../lib/revalidation/affected-tags.ts'

export const dynamic = 'force-dynamic'

function problem(status: number, message: string): Response {
  return Response.json({ error: { type: status === 401 ? 'unauthorized' : 'badRequest', description: message } }, { status })
}

export async function POST(request: Request): Promise<Response> {
  const secret = process.env.SANITY_REVALIDATE_SECRET
  if (!secret) return problem(401, 'The site has no SANITY_REVALIDATE_SECRET configured, so no webhook can be verified.')

  // The signature covers the exact bytes sent, so verify the raw body before parsing it.
  const body = await request.text()
  const signature = request.headers.get(SIGNATURE_HEADER_NAME)
  if (!signature) return problem(401, `Missing ${SIGNATURE_HEADER_NAME} header: only signed webhooks can revalidate pages.`)
  if (!(await isValidSignature(body, signature, secret))) {
    return problem(401, `Invalid ${SIGNATURE_HEADER_NAME}: the body was not signed with this site's webhook secret.`)
  }

  let document: ChangedDocument
  try {
    document = JSON.parse(body) as ChangedDocument
  } catch {
    return problem(400, 'The webhook body is not JSON; configure the webhook with the projection in lib/revalidation/webhook.ts.')
  }
  if (!document || typeof document !== 'object' || typeof document._type !== 'string') {
    return problem(400, 'The webhook body has no _type; configure the webhook with the projection in lib/revalidation/webhook.ts.')
  }

  const tags = affectedTags(document)
  // Expire at once rather than serve stale-while-revalidate: the next reader must see the publish (or the unpublish).
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags, now: Date.now() })
}
