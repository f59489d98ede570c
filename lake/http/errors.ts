// The one module that knows Sanity's error shapes: every 4xx/5xx body the lake sends is built here.
import type { ServerResponse } from 'node:http'

/** A detail row of a mutation or action error: which item failed and why. */
export type ErrorItem = { index: number; error: { type: string; description: string; [key: string]: unknown } }

/**
 * An error a request handler throws to answer with a status and Sanity's body shape.
 * `kind` picks the shape: `typed` is `{error:{type, description, ...}}` (query, mutation, action errors);
 * `status` is `{statusCode, error:<HTTP reason>, message}` (auth and routing errors, as Sanity's gateway answers).
 */
export class LakeError extends Error {
  readonly statusCode: number
  readonly type: string
  readonly kind: 'typed' | 'status'
  readonly extra: Record<string, unknown>

  constructor(
    statusCode: number,
    type: string,
    description: string,
    extra: Record<string, unknown> = {},
    kind: 'typed' | 'status' = 'typed',
  ) {
    super(description)
    this.statusCode = statusCode
    this.type = type
    this.kind = kind
    this.extra = extra
  }

  /** The JSON body Sanity sends for this error. */
  toBody(): Record<string, unknown> {
    if (this.kind === 'status')
      return { statusCode: this.statusCode, error: reasonPhrase(this.statusCode), message: this.message, ...this.extra }
    return { error: { type: this.type, description: this.message, ...this.extra } }
  }
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  501: 'Not Implemented',
}

export function reasonPhrase(statusCode: number): string {
  return reasons[statusCode] ?? 'Error'
}

export const badRequest = (type: string, description: string, extra?: Record<string, unknown>) =>
  new LakeError(400, type, description, extra)

export const notFound = (description: string) => new LakeError(404, 'notFound', description, {}, 'status')

/** What hosted Sanity answers for a dataset the project does not have. */
export const datasetNotFound = (dataset: string, projectId: string) =>
  new LakeError(
    404,
    'notFound',
    `Dataset "${dataset}" not found for project ID "${projectId}"`,
    { error: 'Dataset not found' },
    'status',
  )

export const unauthorized = (description: string) => new LakeError(401, 'unauthorized', description, {}, 'status')

export const forbidden = (description: string) => new LakeError(403, 'forbidden', description, {}, 'status')

export const payloadTooLarge = (limitBytes: number) =>
  new LakeError(
    413,
    'payloadTooLarge',
    `Request body exceeds the limit of ${limitBytes} bytes`,
    { limit: limitBytes },
    'status',
  )

/** GROQ syntax errors carry the query and the offending span so the client can draw a code frame. */
export const queryParseError = (description: string, query: string, start: number, end: number) =>
  new LakeError(400, 'queryParseError', description, { query, start, end })

/** Mutation and action failures: a summary plus one item per failing mutation/action. */
export const transactionError = (statusCode: number, type: 'mutationError' | 'actionError', items: ErrorItem[]) => {
  const noun = type === 'mutationError' ? 'Mutation' : 'Action'
  const first = items[0]?.error.description
  const description =
    items.length === 1 && first ? `${noun} failed: ${first}` : `${noun}(s) failed with ${items.length} error(s)`
  return new LakeError(statusCode, type, description, { items })
}

/** Turns anything thrown into a LakeError; unknown errors become a 500 that names the cause. */
export function toLakeError(error: unknown): LakeError {
  if (error instanceof LakeError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new LakeError(500, 'internalError', `Internal error: ${message}`, {}, 'status')
}

export function sendError(res: ServerResponse, error: unknown): void {
  const lakeError = toLakeError(error)
  // 501 is the lake's deliberate answer for hosted-only services, not a failure worth a stack trace.
  if (lakeError.statusCode >= 500 && lakeError.statusCode !== 501) console.error('[lake]', error)
  if (res.headersSent) {
    res.end()
    return
  }
  const body = JSON.stringify(lakeError.toBody())
  res.writeHead(lakeError.statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}
