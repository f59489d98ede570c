// One zod schema per query result; the types the pages use are inferred from them. They are checked against the
// result types TypeGen generates from the queries (tests/types/query-results.ts), so the two cannot drift apart.
import { z } from 'zod'
import { parseEach } from './parse.ts'

const text = z.string().trim().min(1)
/** Optional fields come back from GROQ as null when absent: accept both and hand pages `undefined`. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined)

export const imageSchema = z.object({
  asset: z.object({
    _id: z.string(),
    url: z.string(),
    lqip: optional(z.string()),
    width: z.number().positive(),
    height: z.number().positive(),
  }),
  alt: optional(z.string()),
  caption: optional(z.string()),
  hotspot: optional(z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })),
  crop: optional(z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() })),
})
export type SanityImage = z.infer<typeof imageSchema>

/** An image whose asset is missing (deleted, not uploaded yet) is dropped rather than failing its document. */
const optionalImage = z.unknown().transform((value) => {
  const parsed = imageSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
})

const referenceLinkSchema = z.object({ _id: z.string(), title: text, slug: text })

const linkSchema = z.object({ label: text, url: text })
/** Lists keep the entries that parse; one bad link or topic must not hide a page. */
const lenientArray = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .nullish()
    .transform((values) =>
      (values ?? []).flatMap((value) => {
        const parsed = item.safeParse(value)
        return parsed.success ? [parsed.data as z.infer<T>] : []
      }),
    )

export const personCardSchema = z.object({
  _id: z.string(),
  name: text,
  slug: text,
  role: optional(z.string()),
  team: optional(z.string()),
  company: optional(z.string()),
  photo: optionalImage,
})
export type PersonCard = z.infer<typeof personCardSchema>

const optionalPerson = z.unknown().transform((value) => {
  const parsed = personCardSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
})

/** A list of documents, each parsed on its own: one that does not fit is logged and left out. */
const eachOf = <T extends z.ZodType>(item: T, what: string) =>
  z.array(z.unknown()).transform((values) => parseEach(item, values, what))

export const interviewCardSchema = z.object({
  _id: z.string(),
  title: text,
  slug: text,
  standfirst: optional(z.string()),
  publishedAt: optional(z.string()),
  _updatedAt: optional(z.string()),
  featured: optional(z.boolean()),
  coverImage: optionalImage,
  speaker: optionalPerson,
  topics: lenientArray(referenceLinkSchema),
  series: z.unknown().transform((value) => {
    const parsed = referenceLinkSchema.safeParse(value)
    return parsed.success ? parsed.data : undefined
  }),
  seriesPart: optional(z.number()),
  wordCount: optional(z.number()),
})
export type InterviewCard = z.infer<typeof interviewCardSchema>

/** Portable Text blocks and custom objects are passed through to the renderer, which knows each type. */
const portableTextItem = z.looseObject({ _type: z.string(), _key: optional(z.string()) })
export type PortableTextItem = z.infer<typeof portableTextItem> & Record<string, unknown>

export const qaBlockSchema = z.object({
  _key: z.string(),
  question: text,
  answer: z
    .array(portableTextItem)
    .nullish()
    .transform((value) => (value ?? []) as PortableTextItem[]),
})
export type QaBlock = z.infer<typeof qaBlockSchema>

export const interviewSchema = interviewCardSchema.extend({
  interviewer: optionalPerson,
  speakerBio: optional(z.string()),
  speakerLinks: lenientArray(linkSchema),
  qa: z.array(qaBlockSchema).min(1),
  seo: optional(
    z.object({
      title: optional(z.string()),
      description: optional(z.string()),
      image: optionalImage,
    }),
  ),
  callToAction: z.unknown().transform((value) => {
    const parsed = linkSchema.safeParse(value)
    return parsed.success ? parsed.data : undefined
  }),
  canonicalUrl: optional(z.string()),
  originalPublication: optional(text),
})
export type Interview = z.infer<typeof interviewSchema>

export const feedInterviewSchema = interviewCardSchema.extend({
  qa: lenientArray(qaBlockSchema),
})
export type FeedInterview = z.infer<typeof feedInterviewSchema>

export const interviewPageSchema = z.object({
  total: z.number().int().nonnegative(),
  interviews: eachOf(interviewCardSchema, 'interview'),
})

export const speakerSchema = personCardSchema.extend({
  bio: optional(z.string()),
  links: lenientArray(linkSchema),
  interviews: eachOf(interviewCardSchema, 'interview'),
})
export type Speaker = z.infer<typeof speakerSchema>

export const collectionSchema = referenceLinkSchema.extend({
  description: optional(z.string()),
  interviews: eachOf(interviewCardSchema, 'interview'),
})
export type Collection = z.infer<typeof collectionSchema>

const slugEntry = z.object({ slug: text, _updatedAt: optional(z.string()) })
export const directorySlugsSchema = z.object({
  speakers: lenientArray(slugEntry),
  topics: lenientArray(slugEntry),
  series: lenientArray(slugEntry),
})
export type DirectorySlugs = z.infer<typeof directorySlugsSchema>

export const redirectSchema = z.object({
  from: z.string(),
  to: z.string(),
  kind: optional(z.enum(['permanent', 'temporary'])),
})
export type Redirect = z.infer<typeof redirectSchema>

/** The settings singleton, with the site's defaults for what editors left empty (or for no singleton at all). */
export const siteSettingsSchema = z.object({
  title: z
    .string()
    .nullish()
    .transform((value) => value || 'Parley'),
  description: z
    .string()
    .nullish()
    .transform((value) => value || 'Conversations with the engineers who build our products.'),
  navigation: lenientArray(z.object({ label: text, href: text })),
  careersUrl: z
    .string()
    .nullish()
    .transform((value) => value || undefined),
})
export type SiteSettings = z.infer<typeof siteSettingsSchema>

const counted = { interviewCount: z.number().int().nonnegative() }
export const directorySchema = z.object({
  speakers: lenientArray(personCardSchema.extend(counted)),
  topics: lenientArray(referenceLinkSchema.extend({ description: optional(z.string()), ...counted })),
  series: lenientArray(referenceLinkSchema.extend({ description: optional(z.string()), ...counted })),
})
export type Directory = z.infer<typeof directorySchema>
