// Turns draft mode off and returns the editor to the page they were on (same site only).
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { sameSiteRedirectTarget } from '../../../../lib/draft-mode/enable.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  redirect(sameSiteRedirectTarget(new URL(request.url).searchParams.get('redirect')))
}
