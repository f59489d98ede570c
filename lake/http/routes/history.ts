// GET /data/history/:dataset/… — documents at a revision, a time or their last state; transactions as NDJSON; events.
import { existingDataset } from '../dataset.ts'
import { badRequest, notFound } from '../errors.ts'
import { flag } from '../flags.ts'
import { requireReadDrafts } from '../permissions.ts'
import type { Route, RouteRequest } from '../router.ts'
import { eventsPage } from '../../history/events-page.ts'
import { releaseEventsPage } from '../../history/release-events.ts'
import { releaseIdProblem } from '../../releases/release-document.ts'
import { documentAt, transactionLog, type RevisionPoint } from '../../history/revision-log.ts'
import { transactionFilter } from '../../history/transaction-filter.ts'
import { replaceEffect } from '../../listen/mendoza.ts'
import { documentIdProblem } from '../../mutations/identifiers.ts'

function documentIds(raw: string | undefined): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  if (ids.length === 0) throw badRequest('invalidRequest', 'No document ids given')
  for (const id of ids) {
    const problem = documentIdProblem(id)
    if (problem) throw badRequest('invalidDocumentId', problem)
  }
  return ids
}

/** `revision`, `time` and `lastRevision` each name one point in the past: exactly one of them. */
function revisionPoint(search: URLSearchParams): RevisionPoint {
  const revision = search.get('revision')
  const time = search.get('time')
  const lastRevision = flag(search, 'lastRevision')
  const given = [revision !== null, time !== null, lastRevision].filter(Boolean).length
  if (given !== 1)
    throw badRequest(
      'invalidRequest',
      'Give exactly one of ?revision=<rev>, ?time=<ISO timestamp> or ?lastRevision=true',
    )
  if (revision !== null) return { revision }
  if (lastRevision) return { lastRevision: true }
  if (Number.isNaN(Date.parse(time as string)))
    throw badRequest('invalidRequest', `time "${time}" is not an ISO timestamp`)
  return { time: new Date(time as string).toISOString() }
}

const historyDocuments: Route = {
  method: 'GET',
  path: '/data/history/:dataset/documents/:ids',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    requireReadDrafts(request.access, 'History')
    const at = revisionPoint(request.search)
    const documents = documentIds(request.params.ids).flatMap((id) => {
      const doc = documentAt(request.lake.store, dataset, id, at)
      return doc ? [doc] : []
    })
    if ('revision' in at && documents.length === 0)
      throw notFound(`No document among ${request.params.ids} has revision "${at.revision}"`)
    return { body: { documents } }
  },
}

/** NDJSON, one transaction a line, oldest first unless `reverse`; for the given documents, or the whole dataset. */
function transactionsReply(request: RouteRequest, ids: string[] | null) {
  const dataset = existingDataset(request.params, request.lake)
  requireReadDrafts(request.access, 'History')
  const filter = transactionFilter(request.lake.store, dataset, request.search)
  const identifiedOnly = flag(request.search, 'includeIdentifiedDocumentsOnly', true)
  const excludeContent = flag(request.search, 'excludeContent')
  const lines = transactionLog(request.lake.store, dataset, ids, filter, identifiedOnly).map((entry) =>
    JSON.stringify({
      id: entry.id,
      timestamp: entry.timestamp,
      author: entry.identity,
      documentIDs: entry.documentIds,
      effects: Object.fromEntries(entry.documents.map((doc) => [doc.id, replaceEffect(doc.before, doc.after)])),
      ...(excludeContent ? {} : { mutations: entry.mutations }),
    }),
  )
  return {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
    raw: lines.map((line) => `${line}\n`).join(''),
  }
}

const documentTransactions: Route = {
  method: 'GET',
  path: '/data/history/:dataset/transactions/:ids',
  handle: (request) => transactionsReply(request, documentIds(request.params.ids)),
}

const datasetTransactions: Route = {
  method: 'GET',
  path: '/data/history/:dataset/transactions',
  handle: (request) => transactionsReply(request, null),
}

/** The Studio's History panel: each variant's create, publish, unpublish and delete events (edits come from the log). */
const historyEvents: Route = {
  method: 'GET',
  path: '/data/history/:dataset/events/documents/:ids',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    requireReadDrafts(request.access, 'History')
    return {
      body: eventsPage(request.lake.store, dataset, documentIds(request.params.ids), {
        limit: request.search.get('limit'),
        cursor: request.search.get('nextCursor'),
      }),
    }
  },
}

/** The Releases tool's activity feed for one release. */
const releaseEvents: Route = {
  method: 'GET',
  path: '/data/history/:dataset/events/releases/:releaseId',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    requireReadDrafts(request.access, 'History')
    const problem = releaseIdProblem(request.params.releaseId)
    if (problem) throw badRequest('invalidReleaseId', problem)
    return {
      body: releaseEventsPage(request.lake.store, dataset, request.params.releaseId as string, {
        limit: request.search.get('limit'),
        cursor: request.search.get('nextCursor'),
      }),
    }
  },
}

export const historyRoutes: Route[] = [
  historyDocuments,
  documentTransactions,
  datasetTransactions,
  historyEvents,
  releaseEvents,
]
