// GET /api/newsletter/unsubscribe?token=…: asks to confirm; POST unsubscribes (the button, or RFC 8058 one-click).
import { handleUnsubscribeRequest } from '../../../../lib/newsletter/link-requests.ts'
import { siteNewsletter } from '../../../../lib/newsletter/service.ts'

export const dynamic = 'force-dynamic'

function run(request: Request): Promise<Response> {
  return handleUnsubscribeRequest(request, siteNewsletter().subscriptions)
}

export { run as GET, run as POST }
