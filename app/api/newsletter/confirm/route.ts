// GET /api/newsletter/confirm?token=…: the confirmation link from the email; works once.
import { handleConfirmRequest } from '../../../../lib/newsletter/link-requests.ts'
import { siteNewsletter } from '../../../../lib/newsletter/service.ts'

export const dynamic = 'force-dynamic'

export function GET(request: Request): Promise<Response> {
  return handleConfirmRequest(request, siteNewsletter().subscriptions)
}
