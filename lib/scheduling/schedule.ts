// The schedule an editor puts on an interview's draft: when it goes live, who asked, and how it went.
import { DocumentId, isDraftId } from '@sanity/id-utils'
import { z } from 'zod'

export const scheduleSchema = z.object({
  publishAt: z.iso.datetime({ offset: true }),
  scheduledBy: z.string().optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['scheduled', 'failed']),
  error: z.string().optional(),
})
export type Schedule = z.infer<typeof scheduleSchema>

/** A scheduled draft as the scheduler reads it (raw perspective, so `_id` is the draft's id). */
export const scheduledDraftSchema = z.object({
  _id: z.string().refine((id) => isDraftId(DocumentId(id)), 'a schedule lives on a draft'),
  _rev: z.string(),
  _type: z.string(),
  title: z.string().nullish(),
  slug: z.string().nullish(),
  schedule: scheduleSchema,
})
export type ScheduledDraft = z.infer<typeof scheduledDraftSchema>

/** Parses an ISO time with a zone and refuses anything not strictly in the future. */
export function parseFutureTime(input: string, now: Date = new Date()): Date {
  const time = new Date(input)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(input) || Number.isNaN(time.getTime())) {
    throw new Error(
      `"${input}" is not an ISO date-time; write it like 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00`,
    )
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(input)) {
    throw new Error(`"${input}" has no time zone; add Z for UTC or an offset such as +01:00`)
  }
  if (time.getTime() <= now.getTime()) {
    throw new Error(`${time.toISOString()} is not in the future (now is ${now.toISOString()})`)
  }
  return time
}
