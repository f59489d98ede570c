// Turns on draft mode for an editor (a Studio preview secret, or the automation secret) and sends them to a page on this site.
import { draftMode } from 'next/headers'
import { handleDraftModeEnable } from '../../../../lib/draft-mode/enable-request.ts'
import { draftClient } from '../../../../lib/sanity/client.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return handleDraftModeEnable(request, {
    secretReader: draftClient(),
    automationSecret: process.env.SANITY_PREVIEW_SECRET,
    enableDraftMode: async () => (await draftMode()).enable(),
  })
}
