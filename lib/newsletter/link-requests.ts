// The links in the newsletter's emails: GET /api/newsletter/confirm confirms a subscription; GET
// /api/newsletter/unsubscribe shows a button and POST (the button, or a mail program's RFC 8058 one-click) unsubscribes,
// so a link scanner that opens every URL in a message never unsubscribes anyone.
import escapeHtml from 'escape-html'
import { answer } from './answer.ts'
import { readLink, type LinkProblem } from './links.ts'
import { confirm, unsubscribe, type SubscriptionContext } from './subscriptions.ts'

const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token')

const untrusted = {
  malformed: 'This link is incomplete or damaged. Copy the whole link from the email, or subscribe again.',
  forged: 'This link was not issued by this site, or it was changed. Use the link in the email exactly as sent.',
  expired: 'This confirmation link has expired. Subscribe again to get a new one.',
}

const refused = (request: Request, problem: LinkProblem) =>
  answer(request, {
    status: problem === 'expired' ? 410 : 400,
    type: problem === 'expired' ? 'linkExpired' : 'invalidLink',
    title: 'This link does not work',
    message: untrusted[problem],
  })

export async function handleConfirmRequest(request: Request, context: SubscriptionContext): Promise<Response> {
  const outcome = await confirm(context, tokenOf(request))
  switch (outcome) {
    case 'confirmed':
      return answer(request, {
        status: 200,
        title: 'You are subscribed',
        message: 'Thank you. You will receive each new interview by email as it goes live.',
      })
    case 'already-used':
      return answer(request, {
        status: 410,
        type: 'linkUsed',
        title: 'This link was already used',
        message:
          'Each confirmation link works once, and this one has been used or replaced by a newer one. Nothing changed.',
      })
    case 'unknown':
      return answer(request, {
        status: 410,
        type: 'linkUsed',
        title: 'This subscription no longer exists',
        message: 'The address was removed. Subscribe again if you want new interviews by email.',
      })
    default:
      return refused(request, outcome)
  }
}

export async function handleUnsubscribeRequest(request: Request, context: SubscriptionContext): Promise<Response> {
  const token = tokenOf(request)
  if (request.method === 'GET') {
    // A damaged or forged link says so at once, rather than offering a button that cannot work.
    const link = readLink(context.config.secret, token, 'unsubscribe')
    if (typeof link === 'string') return refused(request, link)
    return answer(request, {
      status: 200,
      title: 'Unsubscribe',
      message: 'Stop receiving new interviews by email? Your address is erased as you do.',
      html: `<form method="post"><input type="hidden" name="token" value="${escapeHtml(token ?? '')}"><button type="submit">Unsubscribe</button></form>`,
    })
  }
  // The token is in the URL for one-click POSTs; the button also posts it as a field.
  const fallback = token ?? ((await request.formData().catch(() => new FormData())).get('token') as string | null)
  const outcome = await unsubscribe(context, fallback)
  switch (outcome) {
    case 'unsubscribed':
      return answer(request, {
        status: 200,
        title: 'You are unsubscribed',
        message: 'You will receive no more emails from us, and your address has been erased.',
      })
    case 'not-subscribed':
      return answer(request, {
        status: 200,
        title: 'You are not subscribed',
        message: 'This link’s subscription has already ended. Nothing changed.',
      })
    default:
      return refused(request, outcome)
  }
}
