// Signed confirmation and unsubscribe links: an HMAC over what the link may do, so a forged or altered link is refused.
import { createHmac } from 'node:crypto'
import { z } from 'zod'
import { sameSecret } from '../same-secret.ts'

const payloadSchema = z.object({
  /** What the link does. */
  p: z.enum(['confirm', 'unsubscribe']),
  /** The subscriber's key. */
  s: z.string().min(1),
  /** The confirmation's one-time value, or the subscription an unsubscribe link belongs to. */
  n: z.string().min(1),
  /** Expiry, in seconds since the epoch (confirmation links only). */
  x: z.number().optional(),
})
export type LinkPayload = z.infer<typeof payloadSchema>

export type LinkProblem = 'malformed' | 'forged' | 'expired'

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`link:${body}`).digest('base64url')

export function signLink(secret: string, payload: LinkPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

/** The payload of a link this site signed for `purpose`, or why it cannot be trusted. */
export function readLink(
  secret: string,
  token: string | null,
  purpose: LinkPayload['p'],
  now = Date.now(),
): LinkPayload | LinkProblem {
  const [body, signature, extra] = (token ?? '').split('.')
  if (!body || !signature || extra !== undefined) return 'malformed'
  if (!sameSecret(signature, sign(secret, body))) return 'forged'
  let parsed
  try {
    parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')))
  } catch {
    return 'malformed'
  }
  if (!parsed.success || parsed.data.p !== purpose) return 'forged'
  if (parsed.data.x !== undefined && parsed.data.x * 1000 < now) return 'expired'
  return parsed.data
}

export const confirmUrl = (siteUrl: string, token: string) =>
  `${siteUrl}/api/newsletter/confirm?token=${encodeURIComponent(token)}`
export const unsubscribeUrl = (siteUrl: string, token: string) =>
  `${siteUrl}/api/newsletter/unsubscribe?token=${encodeURIComponent(token)}`
