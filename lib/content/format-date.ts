// Formats publication dates the same way on every page, in UTC so a build and a request never disagree.
import { stegaClean } from '@sanity/client/stega'

const formatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined
  const date = new Date(stegaClean(iso))
  return Number.isNaN(date.getTime()) ? undefined : formatter.format(date)
}
