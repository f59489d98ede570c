// Answers a draft-mode enable request: 401 in the API's error shape, or draft mode on and a redirect within the site.
import { checkPreviewAccess, type PreviewAccessOptions } from './preview-access.ts'

export type EnableRequestOptions = PreviewAccessOptions & {
  /** Sets the draft-mode cookie (Next's `draftMode().enable()`); called only once access is granted. */
  enableDraftMode: () => Promise<void>
}

export async function handleDraftModeEnable(request: Request, options: EnableRequestOptions): Promise<Response> {
  const access = await checkPreviewAccess(request.url, options)
  if (!access.allowed) {
    return Response.json({ error: { type: 'unauthorized', description: access.reason } }, { status: 401, headers: { 'cache-control': 'no-store' } })
  }
  await options.enableDraftMode()
  return new Response(null, { status: 307, headers: { location: access.redirectTo, 'cache-control': 'no-store' } })
}
