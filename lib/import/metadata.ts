// Reads an article's title, subtitle, publication date and canonical URL from its markup and front matter.
import type { FrontMatter } from './markdown.ts'
import { readSeenDate } from './publication-date.ts'
import { bylineName } from './speaker.ts'

export type ArticleMetadata = {
  title?: string
  /** A subtitle the author wrote as such (Medium's subtitle, front matter); preferred as the standfirst. */
  subtitle?: string
  /** A description for search engines: the standfirst only when the article has no introduction. */
  description?: string
  publishedAt?: string
  /** How a date the article gave incompletely ("3 days ago", "Jun 2") was completed, for the editor to check. */
  dateNote?: string
  canonicalUrl?: string
  /** Where the article appeared: a Medium publication, a blog's name. */
  publication?: string
  /** Who wrote the post: in an interview, the interviewer. */
  author?: string
}

/** `seenAt` is when the article was saved: the moment its relative or year-less dates were written for. */
export function readMetadata(document: Document, frontMatter: FrontMatter = {}, seenAt = new Date()): ArticleMetadata {
  const text = (selector: string) => cleanText(document.querySelector(selector)?.textContent)
  const attribute = (selector: string, name: string) => cleanText(document.querySelector(selector)?.getAttribute(name))
  const fromFront = (...keys: string[]) => {
    for (const key of keys) {
      const value = frontMatter[key]
      if (value instanceof Date) return value.toISOString()
      if (typeof value === 'string' && value.trim() !== '') return value.trim()
    }
    return undefined
  }

  const title =
    fromFront('title') ??
    text('article h1.p-name') ??
    attribute('meta[property="og:title"]', 'content') ??
    text('h1') ??
    text('title')
  const subtitle =
    fromFront('subtitle', 'standfirst', 'summary', 'excerpt') ??
    text('section[data-field="subtitle"]') ??
    text('.graf--subtitle') ??
    text('.subtitle, .standfirst, .dek, .p-summary')
  const description =
    fromFront('description') ??
    attribute('meta[name="description"]', 'content') ??
    attribute('meta[property="og:description"]', 'content')
  const dateText =
    fromFront('date', 'published', 'publishedAt', 'published_at', 'pubDate') ??
    attribute('time.dt-published', 'datetime') ??
    attribute('meta[property="article:published_time"]', 'content') ??
    attribute('meta[name="date"]', 'content') ??
    attribute('time[datetime]', 'datetime')
  const canonicalUrl =
    absoluteUrl(fromFront('canonical_url', 'canonicalUrl', 'canonical', 'original_url', 'url')) ??
    absoluteUrl(attribute('link[rel="canonical"]', 'href')) ??
    originallyPublishedLink(document) ??
    absoluteUrl(attribute('a.p-canonical', 'href')) ??
    absoluteUrl(attribute('meta[property="og:url"]', 'content'))

  const author =
    fromFront('interviewer', 'author') ??
    bylineName(text('.p-author'), { bare: true }) ??
    bylineName(text('a[rel="author"]'), { bare: true }) ??
    bylineName(attribute('meta[name="author"]', 'content'), { bare: true }) ??
    bylineName(text('.byline, .author-name, [itemprop="author"]'), { bare: true })

  const date = dateText ? readSeenDate(dateText, seenAt) : undefined

  return {
    title,
    subtitle,
    description,
    author,
    publishedAt: date?.publishedAt,
    dateNote: date?.note,
    canonicalUrl,
    publication: fromFront('publication'),
  }
}

/** "Originally published at <a href=…>" names where the interview first appeared: the best canonical URL a post body has. */
function originallyPublishedLink(document: Document): string | undefined {
  for (const block of document.querySelectorAll('p, em, i, div, footer')) {
    const text = cleanText(block.textContent) ?? ''
    if (!/\b(originally|first) (published|posted|appeared)\b/i.test(text)) continue
    const href = absoluteUrl(block.querySelector('a[href]')?.getAttribute('href') ?? undefined)
    if (href) return href
    const url = urlInText(text)
    if (url) return url
  }
  return undefined
}

export function urlInText(text: string): string | undefined {
  const match = /https?:\/\/[^\s<>"')\]]+/.exec(text)
  return match ? absoluteUrl(match[0].replace(/[.,;:]+$/, '')) : undefined
}

function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

export function cleanText(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : undefined
}
