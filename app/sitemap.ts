// /sitemap.xml: the home page, every published interview, speaker, topic and series.
import { stegaClean } from '@sanity/client/stega'
import type { MetadataRoute } from 'next'
import { listAllInterviews, listDirectorySlugs, listInterviews } from '../lib/content/index.ts'
import { siteUrl } from '../lib/site-url.ts'

export const revalidate = 3600

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteUrl()
  const [interviews, directory, firstPage] = stegaClean(
    await Promise.all([listAllInterviews(), listDirectorySlugs(), listInterviews(1)]),
  )
  const lastModified = (iso: string | undefined) => (iso ? { lastModified: iso } : {})
  return [
    { url: `${origin}/`, ...lastModified(interviews[0]?._updatedAt) },
    ...['/interviews', '/speakers', '/topics', '/series'].map((path) => ({ url: `${origin}${path}` })),
    ...Array.from({ length: firstPage.pageCount - 1 }, (_, index) => ({ url: `${origin}/page/${index + 2}` })),
    ...interviews.map((interview) => ({
      url: `${origin}/interviews/${interview.slug}`,
      ...lastModified(interview._updatedAt),
    })),
    ...directory.speakers.map((entry) => ({
      url: `${origin}/speakers/${entry.slug}`,
      ...lastModified(entry._updatedAt),
    })),
    ...directory.topics.map((entry) => ({ url: `${origin}/topics/${entry.slug}`, ...lastModified(entry._updatedAt) })),
    ...directory.series.map((entry) => ({ url: `${origin}/series/${entry.slug}`, ...lastModified(entry._updatedAt) })),
  ]
}
