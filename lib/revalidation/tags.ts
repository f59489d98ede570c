// The cache tags that tie cached pages to the documents they show; getters attach them, the webhook route revalidates them.

/** Every list of interviews: the index, its pages, feeds, the sitemap, search and related lists. */
export const interviewsTag = 'interviews'
export const settingsTag = 'settings'
export const interviewTag = (slug: string) => `interview:${slug}`
export const personTag = (slug: string) => `person:${slug}`
export const topicTag = (slug: string) => `topic:${slug}`
export const seriesTag = (slug: string) => `series:${slug}`

/** The time-based fallback: a page is refreshed at least this often even if a webhook is lost (seconds). */
export const fallbackRevalidateSeconds = 3600
