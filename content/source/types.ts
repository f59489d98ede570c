// The shape of the sample content's source files: plain data plus a small text markup for answers, easy to edit by hand.

/** Two colours and a motif: the generator turns these into the artwork (no photos, nothing copied). */
export type Artwork = { from: string; to: string; motif: 'rings' | 'grid' | 'waves' | 'blocks' | 'orbit' | 'stripes' }

export type PersonSource = {
  slug: string
  name: string
  role: string
  team?: string
  company: string
  bio: string
  links?: { label: string; url: string }[]
  portrait: Artwork & { alt: string }
}

export type TopicSource = { slug: string; title: string; description: string }
export type SeriesSource = { slug: string; title: string; description: string }

/** An inline illustration: a small diagram of labelled boxes joined by arrows. */
export type DiagramSource = { alt: string; caption: string; steps: string[]; colour: string }

/**
 * An answer is written in a small markup, one block per paragraph (blank line between):
 * `### ` sub-heading, `> ` pull quote, `- ` bullets, `1. ` numbered items, `![key]` an inline
 * diagram from `diagrams`, a fenced ```lang [filename] block for code; inline `**strong**`,
 * `*em*`, `` `code` `` and `[text](href)`.
 */
export type InterviewSource = {
  slug: string
  title: string
  standfirst: string
  speaker: string
  interviewer?: string
  topics: string[]
  series?: { slug: string; part: number }
  publishedAt: string
  featured?: boolean
  cover: Artwork & { alt: string; caption?: string }
  seo?: { title?: string; description?: string }
  callToAction?: { label: string; url: string }
  diagrams: Record<string, DiagramSource>
  qa: { question: string; answer: string }[]
}
