// Builds the RSS, Atom and JSON feeds of the newest interviews with the `feed` package.
import { Feed } from 'feed'
import type { FeedInterview, SiteSettings } from '../content/schemas.ts'

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The interview as feed-reader HTML: each question a heading, each answer its paragraphs. */
export function interviewFeedHtml(interview: FeedInterview): string {
  return interview.answers
    .map(({ question, text }) => {
      const paragraphs = (text ?? '').split(/\n{2,}/).filter((paragraph) => paragraph.trim())
      return `<h2>${escapeHtml(question)}</h2>${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}`
    })
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
  for (const interview of interviews) {
    const url = `${origin}/interviews/${interview.slug}`
    feed.addItem({
      title: interview.title,
      id: url,
      link: url,
      date: new Date(interview.publishedAt ?? interview._updatedAt ?? 0),
      ...(interview.standfirst ? { description: interview.standfirst } : {}),
      content: interviewFeedHtml(interview),
      ...(interview.speaker
        ? { author: [{ name: interview.speaker.name, link: `${origin}/speakers/${interview.speaker.slug}` }] }
        : {}),
      category: interview.topics.map((topic) => ({ name: topic.title, domain: `${origin}/topics/${topic.slug}` })),
    })
  }
  return feed
}
