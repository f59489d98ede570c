// Turns draft mode off and returns the editor to the page they were on (same site only).
import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import {
  draftModeCookie,
  draftModeCookieAttributes,
  sameSiteRedirectTarget,
} from '../../../../lib/draft-mode/enable.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  // Expires the cookie with the attributes it was set with (partitioned inside the Studio's frame).
  ;(await cookies()).set({
    name: draftModeCookie,
    value: '',
    expires: new Date(0),
    ...draftModeCookieAttributes(request),
  })
  redirect(sameSiteRedirectTarget(new URL(request.url).searchParams.get('redirect')))
}
