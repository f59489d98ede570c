// The mutate API as a function: validates and applies create*/delete/patch mutations as one transaction.
import { badRequest } from '../http/errors.ts'
import type { Access } from '../http/access.ts'
import { runQuery } from '../query/run-query.ts'
import type { SanityDocument } from '../store/store.ts'
import { addMissingArrayKeys } from './array-keys.ts'
import { documentIdProblem, randomId } from './identifiers.ts'
import { applyPatch, patchProblem } from './patch.ts'
import {
  runTransaction,
  TransactionItemError,
  type TransactionContext,
  type TransactionOutcome,
} from './transaction.ts'
import type { WorkingSet } from './working-set.ts'

export type MutateOptions = {
  dataset: string
  access: Access
  returnDocuments: boolean
  dryRun: boolean
  autoGenerateArrayKeys: boolean
}

export type MutationResult = {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
  document?: SanityDocument | null
}

const MUTATION_TYPES = ['create', 'createOrReplace', 'createIfNotExists', 'delete', 'patch'] as const

type Recorded = Record<string, unknown>

export async function mutate(context: TransactionContext, body: unknown, options: MutateOptions) {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('invalidRequest', 'Body must be a JSON object with a "mutations" array')
  const { mutations, transactionId } = body as { mutations?: unknown; transactionId?: unknown }
  if (!Array.isArray(mutations)) throw badRequest('invalidRequest', 'Body must have a "mutations" array')
  const results: MutationResult[] = []

  const outcome: TransactionOutcome = await runTransaction(context, {
    dataset: options.dataset,
    kind: 'mutationError',
    transactionId,
    identity: options.access.identity,
    dryRun: options.dryRun,
    build: async (working) => {
      const recorded: Recorded[] = []
      for (let index = 0; index < mutations.length; index++) {
        working.currentIndex = index
        await applyMutation(context, working, mutations[index], index, options, results, recorded)
      }
      return recorded
    },
  })

  // With returnDocuments each result carries the document as the transaction left it (null once deleted).
  const finalDocs = new Map(outcome.changes.map((change) => [change.id, change.after]))
  const documentOf = (result: MutationResult) =>
    finalDocs.has(result.id) ? finalDocs.get(result.id) : (result.document ?? null)
  return {
    transactionId: outcome.transactionId,
    results: results.map(({ document: _untouched, ...result }) =>
      options.returnDocuments ? { ...result, document: documentOf({ ...result, document: _untouched }) } : result,
    ),
    documentIds: [...new Set(results.map((result) => result.id))],
  }
}

function fail(index: number, statusCode: number, type: string, description: string, id?: string): never {
  throw new TransactionItemError(index, statusCode, type, description, id)
}

async function applyMutation(
  context: TransactionContext,
  working: WorkingSet,
  mutation: unknown,
  index: number,
  options: MutateOptions,
  results: MutationResult[],
  recorded: Recorded[],
): Promise<void> {
  if (!mutation || typeof mutation !== 'object' || Array.isArray(mutation))
    fail(index, 400, 'invalidMutation', 'Each mutation must be an object like {"create": {...}}')
  const keys = Object.keys(mutation)
  const type = keys[0] as (typeof MUTATION_TYPES)[number]
  if (keys.length !== 1 || !MUTATION_TYPES.includes(type)) {
    fail(
      index,
      400,
      'invalidMutation',
      `Unknown mutation type ${keys.map((k) => `"${k}"`).join(', ') || '(none)'}; expected exactly one of ${MUTATION_TYPES.join(', ')}`,
    )
  }
  const payload = (mutation as Record<string, unknown>)[type]
  if (!payload || typeof payload !== 'object' || Array.isArray(payload))
    fail(index, 400, 'invalidMutation', `"${type}" must be an object`)
  const argument = payload as Record<string, unknown>

  if (type === 'create' || type === 'createOrReplace' || type === 'createIfNotExists') {
    const doc = structuredClone(argument) as SanityDocument
    if (type === 'create') {
      if (doc._id === undefined) doc._id = randomId()
      else if (typeof doc._id === 'string' && doc._id.endsWith('.')) doc._id = `${doc._id}${randomId()}`
    }
    const problem = documentIdProblem(doc._id)
    if (problem) fail(index, 400, 'invalidDocumentId', problem, typeof doc._id === 'string' ? doc._id : undefined)
    if (typeof doc._type !== 'string' || doc._type === '')
      fail(index, 400, 'invalidDocument', `Document "${doc._id}" needs a non-empty string _type`, doc._id)
    if (options.autoGenerateArrayKeys) addMissingArrayKeys(doc)
    const existing = working.get(doc._id)
    if (existing && type === 'create')
      fail(index, 409, 'documentAlreadyExistsError', `Document by ID "${doc._id}" already exists`, doc._id)
    if (existing && type === 'createIfNotExists') {
      results.push({ id: doc._id, operation: 'none', document: existing })
      return
    }
    working.put(doc._id, doc)
    recorded.push({ [type]: doc })
    results.push({ id: doc._id, operation: existing ? 'update' : 'create' })
    return
  }

  const ids = await selectedIds(context, working, argument, index, options)
  if (type === 'delete') {
    for (const id of ids) {
      const existing = working.get(id)
      working.put(id, null)
      recorded.push({ delete: { id } })
      results.push({ id, operation: existing ? 'delete' : 'none' })
    }
    return
  }

  const problem = patchProblem(argument)
  if (problem) fail(index, 400, 'invalidPatch', problem)
  for (const id of ids) {
    const existing = working.get(id)
    if (!existing)
      fail(
        index,
        404,
        'documentNotFoundError',
        `The document with the ID "${id}" was not found; a patch needs an existing document`,
        id,
      )
    if (argument.ifRevisionID !== undefined && argument.ifRevisionID !== existing._rev) {
      fail(
        index,
        409,
        'conflict',
        `Document "${id}" has unexpected revision ID ("${String(existing._rev)}"), expected "${String(argument.ifRevisionID)}"`,
        id,
      )
    }
    let patched: SanityDocument
    try {
      patched = applyPatch(existing, argument)
    } catch (error) {
      fail(index, 400, 'invalidPatch', `Patch on "${id}" failed: ${(error as Error).message}`, id)
    }
    if (patched._id !== id) fail(index, 400, 'invalidPatch', `A patch may not change _id (document "${id}")`, id)
    if (options.autoGenerateArrayKeys) addMissingArrayKeys(patched)
    working.put(id, patched)
    const { query: _query, params: _params, ...rest } = argument
    recorded.push({ patch: { ...rest, id } })
    results.push({ id, operation: 'update' })
  }
}

/** The documents a delete/patch targets: `{id}` or the `_id`s a `{query, params}` returns (raw perspective). */
async function selectedIds(
  context: TransactionContext,
  working: WorkingSet,
  argument: Record<string, unknown>,
  index: number,
  options: MutateOptions,
): Promise<string[]> {
  if (argument.id !== undefined) {
    const problem = documentIdProblem(argument.id)
    if (problem) fail(index, 400, 'invalidDocumentId', problem)
    return [argument.id as string]
  }
  if (typeof argument.query !== 'string')
    fail(index, 400, 'invalidMutation', 'A delete or patch needs an "id" or a "query"')
  const params = argument.params ?? {}
  if (typeof params !== 'object' || Array.isArray(params))
    fail(index, 400, 'invalidMutation', '"params" must be an object')
  const { result } = await runQuery(context.store, {
    dataset: working.dataset,
    query: argument.query,
    params: params as Record<string, unknown>,
    perspective: { kind: 'raw' },
    access: options.access,
  })
  const items = Array.isArray(result) ? result : result === null || result === undefined ? [] : [result]
  return items.flatMap((item) =>
    typeof item === 'string'
      ? [item]
      : item && typeof item === 'object' && typeof (item as SanityDocument)._id === 'string'
        ? [(item as SanityDocument)._id]
        : [],
  )
}
