// Turns the 5xx a render fails with while the content API is down into the "temporarily unavailable" 503 page.
import type { ServerResponse } from 'node:http'
import { contentApiIsDown } from './content-api-health.ts'
import { unavailableHeaders, unavailablePage } from './unavailable-page.ts'

type Callback = (error?: Error | null) => void

/**
 * Next.js answers every render error with 500 and has no way for a page to choose another status, so the decision is
 * taken where the status is written: a 5xx answer while the content API is failing becomes the 503 page, with
 * `Retry-After` and `no-store`. Next caches nothing from a failed render, so the address renders normally once the
 * content API is back; cached pages never fail and are served as before.
 */
export function answerOutagesWith503(res: ServerResponse): void {
  const writeHead = res.writeHead
  const write = res.write
  const end = res.end
  let replaced = false

  const replaceIfOutage = (statusCode: number) => {
    if (replaced || res.headersSent || statusCode < 500 || !contentApiIsDown()) return
    replaced = true
    for (const name of res.getHeaderNames()) res.removeHeader(name)
    writeHead.call(res, 503, { ...unavailableHeaders, 'content-length': String(Buffer.byteLength(unavailablePage)) })
  }

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    replaceIfOutage(statusCode)
    if (replaced) return res
    return (writeHead as (...args: unknown[]) => ServerResponse).call(res, statusCode, ...rest)
  } as ServerResponse['writeHead']

  res.write = function (this: ServerResponse, ...args: unknown[]) {
    replaceIfOutage(res.statusCode)
    if (!replaced) return (write as (...args: unknown[]) => boolean).apply(res, args)
    // The failed render's own error page is dropped; its writer is told the chunk went out.
    const callback = args.find((arg): arg is Callback => typeof arg === 'function')
    if (callback) process.nextTick(callback)
    return true
  } as ServerResponse['write']

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    replaceIfOutage(res.statusCode)
    if (!replaced) return (end as (...args: unknown[]) => ServerResponse).apply(res, args)
    const callback = args.find((arg): arg is Callback => typeof arg === 'function')
    return (end as (...args: unknown[]) => ServerResponse).call(res, unavailablePage, ...(callback ? [callback] : []))
  } as ServerResponse['end']
}
