// Reads an article's title, subtitle, publication date and canonical URL from its markup and front matter.
import type { FrontMatter } from './markdown.ts'
import { bylineName } from './speaker.ts'

export type ArticleMetadata = {
  title?: string
  /** A subtitle the author wrote as such (Medium's subtitle, front matter); preferred as the standfirst. */
  subtitle?: string
  /** A description for search engines: the standfirst only when the article has no introduction. */
  description?: string
  publishedAt?: string
  canonicalUrl?: string
  /** Who wrote the post: in an interview, the interviewer. */
  author?: string
}

export function readMetadata(document: Document, frontMatter: FrontMatter = {}): ArticleMetadata {
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

  return {
    title,
    subtitle,
    description,
    author,
    publishedAt: dateText ? parsePublicationDate(dateText) : undefined,
    canonicalUrl,
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_DAY_YEAR =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i
const DAY_MONTH_YEAR =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/i

/**
 * An ISO timestamp from a machine date (ISO 8601) or an English written date ("March 3, 2024", "3 Mar 2024").
 * Written dates carry no time or zone, so they mean midnight UTC: the same instant wherever the import runs.
 */
export function parsePublicationDate(text: string): string | undefined {
  const trimmed = text.trim()
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed)
    return Number.isNaN(time) ? undefined : new Date(time).toISOString()
  }
  const mdy = MONTH_DAY_YEAR.exec(trimmed)
  if (mdy) return utcDate(Number(mdy[3]), mdy[1]!, Number(mdy[2]))
  const dmy = DAY_MONTH_YEAR.exec(trimmed)
  if (dmy) return utcDate(Number(dmy[3]), dmy[2]!, Number(dmy[1]))
  return undefined
}

function utcDate(year: number, monthName: string, day: number): string | undefined {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase())
  if (month < 0 || day < 1 || day > 31) return undefined
  const date = new Date(Date.UTC(year, month, day))
  return date.getUTCDate() === day ? date.toISOString() : undefined
}

export function cleanText(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : undefined
}
