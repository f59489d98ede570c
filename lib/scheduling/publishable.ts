// What a draft must have before the scheduler may publish it: the Studio's rules that matter to readers.
import { z } from 'zod'

const imageWithAlt = z.object({
  asset: z.object({ _ref: z.string() }),
  alt: z.string().trim().min(1, 'the cover image needs alt text'),
})

const publishableInterview = z.object({
  title: z.string().trim().min(1, 'a title is required'),
  slug: z.object({ current: z.string().trim().min(1) }, 'a slug is required'),
  speaker: z.object({ _ref: z.string() }, 'a speaker is required'),
  coverImage: imageWithAlt.optional(),
  qa: z
    .array(
      z.object({ question: z.string().trim().min(1, 'every question needs text') }, 'every Q&A block needs a question'),
    )
    .min(1, 'at least one Q&A block is required'),
})

/** Returns the reasons a draft cannot be published, or an empty list. */
export function reasonsNotPublishable(draft: unknown): string[] {
  const result = publishableInterview.safeParse(draft)
  if (result.success) return []
  return result.error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
    return `${where}${issue.message}`
  })
}
