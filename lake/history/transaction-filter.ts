// The history API's transaction filters (fromTransaction, toTransaction, fromTime, toTime, authors, reverse, limit), checked.
import { badRequest, notFound } from '../http/errors.ts'
import { flag } from '../http/flags.ts'
import type { Store } from '../store/store.ts'
import { transactionSeq } from './revision-log.ts'

/** Bounds are inclusive; `authors` null = anyone. Times are ISO strings, compared as the log stores them. */
export type TransactionFilter = {
  fromSeq: number
  toSeq: number
  fromTime: string
  toTime: string
  authors: string[] | null
  reverse: boolean
  limit: number
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 10_000

export function transactionFilter(store: Store, dataset: string, search: URLSearchParams): TransactionFilter {
  return {
    fromSeq: boundingSeq(store, dataset, search, 'fromTransaction') ?? 0,
    toSeq: boundingSeq(store, dataset, search, 'toTransaction') ?? Number.MAX_SAFE_INTEGER,
    fromTime: isoTime(search, 'fromTime') ?? '',
    toTime: isoTime(search, 'toTime') ?? '\uffff',
    authors: authorList(search.get('authors')),
    reverse: flag(search, 'reverse'),
    limit: limitParam(search.get('limit'), DEFAULT_LIMIT, MAX_LIMIT),
  }
}

function boundingSeq(store: Store, dataset: string, search: URLSearchParams, name: string): number | undefined {
  const id = search.get(name)
  if (id === null || id === '') return undefined
  const seq = transactionSeq(store, dataset, id)
  if (seq === undefined) throw notFound(`${name}: no transaction "${id}" in dataset "${dataset}"`)
  return seq
}

function isoTime(search: URLSearchParams, name: string): string | undefined {
  const raw = search.get(name)
  if (raw === null || raw === '') return undefined
  const time = Date.parse(raw)
  if (Number.isNaN(time)) throw badRequest('invalidRequest', `${name} "${raw}" is not an ISO 8601 date-time`)
  return new Date(time).toISOString()
}

function authorList(raw: string | null): string[] | null {
  if (raw === null) return null
  const authors = raw
    .split(',')
    .map((author) => author.trim())
    .filter(Boolean)
  return authors.length > 0 ? authors : null
}

/** A `limit` query parameter: a positive whole number (capped at `max`), `fallback` when absent. */
export function limitParam(raw: string | null, fallback: number, max: number): number {
  if (raw === null || raw === '') return fallback
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1)
    throw badRequest('invalidRequest', `limit must be a positive whole number, not "${raw}"`)
  return Math.min(limit, max)
}
