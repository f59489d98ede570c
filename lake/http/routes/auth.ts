// The sign-in endpoints: the login page and its form post, the session-id exchange, logout, the provider list and the current user.
import { readBody } from '../body.ts'
import { forbidden, LakeError, unauthorized } from '../errors.ts'
import { bearerToken } from '../access.ts'
import type { Route, RouteRequest } from '../router.ts'
import type { EditorSignIn } from '../../auth/sign-in.ts'
import { LOGIN_PAGE_HEADERS, renderLoginPage } from '../../auth/login-page.ts'
import { signInReturnUrl, withSessionId } from '../../auth/redirect.ts'
import { EDITOR_ID, userForAccess } from '../../auth/users.ts'

const FORM_LIMIT = 16 * 1024

function originNotAllowed(origin: string | null, allowed: ReadonlySet<string>): LakeError {
  const shown = origin === null ? 'no origin parameter' : `origin ${JSON.stringify(origin)}`
  return new LakeError(
    400,
    'invalidOrigin',
    `Sign-in was asked to return to ${shown}, which is not an allowed origin (${[...allowed].join(', ')}). Open the Studio from the URL the lake prints, or add its origin to LAKE_CORS_ORIGINS.`,
    {},
    'status',
  )
}

/** The lake's own base URL as the browser reached it, for the provider link. */
function requestOrigin(request: RouteRequest): string {
  const socket = request.req.socket as { encrypted?: boolean } | undefined
  const scheme = socket?.encrypted ? 'https' : 'http'
  const host =
    request.req.headers.host ??
    (request.req.headers as Record<string, string | undefined>)[':authority'] ??
    new URL(request.lake.url).host
  return `${scheme}://${host}`
}

export function authRoutes(signIn: EditorSignIn): Route[] {
  return [
    {
      method: 'GET',
      path: '/auth/login',
      handle: ({ search }) => {
        const origin = search.get('origin')
        const returnUrl = signInReturnUrl(origin, signIn.allowedOrigins)
        if (!returnUrl) throw originNotAllowed(origin, signIn.allowedOrigins)
        return { status: 200, headers: LOGIN_PAGE_HEADERS, raw: renderLoginPage({ origin: returnUrl.toString() }) }
      },
    },
    {
      method: 'POST',
      path: '/auth/login',
      handle: async ({ req }) => {
        const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'))
        const origin = form.get('origin')
        const returnUrl = signInReturnUrl(origin, signIn.allowedOrigins)
        if (!returnUrl) throw originNotAllowed(origin, signIn.allowedOrigins)
        const email = form.get('email') ?? ''
        const wait = signIn.attempts.retryAfterSeconds()
        if (wait > 0) {
          const page = renderLoginPage({
            origin: returnUrl.toString(),
            email,
            error: `Too many failed sign-ins in the last minute. Try again in ${wait} s.`,
          })
          return { status: 429, headers: { ...LOGIN_PAGE_HEADERS, 'retry-after': String(wait) }, raw: page }
        }
        const session = signIn.signIn(email, form.get('password') ?? '')
        if (!session) {
          const page = renderLoginPage({
            origin: returnUrl.toString(),
            email,
            error: 'That email and password do not match the editor credential of this lake. Nothing was signed in.',
          })
          return { status: 401, headers: LOGIN_PAGE_HEADERS, raw: page }
        }
        // 303 turns the form POST into a GET of the Studio, which then exchanges the id for a token.
        return {
          status: 303,
          headers: { location: withSessionId(returnUrl, session.sid), 'cache-control': 'no-store' },
          raw: '',
        }
      },
    },
    {
      method: 'GET',
      path: '/auth/fetch',
      handle: ({ search }) => {
        const sid = search.get('sid')
        const token = sid ? signIn.sessions.claim(sid) : null
        if (!token) throw unauthorized('Session id is unknown, already used or expired: sign in again')
        return { headers: { 'cache-control': 'no-store' }, body: { token } }
      },
    },
    {
      // For automation: a write-token holder mints an editor session token long enough for the
      // Studio's `#token=` sign-in (it ignores tokens under 32 characters, like the default write token).
      method: 'POST',
      path: '/auth/session',
      handle: ({ access }) => {
        if (access.role === 'anonymous')
          throw unauthorized('Send the write token as a Bearer token to start an editor session')
        if (!access.write) throw forbidden('Only the write token may start an editor session')
        const token = signIn.sessions.mint(EDITOR_ID)
        return { status: 201, headers: { 'cache-control': 'no-store' }, body: { token } }
      },
    },
    {
      method: 'POST',
      path: '/auth/logout',
      handle: ({ req }) => {
        const token = bearerToken(req)
        if (token) signIn.sessions.revoke(token)
        return { body: { ok: true } }
      },
    },
    {
      method: 'GET',
      path: '/auth/id',
      handle: ({ access }) => {
        const user = userForAccess(access, signIn.credential.email)
        if (!user) throw unauthorized('Not signed in')
        return { body: { id: user.id } }
      },
    },
    {
      method: 'GET',
      path: '/auth/providers',
      handle: (request) => ({
        body: {
          thirdPartyLogin: false,
          sso: {},
          providers: [
            { name: 'parley-lake', title: 'Parley editor sign-in', url: `${requestOrigin(request)}/auth/login` },
          ],
        },
      }),
    },
    {
      method: 'GET',
      path: '/users/me',
      handle: ({ access }) => {
        const user = userForAccess(access, signIn.credential.email)
        if (!user)
          throw unauthorized('Not signed in: sign in at /auth/login, or send the write token as a Bearer token')
        return { body: user }
      },
    },
  ]
}
