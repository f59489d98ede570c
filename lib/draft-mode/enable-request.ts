// Answers a draft-mode enable request: 401 (or 503 while the content API is down) in the API's error shape, or draft mode on and a redirect within the site.
import { checkPreviewAccess, type PreviewAccessOptions } from './preview-access.ts'
import { isContentApiUnavailable, retryAfterSeconds } from '../outage/content-api-unavailable.ts'

export type EnableRequestOptions = PreviewAccessOptions & {
  /** Sets the draft-mode cookie (Next's `draftMode().enable()`); called only once access is granted. */
  enableDraftMode: () => Promise<void>
}

export async function handleDraftModeEnable(request: Request, options: EnableRequestOptions): Promise<Response> {
  let access: Awaited<ReturnType<typeof checkPreviewAccess>>
  try {
    access = await checkPreviewAccess(request.url, options)
  } catch (error) {
    // Only the content API can vouch for a preview secret; while it is down the answer is "later", not "no".
    if (!isContentApiUnavailable(error)) throw error
    return Response.json(
      {
        error: {
          type: 'unavailable',
          description: 'The content API is not answering, so the preview link cannot be checked: try again shortly.',
        },
      },
      { status: 503, headers: { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' } },
    )
  }
  if (!access.allowed) {
    return Response.json(
      { error: { type: 'unauthorized', description: access.reason } },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    )
  }
  await options.enableDraftMode()
  return new Response(null, { status: 307, headers: { location: access.redirectTo, 'cache-control': 'no-store' } })
}
