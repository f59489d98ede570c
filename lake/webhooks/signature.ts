// Signs a webhook body the way Sanity does, so `@sanity/webhook` verifies it: `t=<unix ms>,v1=<base64url HMAC-SHA256(secret, "<t>.<body>")>`.
import { createHmac } from 'node:crypto'

export const SIGNATURE_HEADER = 'sanity-webhook-signature'

export function webhookSignature(secret: string, body: string, timestampMs: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampMs}.${body}`, 'utf8').digest('base64url')
  return `t=${timestampMs},v1=${digest}`
}
