// Sign-in against the lake: its own login page as the single provider, plus `#token=` links for automation.
import type { AuthConfig } from 'sanity'

/**
 * The lake's login page (`/auth/login`) takes `?origin=<studio URL>&projectId=…&withSid=true`, checks
 * the editor's credential, and redirects back to `origin#sid=<session id>`; the Studio then
 * exchanges the id at `/auth/fetch?sid=` for a token. `loginMethod: 'token'` keeps the token in
 * localStorage (no third-party cookies), and the Studio always accepts a `#token=<token>` hash.
 */
export function lakeAuth(apiHost: string): AuthConfig {
  return {
    loginMethod: 'token',
    redirectOnSingle: true,
    providers: [
      { name: 'parley-lake', title: 'Sign in with your Parley editor account', url: `${apiHost}/auth/login` },
    ],
  }
}
