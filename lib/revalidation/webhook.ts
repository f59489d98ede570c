// The GROQ webhook the site needs: which documents trigger it and the projection that names every page they appear on.
// `npm start` passes it to the lake; on hosted Sanity, create a webhook with the same filter and projection.

/**
 * The projection gives slugs before and after the change (a renamed slug must refresh both pages) and the speaker's,
 * topics' and series' slugs on both sides (an interview that moves leaves one list and joins another). The interviews
 * that show a changed person, topic or series are looked up by the route (a webhook projection sees one document).
 */
export const revalidationProjection = /* groq */ `{
  _id,
  _type,
  "slug": slug.current,
  "previousSlug": before().slug.current,
  "people": [speaker->slug.current, interviewer->slug.current],
  "previousPeople": [before().speaker->slug.current, before().interviewer->slug.current],
  "topics": topics[]->slug.current,
  "previousTopics": before().topics[]->slug.current,
  "series": series->slug.current,
  "previousSeries": before().series->slug.current
}`

export const revalidationFilter = /* groq */ `_type in ["interview", "person", "topic", "series", "siteSettings"]`

export type RevalidationWebhook = {
  name: string
  url: string
  secret: string
  filter: string
  projection: string
  on: ('create' | 'update' | 'delete')[]
  includeDrafts: false
}

/** The webhook definition for a site at `siteUrl`, signed with `secret` (SANITY_REVALIDATE_SECRET). */
export function revalidationWebhook(siteUrl: string, secret: string): RevalidationWebhook {
  return {
    name: 'parley-site-revalidate',
    url: new URL('/api/revalidate', siteUrl).toString(),
    secret,
    filter: revalidationFilter,
    projection: revalidationProjection,
    on: ['create', 'update', 'delete'],
    includeDrafts: false,
  }
}
