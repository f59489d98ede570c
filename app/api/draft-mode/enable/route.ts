// Turns on draft mode for an editor (a Studio preview secret, from the Presentation tool or "Open preview", or the
// automation secret) and sends them to a page on this site.
import { cookies, draftMode } from 'next/headers'
import { draftModeCookie, draftModeCookieAttributes, handleDraftModeEnable } from '../../../../lib/draft-mode/enable.ts'
import { draftClient } from '../../../../lib/sanity/client.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return handleDraftModeEnable(request, {
    secretReader: draftClient(),
    automationSecret: process.env.SANITY_PREVIEW_SECRET,
    enableDraftMode: async () => {
      ;(await draftMode()).enable()
      // Re-issued so that it is also sent inside the Studio's frame (see draftModeCookieAttributes).
      const store = await cookies()
      store.set({
        name: draftModeCookie,
        value: store.get(draftModeCookie)?.value ?? '',
        ...draftModeCookieAttributes(request),
      })
    },
  })
}
