// /feed.xml: the newest interviews as RSS 2.0, static and revalidated with the interview lists.
import { feedResponse } from '../../lib/feeds/feed-response.ts'

export const dynamic = 'force-static'
export const revalidate = 3600

export function GET(): Promise<Response> {
  return feedResponse('rss')
}
