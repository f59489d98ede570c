// The GROQ webhook that tells the site an interview went live: it fires when a published interview document is created
// (a first publish by an editor, the scheduler or a release), never for drafts or edits. `npm start` gives it to the
// lake; on hosted Sanity, create one with the same filter, projection and trigger ("Create" only), drafts off.
import type { RevalidationWebhook } from '../revalidation/webhook.ts'

export const newsletterFilter = /* groq */ `_type == "interview"`
export const newsletterProjection = /* groq */ `{_id, _type}`
export const newsletterWebhookPath = '/api/newsletter/published'

/** The webhook definition for a site at `siteUrl`, signed with `secret` (SANITY_REVALIDATE_SECRET). */
export function newsletterWebhook(siteUrl: string, secret: string): RevalidationWebhook {
  return {
    name: 'parley-newsletter',
    url: new URL(newsletterWebhookPath, siteUrl).toString(),
    secret,
    filter: newsletterFilter,
    projection: newsletterProjection,
    on: ['create'],
    includeDrafts: false,
  }
}
