// Builds the RSS, Atom and JSON feeds of the newest interviews with the `feed` package; each item carries the whole
// interview, its answers rendered from Portable Text by @portabletext/to-html as the page renders them.
import { toHTML, type PortableTextComponents } from '@portabletext/to-html'
import escapeHtml from 'escape-html'
import { Feed } from 'feed'
import { imageSchema, type FeedInterview, type SiteSettings } from '../content/schemas.ts'
import { safeHref } from '../content/safe-href.ts'
import { responsiveImage } from '../sanity/image.ts'

/** Feed readers show items away from the site: every link and image address is absolute. */
const absolute = (href: string, origin: string) => new URL(href, `${origin}/`).href

function answerComponents(origin: string): PortableTextComponents {
  return {
    // Paragraphs, headings and lists as to-html renders them by default; a pull quote as the page shows it.
    block: {
      blockquote: ({ children }) => `<blockquote><p>${children}</p></blockquote>`,
    },
    marks: {
      link: ({ value, children }) => {
        const href = safeHref((value as { href?: unknown } | undefined)?.href)
        return href ? `<a href="${escapeHtml(absolute(href, origin))}">${children}</a>` : children
      },
    },
    types: {
      image: ({ value }) => {
        const parsed = imageSchema.safeParse(value)
        if (!parsed.success) return ''
        const { src, width, height } = responsiveImage(parsed.data, { maxDisplayWidth: 760 })
        const caption = parsed.data.caption ? `<figcaption>${escapeHtml(parsed.data.caption)}</figcaption>` : ''
        return `<figure><img src="${escapeHtml(absolute(src, origin))}" width="${width}" height="${height}" alt="${escapeHtml(parsed.data.alt ?? '')}">${caption}</figure>`
      },
      codeBlock: ({ value }) => {
        const { code, language, filename } = value as { code?: unknown; language?: unknown; filename?: unknown }
        const label = typeof filename === 'string' && filename ? `<figcaption>${escapeHtml(filename)}</figcaption>` : ''
        const languageClass =
          typeof language === 'string' && language ? ` class="language-${escapeHtml(language)}"` : ''
        return `<figure>${label}<pre><code${languageClass}>${escapeHtml(typeof code === 'string' ? code : '')}</code></pre></figure>`
      },
    },
    // As on the page: content from a newer schema than this site knows is left out quietly.
    unknownType: () => '',
  }
}

/** The interview as feed-reader HTML: each question a heading, each answer its rich text. */
function interviewFeedHtml(interview: FeedInterview, components: PortableTextComponents): string {
  return interview.qa
    .map(
      ({ question, answer }) =>
        `<h2>${escapeHtml(question)}</h2>${toHTML(answer as never, { components, onMissingComponent: false })}`,
    )
    .join('')
}

export function interviewFeed(interviews: FeedInterview[], settings: SiteSettings, origin: string): Feed {
  const newest = interviews.reduce<Date | undefined>((latest, interview) => {
    const date = new Date(interview._updatedAt ?? interview.publishedAt ?? 0)
    return !latest || date > latest ? date : latest
  }, undefined)
  const feed = new Feed({
    title: settings.title,
    description: settings.description,
    id: `${origin}/`,
    link: `${origin}/`,
    language: 'en',
    copyright: `© ${settings.title}`,
    updated: newest ?? new Date(0),
    generator: 'Parley',
    feedLinks: { rss: `${origin}/feed.xml`, atom: `${origin}/atom.xml`, json: `${origin}/feed.json` },
  })
  const components = answerComponents(origin)
  for (const interview of interviews) {
    const url = `${origin}/interviews/${interview.slug}`
    feed.addItem({
      title: interview.title,
      id: url,
      link: url,
      date: new Date(interview.publishedAt ?? interview._updatedAt ?? 0),
      ...(interview.standfirst ? { description: interview.standfirst } : {}),
      content: interviewFeedHtml(interview, components),
      ...(interview.speaker
        ? { author: [{ name: interview.speaker.name, link: `${origin}/speakers/${interview.speaker.slug}` }] }
        : {}),
      category: interview.topics.map((topic) => ({ name: topic.title, domain: `${origin}/topics/${topic.slug}` })),
    })
  }
  return feed
}
