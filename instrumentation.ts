// Next.js runs this once per server process at start: it hooks the requests `next start` answers, so that an address
// with a broken escape is a 400, renders that fail for want of content answer 503, responses are compressed, and cached
// pages go out without being encoded or compressed again.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installResponseHooks } = await import('./lib/http/response-hooks.ts')
  const { rejectMalformedAddresses } = await import('./lib/http/reject-malformed-addresses.ts')
  const { compressResponses } = await import('./lib/http/compress-responses.ts')
  const { answerOutagesWith503 } = await import('./lib/outage/answer-outages-with-503.ts')
  const { encodePagesOnce, measurePagesOnce } = await import('./lib/http/encode-pages-once.ts')
  measurePagesOnce()
  // In this order: each hook wraps the response methods the one before it wrapped, so a cached page's kept bytes pass
  // the outage guard and then the compression middleware, already compressed.
  installResponseHooks(rejectMalformedAddresses, compressResponses, answerOutagesWith503, encodePagesOnce)
}
