// The page a reader gets while the content API is down and the page they asked for was never cached: a 503, not a 500.

/** Seconds a client (or a crawler) should wait before asking again. */
export const retryAfterSeconds = 30

export const unavailableHeaders: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  // Never kept by a browser, a CDN or Next: the same address must render normally once the content is back.
  'cache-control': 'no-store',
  'retry-after': String(retryAfterSeconds),
}

/** Self-contained (no fonts, scripts or site settings): everything the site normally draws on may be down too. */
export const unavailablePage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Parley</title>
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
<h1>Temporarily unavailable</h1>
<p>This page can’t be loaded right now because our content service isn’t answering. Please try again shortly.</p>
<p><a href="">Try again</a> · <a href="/">Go to the home page</a></p>
</main>
</body>
</html>
`
