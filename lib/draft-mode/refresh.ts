'use server'
// Re-renders the page an editor in draft mode is looking at. A Server Action, not `router.refresh()`: that fetches the
// page's RSC payload with a GET, which `next start` answers from the ISR cache (the published page) even with the
// draft-mode cookie, and Next's router then reloads the whole page; an action's POST is always rendered afresh, and
// `refresh()` sends the page's new tree back with the answer.
import { refresh } from 'next/cache'
import { draftMode } from 'next/headers'

export async function refreshDraftPage(): Promise<void> {
  if ((await draftMode()).isEnabled) refresh()
}
