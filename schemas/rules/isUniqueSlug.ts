// Slug uniqueness among documents of the same type, checked against drafts and published documents alike.
import { DocumentId, getDraftId, getPublishedId } from '@sanity/id-utils'
import type { SlugIsUniqueValidator } from 'sanity'

const apiVersion = '2025-02-19'

// Sanity's default check also matches release versions through `sanity::versionOf`; we ask a
// narrower question any Content Lake answers: does another document of this type use the slug?
export const isUniqueSlug: SlugIsUniqueValidator = async (slug, context) => {
  const { document, getClient } = context
  if (!document) return true
  const publishedId = getPublishedId(DocumentId(document._id))
  const client = getClient({ apiVersion })
  const takenBy = await client.fetch<string | null>(
    // Not this document in any of its forms: published, draft, or a version in any release.
    '*[_type == $type && slug.current == $slug && !(_id in [$publishedId, $draftId]) && !(_id in path($versions))][0]._id',
    {
      type: document._type,
      slug,
      publishedId,
      draftId: getDraftId(publishedId),
      versions: `versions.*.${publishedId}`,
    },
    { perspective: 'raw', tag: 'parley.slug-unique' },
  )
  return !takenBy
}
