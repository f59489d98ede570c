// Reads request bodies with a size limit, so an oversized body is a 413 instead of memory exhaustion.
import type { IncomingMessage } from 'node:http'
import { badRequest, payloadTooLarge } from './errors.ts'

/** Documented limit for data API bodies (query, mutate, actions): 10 MiB, like a large Sanity transaction. */
export const DATA_BODY_LIMIT = 10 * 1024 * 1024

export async function readBody(req: IncomingMessage, limitBytes: number = DATA_BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume()
    throw payloadTooLarge(limitBytes)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limitBytes) {
      req.resume()
      throw payloadTooLarge(limitBytes)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Reads and parses a JSON body; malformed JSON is a 400 that says so. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number = DATA_BODY_LIMIT): Promise<unknown> {
  const raw = await readBody(req, limitBytes)
  if (raw.length === 0) throw badRequest('invalidRequest', 'Request body is empty; expected JSON')
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch (error) {
    throw badRequest('invalidJson', `Request body is not valid JSON: ${(error as Error).message}`)
  }
}
