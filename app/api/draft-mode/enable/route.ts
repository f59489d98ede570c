// Turns on draft mode for an editor (checked token or preview secret) and sends them back to a page on this site.
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { checkEditorAccess } from '../../../../lib/draft-mode/editor-access.ts'
import { sameSiteRedirectTarget } from '../../../../lib/draft-mode/redirect-target.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams
  const access = await checkEditorAccess({ secret: params.get('secret'), token: params.get('token') })
  if (!access.allowed) {
    return Response.json({ error: { type: 'unauthorized', description: access.reason } }, { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(sameSiteRedirectTarget(params.get('redirect')))
}
