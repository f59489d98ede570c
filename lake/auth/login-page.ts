// Renders the lake's own sign-in page (the Studio's login provider): an email and password form, with the error of a refused attempt.
import escapeHtml from 'escape-html'

/** Headers for every sign-in page: never cached, never framed, no script at all. */
export const LOGIN_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
}

export function renderLoginPage(options: { origin: string; email?: string; error?: string }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to Parley Studio</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; background: #f4f4f2; color: #1d1d1b; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #fff; padding: 2rem 2.25rem; border-radius: 10px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); width: min(22rem, 90vw); }
  h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
  p.hint { color: #5c5c58; font-size: 0.875rem; margin: 0 0 1.25rem; }
  label { display: block; font-weight: 600; font-size: 0.875rem; margin-top: 0.9rem; }
  input { width: 100%; box-sizing: border-box; padding: 0.55rem 0.65rem; font: inherit; border: 1px solid #b9b9b4; border-radius: 6px; margin-top: 0.25rem; }
  button { margin-top: 1.4rem; width: 100%; padding: 0.6rem; font: inherit; font-weight: 600; color: #fff; background: #2f5be0; border: 0; border-radius: 6px; cursor: pointer; }
  .error { background: #fdecec; color: #8a1c1c; padding: 0.6rem 0.75rem; border-radius: 6px; font-size: 0.875rem; }
</style>
</head>
<body>
<main>
  <h1>Sign in to Parley Studio</h1>
  <p class="hint">Local Content Lake: use the editor credential from <code>LAKE_EDITOR_EMAIL</code> / <code>LAKE_EDITOR_PASSWORD</code>.</p>
  ${error}
  <form method="post" action="/auth/login">
    <input type="hidden" name="origin" value="${escapeHtml(options.origin)}">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</main>
</body>
</html>
`
}
