// Reads request bodies with a size limit, so an oversized body is a 413 instead of memory exhaustion.
import type { IncomingMessage } from 'node:http'
import { badRequest, payloadTooLarge } from './errors.ts'

/** Documented limit for data API bodies (query, mutate, actions): 10 MiB, like a large Sanity transaction. */
export const DATA_BODY_LIMIT = 10 * 1024 * 1024

export function readBody(req: IncomingMessage, limitBytes: number = DATA_BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume()
    return Promise.reject(payloadTooLarge(limitBytes))
  }
  // Plain 'data' events: a stream's async iterator costs noticeably more per small request.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on('data', (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size > limitBytes) {
        refused = true
        reject(payloadTooLarge(limitBytes))
        return
      }
      chunks.push(chunk)
    })
    req.once('end', () => {
      if (!refused) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))
    })
    req.once('error', reject)
  })
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
