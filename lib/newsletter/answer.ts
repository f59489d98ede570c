// How the newsletter's routes answer: a small HTML page for a person at a browser (the forms work without JavaScript),
// or JSON in the API's error shape for a program that asks for it.
import escapeHtml from 'escape-html'

export type Answer = {
  status: number
  title: string
  message: string
  /** For errors: a stable name a program can act on. */
  type?: string
  headers?: Record<string, string>
  /** An extra block of HTML (already safe), e.g. a form. */
  html?: string
}

function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

export function answer(request: Request, reply: Answer): Response {
  const headers = { 'cache-control': 'no-store', ...reply.headers }
  if (wantsJson(request)) {
    const body =
      reply.status >= 400
        ? { error: { type: reply.type ?? 'error', description: reply.message } }
        : { ok: true, title: reply.title, message: reply.message }
    return Response.json(body, { status: reply.status, headers })
  }
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(reply.title)}</title>
<style>body{margin:0;font:18px/1.55 Georgia,serif;background:#fbfaf7;color:#1d1c1a}main{max-width:36rem;margin:12vh auto;padding:0 1.25rem}
h1{font-size:1.9rem;line-height:1.2}a,button{color:inherit}button{font:inherit;padding:.45rem 1rem;cursor:pointer}
@media (prefers-color-scheme:dark){body{background:#151412;color:#f1efe9}}</style></head>
<body><main><h1>${escapeHtml(reply.title)}</h1><p>${escapeHtml(reply.message)}</p>${reply.html ?? ''}<p><a href="/">Back to the interviews</a></p></main></body></html>`
  return new Response(page, {
    status: reply.status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  })
}
