// Reads a publication date as an article writes it ("2024-03-05T09:14Z", "Mar 3, 2024", "Jun 2", "3 days ago"), with chrono-node.
import { strict as formalDates, casual as everydayDates, type Component, type ParsedResult } from 'chrono-node'

const CALENDAR_DAY: Component[] = ['year', 'month', 'day']

/** A date that had to be completed from when the page was seen says so, for the editor to check. */
export type SeenDate = { publishedAt: string; note?: string }

/**
 * A date in running text: ISO 8601, or an English date with its year ("March 3, 2024", "Published on 3 Mar 2024").
 * Relative and year-less dates are refused: in running text "Last Tuesday." or "June 2" is as likely a sentence as a
 * dateline.
 */
export function parsePublicationDate(text: string): string | undefined {
  const result = formalDates.parse(text, { instant: new Date(), timezone: 'UTC' })[0]
  if (!result || isRelative(result) || !CALENDAR_DAY.every((part) => result.start.isCertain(part))) return undefined
  return instantOf(result)
}

/**
 * A date where a page keeps one (a header, a `<time>`, front matter), as the page showed it at `seenAt`. Medium writes
 * recent posts relative to that moment ("3 days ago") and leaves out the current year ("Jun 2"): a relative date counts
 * back from `seenAt`, a year-less one is the last such day up to `seenAt`; both say so in `note`.
 */
export function readSeenDate(text: string, seenAt: Date): SeenDate | undefined {
  const result = everydayDates.parse(text, { instant: seenAt, timezone: 'UTC' })[0]
  if (!result) return undefined
  const seenDay = isoDay(seenAt)
  if (isRelative(result)) {
    const day = isoDay(result.start.date())
    return {
      publishedAt: `${day}T00:00:00.000Z`,
      note: `the date "${text.trim()}" is relative: read as ${day}, counted back from when the file was saved (${seenDay}); check the publication date`,
    }
  }
  const { start } = result
  if (!start.isCertain('month') || !start.isCertain('day')) return undefined
  if (start.isCertain('year')) return { publishedAt: instantOf(result) }
  const month = start.get('month')! - 1
  const day = start.get('day')!
  let year = seenAt.getUTCFullYear()
  if (Date.UTC(year, month, day) > seenAt.getTime()) year -= 1
  const date = new Date(Date.UTC(year, month, day))
  if (date.getUTCDate() !== day) return undefined
  return {
    publishedAt: date.toISOString(),
    note: `the date "${text.trim()}" has no year: read as ${isoDay(date)}, the last such day before the file was saved (${seenDay}); check the publication date`,
  }
}

/** The whole of `text` is a date as a page header shows one ("Mar 3, 2024", "Jun 2", "3 days ago", "Just now"). */
export function isDateText(text: string): boolean {
  const trimmed = text.trim()
  const result = everydayDates.parse(trimmed, { instant: new Date(), timezone: 'UTC' })[0]
  if (!result || result.index !== 0 || result.text.length !== trimmed.length) return false
  return isRelative(result) || (result.start.isCertain('month') && result.start.isCertain('day'))
}

function isRelative(result: ParsedResult): boolean {
  return [...result.tags()].some((tag) => tag.startsWith('result/relativeDate') || tag.startsWith('casualReference/'))
}

/** A stated time is kept to the millisecond; a date alone means midnight UTC, the same instant wherever the import runs. */
function instantOf({ start }: ParsedResult): string {
  if (start.isCertain('hour')) return start.date().toISOString()
  return new Date(Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!)).toISOString()
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
