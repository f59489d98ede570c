// Content webhooks, for every feature that takes one (revalidation, the newsletter): their definition as the lake and
// hosted Sanity take it, and reading a request's body only when it carries this site's signature (@sanity/webhook).
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'

/** A GROQ webhook as the lake takes it (`npm start` passes these); on hosted Sanity, create one with the same fields. */
export type ContentWebhook = {
  name: string
  url: string
  secret: string
  filter: string
  projection: string
  on: ('create' | 'update' | 'delete')[]
  includeDrafts: false
}

export function webhookProblem(status: 400 | 401, message: string): Response {
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

/** The parsed JSON body of a correctly signed content webhook (the lake's or Sanity's), or the 400/401 answer. */
export async function readSignedWebhook(
  request: Request,
  secret: string | undefined,
  configureHint: string,
): Promise<{ body: unknown } | Response> {
  if (!secret)
    return webhookProblem(401, 'The site has no SANITY_REVALIDATE_SECRET configured, so no webhook can be verified.')
  // The signature covers the exact bytes sent, so verify the raw body before parsing it.
  const raw = await request.text()
  const signature = request.headers.get(SIGNATURE_HEADER_NAME)
  if (!signature)
    return webhookProblem(401, `Missing ${SIGNATURE_HEADER_NAME} header: only signed webhooks are accepted.`)
  if (!(await signatureIsValid(raw, signature, secret)))
    return webhookProblem(
      401,
      `Invalid ${SIGNATURE_HEADER_NAME}: the body was not signed with this site's webhook secret.`,
    )
  try {
    return { body: JSON.parse(raw) as unknown }
  } catch {
    return webhookProblem(400, `The webhook body is not JSON; ${configureHint}.`)
  }
}
