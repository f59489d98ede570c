// What every action handler is: a step of one transaction on a working set, failing as one item of an actionError.
import { documentIdProblem } from '../mutations/identifiers.ts'
import { TransactionItemError } from '../mutations/transaction.ts'
import type { WorkingSet } from '../mutations/working-set.ts'

export type Action = Record<string, unknown> & { actionType: string }
/** The mutations an action amounts to, recorded in the transaction log. */
export type Recorded = Record<string, unknown>
export type Stamp = { transactionId: string; timestamp: string }

export type ActionHandler = (
  working: WorkingSet,
  action: Action,
  index: number,
  recorded: Recorded[],
  stamp: Stamp,
) => void

export function fail(index: number, statusCode: number, type: string, description: string, id?: string): never {
  throw new TransactionItemError(index, statusCode, type, description, id)
}

/** A document id field of an action, checked. */
export function idField(action: Action, field: string, index: number): string {
  const value = action[field]
  const problem = documentIdProblem(value)
  if (problem) fail(index, 400, 'invalidDocumentId', `${field}: ${problem}`)
  return value as string
}
