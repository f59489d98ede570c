// For validation queries that compare a document with the others: a filter that leaves out every form of it.
import { DocumentId, getDraftId, getPublishedId } from '@sanity/id-utils'

/** Published, draft, and its version in any release (an empty id leaves out nothing). */
export function notThisDocument(documentId: string | undefined) {
  const id = documentId ? getPublishedId(DocumentId(documentId)) : ''
  return {
    filter: '!(_id in [$publishedId, $draftId]) && !(_id in path($versions))',
    params: { publishedId: id, draftId: id ? getDraftId(id) : '', versions: `versions.*.${id}` },
  }
}
