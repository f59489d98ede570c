// GET /api/draft-mode/changes: for an editor in draft mode only, a Server-Sent Events stream with one `change` event
// per transaction that touches drafts or published documents (the content API's Live events with drafts, read here
// with the server's read token, which never reaches the browser). The editing tools re-render the page on each one,
// so an edit shows as soon as the Studio has saved it, whatever opened the page.
import { draftMode } from 'next/headers'
import { draftChangesStream } from '../../../../lib/draft-mode/changes.ts'
import { draftClient } from '../../../../lib/sanity/client.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  if (!(await draftMode()).isEnabled)
    return Response.json(
      { error: { type: 'draftModeRequired', description: 'Draft changes are for editors in draft mode only' } },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    )
  return draftChangesStream(draftClient(), request.signal)
}
