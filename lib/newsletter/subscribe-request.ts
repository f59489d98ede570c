// POST /api/newsletter: the subscribe form (field `email`), a plain form post that works without JavaScript.
import { normalizeAddress } from './address.ts'
import escapeHtml from 'escape-html'
import { answer } from './answer.ts'
import { clientAddress, type ClientLimit } from './client-limit.ts'
import { subscribe, type SubscriptionContext } from './subscriptions.ts'

async function emailField(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (type.includes('application/json')) return ((await request.json().catch(() => ({}))) as { email?: unknown }).email
  if (type.includes('form')) return (await request.formData().catch(() => new FormData())).get('email')
  return undefined
}

const retryForm = (value: string) =>
  `<form method="post" action="/api/newsletter"><label for="newsletter-email">Email address</label>
<input id="newsletter-email" name="email" type="email" autocomplete="email" required value="${escapeHtml(value)}">
<button type="submit">Subscribe</button></form>`

export async function handleSubscribeRequest(
  request: Request,
  options: { context: () => SubscriptionContext; limit: ClientLimit; log?: (line: string) => void },
): Promise<Response> {
  const limited = await options.limit.consume(clientAddress(request))
  if (!limited.allowed) {
    return answer(request, {
      status: 429,
      type: 'rateLimited',
      title: 'Too many requests',
      message: `Too many subscribe requests from your address. Try again in ${limited.retryAfterSeconds} seconds.`,
      headers: { 'retry-after': String(limited.retryAfterSeconds) },
    })
  }
  const given = await emailField(request)
  const email = normalizeAddress(given)
  if (!email) {
    return answer(request, {
      status: 400,
      type: 'invalidEmail',
      title: 'That is not an email address',
      message:
        typeof given === 'string' && given.trim()
          ? `"${given.trim().slice(0, 254)}" is not an email address we can write to. Check it and try again.`
          : 'Enter your email address (field "email") to subscribe.',
      html: retryForm(typeof given === 'string' ? given.slice(0, 254) : ''),
    })
  }
  try {
    await subscribe(options.context(), email)
  } catch (error) {
    options.log?.(`newsletter: could not subscribe an address: ${(error as Error).message}`)
    return answer(request, {
      status: 503,
      type: 'unavailable',
      title: 'We could not send the confirmation email',
      message: 'Our mail or content service did not answer. Nothing was recorded as sent: try again in a few minutes.',
      headers: { 'retry-after': '120' },
    })
  }
  // The same answer whatever the address's state, so the form tells no one who is subscribed.
  return answer(request, {
    status: 202,
    title: 'Check your inbox',
    message: `If ${email} is not subscribed yet, a confirmation link is on its way there. Open it to start receiving new interviews.`,
  })
}
