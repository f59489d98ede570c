// Writes imported interviews to the content store in one transaction: all of a run's documents, or none.
import { DocumentId, getDraftId, getPublishedId } from '@sanity/id-utils'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SanityClient, SanityDocument } from '@sanity/client'
import {
  interviewDocument,
  interviewIdFor,
  matchPeople,
  oldAddressRedirect,
  type InterviewDocument,
  type PersonDocument,
  type PersonMatch,
} from './documents.ts'
import type { ImportedInterview } from './interview-article.ts'
import { ImportRefusal } from './refusal.ts'

export type WriteMode = { publish: boolean }

export type WrittenInterview = {
  file: string
  /** The id written: `drafts.<id>` by default, the published id with `publish`. */
  id: string
  operation: 'created' | 'updated'
  person: { id: string; created: boolean }
  interviewer?: { id: string; created: boolean }
  images: number
}

export type WriteResult = { written: WrittenInterview[]; refused: ImportRefusal[]; transactionId?: string }

const INTERVIEWS_WITH_SLUGS = `*[_type == "interview" && slug.current in $slugs]{_id, "slug": slug.current}`

/**
 * Looks up speakers and slug clashes, uploads the articles' local images (assets are content-addressed, so an upload
 * repeated by a failed run is harmless), then commits every person and interview in one transaction.
 */
export async function writeInterviews(
  client: SanityClient,
  interviews: ImportedInterview[],
  mode: WriteMode,
): Promise<WriteResult> {
  const refused: ImportRefusal[] = []
  const accepted: { interview: ImportedInterview; id: string; person: PersonMatch; interviewer?: PersonMatch }[] = []
  const slugOwners = await client.fetch<{ _id: string; slug: string }[]>(
    INTERVIEWS_WITH_SLUGS,
    { slugs: [...new Set(interviews.map((interview) => interview.slug))] },
    { perspective: 'raw' },
  )
  const personFor = await matchPeople(
    client,
    interviews.flatMap((interview) => [interview.speaker, ...(interview.interviewer ? [interview.interviewer] : [])]),
  )
  const slugsInRun = new Map<string, string>()
  for (const interview of interviews) {
    const id = interviewIdFor(interview)
    const owners = [
      ...slugOwners
        .filter((owner) => owner.slug === interview.slug)
        .map((owner) => getPublishedId(DocumentId(owner._id))),
      slugsInRun.get(interview.slug),
    ]
    const taken = owners.find((owner) => owner !== undefined && owner !== id)
    if (taken) {
      refused.push(
        new ImportRefusal(
          interview.file,
          `the slug "${interview.slug}" is already used by interview ${taken}: rename one of them`,
        ),
      )
      continue
    }
    slugsInRun.set(interview.slug, id)
    accepted.push({
      interview,
      id,
      person: personFor(interview.speaker),
      interviewer: interview.interviewer ? personFor(interview.interviewer) : undefined,
    })
  }
  if (accepted.length === 0) return { written: [], refused }

  const assets = await uploadImages(
    client,
    accepted.map((entry) => entry.interview),
  )
  // A query rather than the doc endpoint: a large run's ids would not fit in a URL, and the client POSTs long queries.
  const ids = accepted.flatMap((entry) => [entry.id, getDraftId(DocumentId(entry.id))])
  const existing = await client.fetch<SanityDocument[]>(`*[_id in $ids]`, { ids }, { perspective: 'raw' })
  const byId = new Map(existing.map((doc) => [doc._id, doc]))

  const transaction = client.transaction()
  const createdPeople = new Set<string>()
  const written: WrittenInterview[] = []
  for (const { interview, id, person, interviewer } of accepted) {
    for (const match of [person, interviewer]) {
      if (match?.created && !createdPeople.has(match.id)) {
        transaction.createIfNotExists(match.created satisfies PersonDocument)
        createdPeople.add(match.id)
      }
    }
    const draft = byId.get(getDraftId(DocumentId(id)))
    const published = byId.get(id)
    const targetId = mode.publish ? id : getDraftId(DocumentId(id))
    const imported = withUploadedImages(
      interviewDocument(interview, targetId, person.reference, interviewer?.reference),
      assets,
    )
    transaction.createOrReplace({ ...editorsFields(draft ?? published), ...imported })
    const redirect = oldAddressRedirect(interview, id, mode.publish)
    if (redirect) transaction.createOrReplace(redirect)
    // Publishing means the imported version replaces any pending draft, as a publish in the Studio does.
    if (mode.publish && draft) transaction.delete(draft._id)
    written.push({
      file: interview.file,
      id: targetId,
      operation: draft || published ? 'updated' : 'created',
      person: { id: person.id, created: Boolean(person.created) },
      ...(interviewer ? { interviewer: { id: interviewer.id, created: Boolean(interviewer.created) } } : {}),
      images: countImages(imported),
    })
  }
  const result = await transaction.commit({ visibility: 'sync' })
  return { written, refused, transactionId: result.transactionId }
}

/**
 * A re-import starts from the interview as it stands, so what editors added (topics, cover image, SEO, an interviewer
 * the article does not name…) survives; every field the article does give is then set from the article.
 */
function editorsFields(document: SanityDocument | undefined): Record<string, unknown> {
  if (!document) return {}
  return Object.fromEntries(Object.entries(document).filter(([field]) => !field.startsWith('_')))
}

type AssetMarker = { _sanityAsset: string }

function imageMarkers(interview: ImportedInterview): AssetMarker[] {
  return interview.qa.flatMap((block) =>
    block.answer.filter(
      (item): item is typeof item & AssetMarker => typeof (item as Partial<AssetMarker>)._sanityAsset === 'string',
    ),
  )
}

async function uploadImages(client: SanityClient, interviews: ImportedInterview[]): Promise<Map<string, string>> {
  const assets = new Map<string, string>()
  for (const marker of interviews.flatMap(imageMarkers)) {
    if (assets.has(marker._sanityAsset)) continue
    const file = fileURLToPath(marker._sanityAsset.replace(/^image@/, ''))
    const asset = await client.assets.upload('image', readFileSync(file), { filename: basename(file) })
    assets.set(marker._sanityAsset, asset._id)
  }
  return assets
}

function withUploadedImages(document: InterviewDocument, assets: Map<string, string>): InterviewDocument {
  const qa = document.qa.map((block) => ({
    ...block,
    answer: block.answer.map((item) => {
      const marker = (item as Partial<AssetMarker>)._sanityAsset
      if (typeof marker !== 'string') return item
      const { _sanityAsset: _, ...image } = item as typeof item & AssetMarker
      return { ...image, asset: { _type: 'reference', _ref: assets.get(marker)! } }
    }),
  }))
  return { ...document, qa }
}

function countImages(document: InterviewDocument): number {
  return document.qa.reduce((count, block) => count + block.answer.filter((item) => item._type === 'image').length, 0)
}
