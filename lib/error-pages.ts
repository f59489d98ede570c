// The self-contained pages for answers the site gives where Next.js cannot render one (a 503 in an outage, a 400 for an
// address that cannot be read): no fonts, scripts, site settings or content, since any of them may be what failed.

export const standalonePageHeaders: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  // Never kept by a browser, a CDN or Next: the same address must get its real answer once the cause is gone.
  'cache-control': 'no-store',
}

/** `title` is plain text; `body` is the HTML under the heading (written by us, never from the request). */
export function standalonePage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Parley</title>
<style>
:root{color-scheme:light dark;--ink:#1b1b1f;--paper:#fbfaf7;--muted:#55555c;--link:#1f4fd1}
@media (prefers-color-scheme:dark){:root{--ink:#ecebe8;--paper:#141417;--muted:#b3b2ad;--link:#9db8ff}}
body{margin:0;background:var(--paper);color:var(--ink);font:1.0625rem/1.6 system-ui,sans-serif}
main{max-width:36rem;margin:0 auto;padding:4rem 1.25rem}
h1{font:600 2rem/1.2 Georgia,serif;margin:0 0 1rem}
p{color:var(--muted)}
a{color:var(--link)}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`
}

// An address whose path cannot be read: a broken percent-escape, or an escaped control character.
export const malformedAddressPage = standalonePage(
  'This address can’t be read',
  `<p>Part of the address you followed is garbled: a “%” in it isn’t followed by a valid encoded character, or stands
for a control character. It may have been cut short or mangled when it was copied or shared.</p>
<p><a href="/interviews">Browse all interviews</a> · <a href="/search">Search</a> · <a href="/">Go to the home page</a></p>`,
)

/**
 * Whether the path part of a URL (`/interviews/%E0%A4%A`, not its query, which pages read as it is) fails to decode, or
 * decodes to a control character, which no address of the site has. Next.js answers the first with a bare 500 and
 * looks the second up (then fails to write a cache file named with it).
 */
export function isMalformedPath(path: string): boolean {
  if (!path.includes('%')) return false
  try {
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(path))
  } catch {
    return true
  }
}
