// The importer's public entry: read article files into interviews, then print them (dry run) or write them.
import { DocumentId, getDraftId } from '@sanity/id-utils'
import { collectArticleFiles } from './article-files.ts'
import { readArticleSource } from './detect-format.ts'
import {
  interviewDocument,
  interviewIdFor,
  offlinePersonMatch,
  oldAddressRedirect,
  type InterviewDocument,
  type PersonDocument,
  type RedirectDocument,
} from './documents.ts'
import { readInterviewArticle, type ImportedInterview, type ReadOptions } from './interview-article.ts'
import { ImportRefusal } from './refusal.ts'

export { ImportRefusal } from './refusal.ts'
export { parseSpeakerOption } from './speaker.ts'
export type { ImportedInterview } from './interview-article.ts'
export { writeInterviews } from './write.ts'

export type ReadResult = { interviews: ImportedInterview[]; refused: ImportRefusal[] }

/** Reads every article; a file that cannot be imported is refused with its reason and the others go on. */
export function readArticles(paths: string[], options: ReadOptions = {}): ReadResult {
  const { files, refused } = collectArticleFiles(paths)
  const interviews: ImportedInterview[] = []
  for (const file of files) {
    try {
      interviews.push(readInterviewArticle(readArticleSource(file), options))
    } catch (error) {
      if (!(error instanceof ImportRefusal)) throw error
      refused.push(error)
    }
  }
  return { interviews, refused }
}

/**
 * The documents an import would write, without touching the network: every speaker appears as the person that
 * would be created (a real import links an existing person of that name instead), images keep Sanity's
 * `_sanityAsset` notation for the file they would be uploaded from.
 */
export function plannedDocuments(
  interviews: ImportedInterview[],
  mode: { publish: boolean },
): (InterviewDocument | PersonDocument | RedirectDocument)[] {
  const documents: (InterviewDocument | PersonDocument | RedirectDocument)[] = []
  const people = new Set<string>()
  for (const interview of interviews) {
    const person = offlinePersonMatch(interview.speaker)
    const interviewer = interview.interviewer ? offlinePersonMatch(interview.interviewer) : undefined
    for (const match of [person, interviewer]) {
      if (match?.created && !people.has(match.id)) {
        documents.push(match.created)
        people.add(match.id)
      }
    }
    const id = interviewIdFor(interview)
    documents.push(
      interviewDocument(
        interview,
        mode.publish ? id : getDraftId(DocumentId(id)),
        person.reference,
        interviewer?.reference,
      ),
    )
    const redirect = oldAddressRedirect(interview, id, mode.publish)
    if (redirect) documents.push(redirect)
  }
  return documents
}
