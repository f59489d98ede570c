// The content API's Live events with drafts, passed on to an editor's page as Server-Sent Events: `change` for each
// transaction (its sync tags as data), and `restart` when the page should re-render because events may have been
// missed. The client is the server's; the token stays here.
import type { LiveEvent, SanityClient } from '@sanity/client'

/** How often a quiet stream sends a comment line, so proxies keep it open. */
const keepAliveMs = 20_000

export function draftChangesStream(client: SanityClient, signal: AbortSignal): Response {
  const encoder = new TextEncoder()
  let stop = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          stop()
        }
      }
      // The response starts with the stream (Next sends the headers with the first chunk), and tells the browser to
      // come back a second after a dropped connection.
      send('retry: 1000\n: connected\n\n')
      const subscription = client.live.events({ includeDrafts: true, tag: 'parley.draft-changes' }).subscribe({
        next(event: LiveEvent) {
          if (event.type === 'message') send(`event: change\ndata: ${JSON.stringify(event.tags)}\n\n`)
          else if (event.type === 'restart' || event.type === 'reconnect') send(`event: restart\ndata: {}\n\n`)
        },
        // The browser's EventSource reconnects on its own once the stream ends.
        error: () => stop(),
      })
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs)
      stop = () => {
        clearInterval(keepAlive)
        subscription.unsubscribe()
        try {
          controller.close()
        } catch {
          // already closed
        }
      }
      signal.addEventListener('abort', () => stop(), { once: true })
    },
    cancel: () => stop(),
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}
