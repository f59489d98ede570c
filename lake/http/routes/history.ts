// GET /data/history/:dataset/… — documents at a revision or time, transactions as NDJSON, empty events.
import { datasetParam } from '../dataset.ts'
import { badRequest, notFound } from '../errors.ts'
import { flag } from '../flags.ts'
import { requireReadDrafts } from '../permissions.ts'
import type { Route } from '../router.ts'
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

const historyDocuments: Route = {
  method: 'GET',
  path: '/data/history/:dataset/documents/:ids',
  handle(request) {
    const dataset = datasetParam(request.params)
    requireReadDrafts(request.access, 'History')
    const revision = request.search.get('revision')
    const time = request.search.get('time')
    if (revision === null && time === null)
      throw badRequest('invalidRequest', 'Give ?revision=<rev> or ?time=<ISO timestamp>')
    if (time !== null && Number.isNaN(Date.parse(time)))
      throw badRequest('invalidRequest', `time "${time}" is not an ISO timestamp`)
    const at = revision !== null ? { revision } : { time: new Date(time as string).toISOString() }
    const documents = documentIds(request.params.ids).flatMap((id) => {
      const doc = request.lake.store.documentAt(dataset, id, at)
      return doc ? [doc] : []
    })
    if (revision !== null && documents.length === 0)
      throw notFound(`No document among ${request.params.ids} has revision "${revision}"`)
    return { body: { documents } }
  },
}

const historyTransactions: Route = {
  method: 'GET',
  path: '/data/history/:dataset/transactions/:ids',
  handle(request) {
    const dataset = datasetParam(request.params)
    requireReadDrafts(request.access, 'History')
    const limitParam = Number(request.search.get('limit') ?? 100)
    const limit = Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, 10_000) : 100
    const entries = request.lake.store.historyOfDocuments(dataset, documentIds(request.params.ids), {
      reverse: flag(request.search, 'reverse'),
      limit,
    })
    const excludeContent = flag(request.search, 'excludeContent')
    const lines = entries.map((entry) =>
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
  },
}

/** The Studio's event timeline accepts an empty answer; the transaction log above carries the history. */
const historyEvents: Route = {
  method: 'GET',
  path: '/data/history/:dataset/events/*rest',
  handle(request) {
    datasetParam(request.params)
    requireReadDrafts(request.access, 'History')
    return { body: { events: {}, nextCursor: '' } }
  },
}

export const historyRoutes: Route[] = [historyDocuments, historyTransactions, historyEvents]
