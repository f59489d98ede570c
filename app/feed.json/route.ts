// /feed.json: the newest interviews as JSON Feed 1.1, static and revalidated with the interview lists.
import { feedResponse } from '../../lib/feeds/feed-response.ts'

export const dynamic = 'force-static'
export const revalidate = 3600

export function GET(): Promise<Response> {
  return feedResponse('json')
}
