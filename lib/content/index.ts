// The reader site's typed getters: each runs one named query, parses it with its schema and carries its cache tags.
import 'server-only'
import { fetchContent, fetchPerRequest } from './fetch.ts'
import { parseDocument, parseEach } from './parse.ts'
import * as queries from './queries.ts'
import {
  collectionSchema,
  directorySchema,
  directorySlugsSchema,
  feedInterviewSchema,
  interviewCardSchema,
  interviewPageSchema,
  interviewSchema,
  siteSettingsSchema,
  speakerSchema,
  type Collection,
  type Directory,
  type DirectorySlugs,
  type FeedInterview,
  type Interview,
  type InterviewCard,
  type SiteSettings,
  type Speaker,
} from './schemas.ts'
import { interviewTag, interviewsTag, personTag, seriesTag, settingsTag, topicTag } from '../revalidation/index.ts'

export type { Interview, InterviewCard, FeedInterview, SiteSettings, Directory, DirectorySlugs }
export type { Speaker, Collection }

export const interviewsPerPage = 10

export async function getInterview(slug: string): Promise<Interview | undefined> {
  const result = await fetchContent(queries.interviewQuery, { slug }, [interviewTag(slug)])
  return parseDocument(interviewSchema, result, 'interview')
}

/** Interviews with the same speaker, series or topics, newest first. */
export async function getRelatedInterviews(interview: Interview): Promise<InterviewCard[]> {
  const result = await fetchContent(
    queries.relatedInterviewsQuery,
    {
      id: interview._id,
      speakerId: interview.speaker?._id ?? '',
      seriesId: interview.series?._id ?? '',
      topicIds: interview.topics.map((topic) => topic._id),
    },
    [interviewsTag, interviewTag(interview.slug)],
  )
  return parseEach(interviewCardSchema, result, 'related interview')
}

export type InterviewPage = { interviews: InterviewCard[]; page: number; pageCount: number; total: number }

/** One page (1-based) of all interviews, newest first. */
export async function listInterviews(page = 1): Promise<InterviewPage> {
  const start = (page - 1) * interviewsPerPage
  const result = await fetchContent(queries.interviewPageQuery, { start, end: start + interviewsPerPage }, [
    interviewsTag,
  ])
  const parsed = parseDocument(interviewPageSchema, result, 'interview list') ?? { total: 0, interviews: [] }
  return {
    interviews: parsed.interviews,
    page,
    pageCount: Math.max(1, Math.ceil(parsed.total / interviewsPerPage)),
    total: parsed.total,
  }
}

export async function listFeaturedInterviews(): Promise<InterviewCard[]> {
  const result = await fetchContent(queries.featuredInterviewsQuery, {}, [interviewsTag])
  return parseEach(interviewCardSchema, result, 'featured interview')
}

/** The newest interviews with their questions and rich answers, for the feeds. */
export async function listFeedInterviews(limit = 50): Promise<FeedInterview[]> {
  const result = await fetchContent(queries.feedInterviewsQuery, { limit }, [interviewsTag])
  return parseEach(feedInterviewSchema, result, 'feed interview')
}

/** Every published interview as a card, newest first. */
export async function listAllInterviews(): Promise<InterviewCard[]> {
  const result = await fetchContent(queries.interviewArchiveQuery, {}, [interviewsTag])
  return parseEach(interviewCardSchema, result, 'interview')
}

/** Speakers, topics and series with how many published interviews each has. */
export async function getDirectory(): Promise<Directory> {
  const result = await fetchContent(queries.directoryQuery, {}, [interviewsTag])
  return parseDocument(directorySchema, result, 'directory') ?? { speakers: [], topics: [], series: [] }
}

export async function listInterviewSlugs(): Promise<string[]> {
  const result = await fetchContent(queries.interviewSlugsQuery, {}, [interviewsTag])
  return Array.isArray(result)
    ? result.filter((slug): slug is string => typeof slug === 'string' && slug.length > 0)
    : []
}

export async function listDirectorySlugs(): Promise<DirectorySlugs> {
  const result = await fetchContent(queries.directorySlugsQuery, {}, [interviewsTag])
  return parseDocument(directorySlugsSchema, result, 'directory') ?? { speakers: [], topics: [], series: [] }
}

export async function getSpeaker(slug: string): Promise<Speaker | undefined> {
  const result = await fetchContent(queries.speakerQuery, { slug }, [personTag(slug)])
  return parseDocument(speakerSchema, result, 'person')
}

export async function getTopic(slug: string): Promise<Collection | undefined> {
  const result = await fetchContent(queries.topicQuery, { slug }, [topicTag(slug)])
  return parseDocument(collectionSchema, result, 'topic')
}

export async function getSeries(slug: string): Promise<Collection | undefined> {
  const result = await fetchContent(queries.seriesQuery, { slug }, [seriesTag(slug)])
  return parseDocument(collectionSchema, result, 'series')
}

/** The reader's words as GROQ `match` prefixes; punctuation is dropped so it cannot change the query's meaning. */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map((word) => `${word}*`)
}

export async function searchInterviews(q: string): Promise<InterviewCard[]> {
  const terms = searchTerms(q)
  if (terms.length === 0) return []
  const result = await fetchPerRequest(queries.searchQuery, { terms })
  return parseEach(interviewCardSchema, result, 'search result')
}

/** The settings singleton, or the defaults when there is none yet. */
export async function getSiteSettings(): Promise<SiteSettings> {
  const result = await fetchContent(queries.siteSettingsQuery, {}, [settingsTag])
  return parseDocument(siteSettingsSchema, result, 'siteSettings') ?? siteSettingsSchema.parse({})
}
