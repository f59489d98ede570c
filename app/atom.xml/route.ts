// /atom.xml: the newest interviews as Atom 1.0, static and revalidated with the interview lists.
import { feedResponse } from '../../lib/feeds/feed-response.ts'

export const dynamic = 'force-static'
export const revalidate = 3600

export function GET(): Promise<Response> {
  return feedResponse('atom')
}
