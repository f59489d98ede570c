// The Presentation tool: the reader site beside the form, in draft mode through a preview secret, with every document
// opening on the pages that show it (an interview on its page; a speaker, topic or series on its page and on each
// interview it appears in).
import { map } from 'rxjs'
import { defineDocuments, presentationTool, type DocumentLocationResolver } from 'sanity/presentation'
import { siteUrl } from './environment.ts'

/** Pages of the site that show one document, by its slug. */
const pages = { interview: '/interviews', person: '/speakers', topic: '/topics', series: '/series' } as const

type Located = {
  label?: string
  slug?: string
  interviews?: { title?: string; slug?: string }[]
}

/**
 * A document's own page and the interviews that reference it (for an interview: none, it is its own page). Drafts
 * win over the published version, so a renamed draft lists its new title; listed interviews are published ones.
 */
const locations: DocumentLocationResolver = ({ id, type }, { documentStore }) => {
  const base = pages[type as keyof typeof pages]
  if (!base) return null
  return documentStore
    .listenQuery(
      `*[_id in [$id, "drafts." + $id]] | order(_id desc)[0]{
        "label": coalesce(title, name),
        "slug": slug.current,
        "interviews": *[_type == "interview" && defined(slug.current) && _id != $id && references($id)
          && !(_id in path("drafts.**"))] | order(publishedAt desc){title, "slug": slug.current}
      }`,
      { id },
      { perspective: 'raw' },
    )
    .pipe(
      map((found: Located | null) => {
        if (!found?.slug) return { message: 'Give it a slug to see it on the site.' }
        return {
          locations: [
            { title: found.label || found.slug, href: `${base}/${found.slug}` },
            ...(found.interviews ?? []).flatMap((interview) =>
              interview.slug
                ? [{ title: interview.title || interview.slug, href: `/interviews/${interview.slug}` }]
                : [],
            ),
          ],
        }
      }),
    )
}

export const presentation = () =>
  presentationTool({
    previewUrl: { initial: siteUrl, previewMode: { enable: '/api/draft-mode/enable' } },
    resolve: {
      // Which document a page is about, for the document pane beside it.
      mainDocuments: defineDocuments(
        Object.entries(pages).map(([type, base]) => ({
          route: `${base}/:slug`,
          filter: `_type == "${type}" && slug.current == $slug`,
        })),
      ),
      locations,
    },
  })
