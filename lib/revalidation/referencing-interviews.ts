// Finds the published interviews that show a document (a speaker, topic or series) by asking the content API directly.
import type { SanityClient } from '@sanity/client'

const referencingInterviewsQuery = /* groq */ `*[_type == "interview" && defined(slug.current) && references($id)].slug.current`

/** Asks the API, never a CDN or Next's data cache: the answer must reflect the publish that triggered the webhook. */
export function referencingInterviewsFrom(client: SanityClient): (documentId: string) => Promise<string[]> {
  const fresh = client.withConfig({ useCdn: false, perspective: 'published' })
  return async (documentId) => {
    const slugs = await fresh.fetch<unknown>(
      referencingInterviewsQuery,
      { id: documentId },
      { cache: 'no-store', tag: 'parley.revalidate' },
    )
    return Array.isArray(slugs) ? slugs.filter((slug): slug is string => typeof slug === 'string') : []
  }
}
