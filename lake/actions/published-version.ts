// What a draft or release version becomes when it is published (by the publish action or with its release).
import { strengthenOnPublish } from '../mutations/reference-integrity.ts'
import type { SanityDocument } from '../store/store.ts'

/** Its content under the published id, references strengthened, created when the published document first was. */
export function publishedVersion(
  version: SanityDocument,
  publishedId: string,
  published: SanityDocument | null,
): SanityDocument {
  const { _system, _createdAt, ...content } = strengthenOnPublish(version)
  return { ...content, _id: publishedId, _createdAt: published?._createdAt ?? _createdAt } as SanityDocument
}
