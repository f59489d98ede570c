// Type-level test, checked by `npm run typecheck`: each zod schema in lib/content/schemas.ts parses its query's result
// (the types `npm run typegen` generates into lib/content/sanity.types.ts) into the same fields, each of a type the
// query can return. A field added, renamed or retyped on one side only fails to compile here, naming the field.
import type { z } from 'zod'
import type * as result from '../../lib/content/sanity.types.ts'
import type * as schema from '../../lib/content/schemas.ts'

/**
 * `true` when what the parser makes (`Parsed`) agrees with what the query returns (`Result`), else a message naming the
 * first field that differs. Values agree when some value is both (the query may know a field is always `true`). A field the query may return as null the parser may leave out or fill in; a field the
 * query only ever returns as null (the document type has no such field) may be anything optional.
 */
type Agrees<Parsed, Result, Path extends string> = [NonNullable<Result>] extends [never]
  ? true
  : unknown extends Result
    ? true
    : NonNullable<Result> extends readonly (infer Item)[]
      ? Exclude<Parsed, undefined> extends readonly (infer ParsedItem)[]
        ? Agrees<ParsedItem, Item, `${Path}[]`>
        : `${Path}: the query returns a list, the parser does not`
      : NonNullable<Result> extends object
        ? Exclude<Parsed, undefined> extends object
          ? SameFields<Exclude<Parsed, undefined>, NonNullable<Result>, Path>
          : `${Path}: the query returns an object, the parser does not`
        : [Exclude<Parsed, undefined> & NonNullable<Result>] extends [never]
          ? `${Path}: the parser gives a type the query never returns`
          : true

type SameFields<Parsed, Result, Path extends string> = [Exclude<keyof Result, keyof Parsed>] extends [never]
  ? [Exclude<keyof Parsed, keyof Result>] extends [never]
    ? FirstProblem<{ [K in keyof Result & keyof Parsed]-?: Agrees<Parsed[K], Result[K], `${Path}.${K & string}`> }>
    : `${Path}: the parser has fields the query does not return: ${Exclude<keyof Parsed, keyof Result> & string}`
  : `${Path}: the query returns fields the parser drops: ${Exclude<keyof Result, keyof Parsed> & string}`

type FirstProblem<Checks> = [Exclude<Checks[keyof Checks], true>] extends [never]
  ? true
  : Exclude<Checks[keyof Checks], true>

type Assert<Check extends true> = Check
type Item<List> = NonNullable<List> extends readonly (infer Element)[] ? Element : never
type Out<Schema extends z.ZodType> = z.output<Schema>

/** Answers are passed through to the renderer, which checks each block type itself: only their keys are compared. */
type WithoutAnswers<T> = T extends { qa: readonly (infer Block)[] }
  ? Omit<T, 'qa'> & { qa: Omit<Block, 'answer'>[] }
  : never
type AnswerKeys = { _type: string; _key: string }

export type Checks = [
  Assert<
    Agrees<WithoutAnswers<Out<typeof schema.interviewSchema>>, WithoutAnswers<result.InterviewQueryResult>, 'interview'>
  >,
  Assert<
    Agrees<
      AnswerKeys,
      Pick<Item<Item<NonNullable<result.InterviewQueryResult>['qa']>['answer']>, '_type' | '_key'>,
      'answer'
    >
  >,
  Assert<Agrees<Out<typeof schema.interviewCardSchema>, Item<result.RelatedInterviewsQueryResult>, 'related'>>,
  Assert<Agrees<Out<typeof schema.interviewCardSchema>, Item<result.FeaturedInterviewsQueryResult>, 'featured'>>,
  Assert<Agrees<Out<typeof schema.interviewCardSchema>, Item<result.InterviewArchiveQueryResult>, 'archive'>>,
  Assert<Agrees<Out<typeof schema.interviewCardSchema>, Item<result.SearchQueryResult>, 'search'>>,
  Assert<Agrees<Out<typeof schema.interviewPageSchema>, result.InterviewPageQueryResult, 'interview page'>>,
  Assert<
    Agrees<
      WithoutAnswers<Out<typeof schema.feedInterviewSchema>>,
      WithoutAnswers<Item<result.FeedInterviewsQueryResult>>,
      'feed'
    >
  >,
  Assert<Agrees<Out<typeof schema.speakerSchema>, result.SpeakerQueryResult, 'speaker'>>,
  Assert<Agrees<Out<typeof schema.collectionSchema>, result.TopicQueryResult, 'topic'>>,
  Assert<Agrees<Out<typeof schema.collectionSchema>, result.SeriesQueryResult, 'series'>>,
  Assert<Agrees<Out<typeof schema.directorySlugsSchema>, result.DirectorySlugsQueryResult, 'directory slugs'>>,
  Assert<Agrees<Out<typeof schema.directorySchema>, result.DirectoryQueryResult, 'directory'>>,
  Assert<Agrees<Out<typeof schema.redirectSchema>, Item<result.RedirectsQueryResult>, 'redirect'>>,
  Assert<Agrees<Out<typeof schema.siteSettingsSchema>, result.SiteSettingsQueryResult, 'site settings'>>,
]
