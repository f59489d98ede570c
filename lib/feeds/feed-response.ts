// Answers a feed request: the newest published interviews in one of the three formats, cached with the interview lists.
import { stegaClean } from '@sanity/client/stega'
import 'server-only'
import { getSiteSettings, listFeedInterviews } from '../content/index.ts'
import { siteUrl } from '../site-url.ts'
import { interviewFeed } from './interview-feed.ts'

const formats = {
  rss: {
    contentType: 'application/rss+xml; charset=utf-8',
    render: (feed: ReturnType<typeof interviewFeed>) => feed.rss2(),
  },
  atom: {
    contentType: 'application/atom+xml; charset=utf-8',
    render: (feed: ReturnType<typeof interviewFeed>) => feed.atom1(),
  },
  json: {
    contentType: 'application/feed+json; charset=utf-8',
    render: (feed: ReturnType<typeof interviewFeed>) => feed.json1(),
  },
} as const

export async function feedResponse(format: keyof typeof formats): Promise<Response> {
  // An editor in draft mode reads drafts here too, but a feed is data for programs: never stega-encoded.
  const [settings, interviews] = stegaClean(await Promise.all([getSiteSettings(), listFeedInterviews()]))
  const { contentType, render } = formats[format]
  return new Response(render(interviewFeed(interviews, settings, siteUrl())), {
    headers: { 'content-type': contentType },
  })
}
