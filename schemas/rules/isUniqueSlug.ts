// Slug uniqueness among documents of the same type, checked against drafts and published documents alike.
import type { SlugIsUniqueValidator } from 'sanity'
import { notThisDocument } from './notThisDocument.ts'

const apiVersion = '2025-02-19'

// Sanity's default check also matches release versions through `sanity::versionOf`; we ask a
// narrower question any Content Lake answers: does another document of this type use the slug?
export const isUniqueSlug: SlugIsUniqueValidator = async (slug, context) => {
  const { document, getClient } = context
  if (!document) return true
  const others = notThisDocument(document._id)
  const takenBy = await getClient({ apiVersion }).fetch<string | null>(
    `*[_type == $type && slug.current == $slug && ${others.filter}][0]._id`,
    { type: document._type, slug, ...others.params },
    { perspective: 'raw', tag: 'parley.slug-unique' },
  )
  return !takenBy
}
