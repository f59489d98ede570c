// Sends each cached page's bytes from memory instead of encoding and compressing its HTML again on every request.
import type { ServerResponse } from 'node:http'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import Negotiator from 'negotiator'
import vary from 'vary'

/**
 * Next.js keeps a cached page as a JavaScript string and hands it to `res.end()`, which encodes it to UTF-8 on every
 * request. One character beyond Latin-1 (a curly quote, a dash: every interview has them) makes V8 store the whole
 * string in two-byte form, and encoding 70 KB of it takes ~0.3 ms, ten times the one-byte case and a quarter of the
 * CPU a cached page costs. The encoded bytes are kept per string instead: Next serves the same string object from its
 * cache, so finding its bytes again is a map lookup (V8 hashes strings this long by their length, and compares the
 * same object by identity). Its brotli and gzip forms are kept the same way: compressing 70 KB per request cost
 * `next start` two thirds of its throughput for readers whose browsers ask for them (all of them). A regenerated page
 * is a new string, encoded once; old ones age out by total size.
 */
const minimumLength = 16 * 1024
const budgetBytes = 64 * 1024 * 1024

/** How a page goes out: as it is (UTF-8), or compressed for a reader who accepts it. */
export type Coding = 'identity' | 'br' | 'gzip'
const compressors: Record<Exclude<Coding, 'identity'>, (bytes: Buffer) => Buffer> = {
  // Made once per page version, so stronger than the per-request middleware's (brotli 4, gzip 6); quality 11 takes
  // ~0.2 s for 70 KB, which the first reader after a publish would wait for.
  br: (bytes) =>
    brotliCompressSync(bytes, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  gzip: (bytes) => gzipSync(bytes, { level: 9 }),
}

const encoded = new Map<string, Partial<Record<Coding, Buffer>> & { identity: Buffer }>()
let encodedBytes = 0

/** The page's bytes as `coding` says, made the first time they are asked for and kept while memory allows. */
export function bytesOnce(body: string, coding: Coding): Buffer {
  let page = encoded.get(body)
  if (page) {
    // Most recently used last, so eviction takes the page nobody asked for longest.
    encoded.delete(body)
  } else {
    page = { identity: Buffer.from(body, 'utf8') }
    encodedBytes += page.identity.byteLength
  }
  encoded.set(body, page)
  let bytes = page[coding]
  if (!bytes) {
    bytes = page[coding] = compressors[coding as Exclude<Coding, 'identity'>](page.identity)
    encodedBytes += bytes.byteLength
  }
  for (const [oldest, oldPage] of encoded) {
    if (encodedBytes <= budgetBytes || oldest === body) break
    encoded.delete(oldest)
    for (const kept of Object.values(oldPage)) encodedBytes -= kept.byteLength
  }
  return bytes
}

export const utf8Once = (body: string): Buffer => bytesOnce(body, 'identity')

/** How much the memory holds, for tests. */
export function encodedPagesHeld(): { pages: number; bytes: number } {
  return { pages: encoded.size, bytes: encodedBytes }
}

const isUtf8 = (encoding: unknown) => typeof encoding !== 'string' || /^utf-?8$/i.test(encoding)

/** The compression the reader's Accept-Encoding prefers; as it is when the response is already encoded or sent. */
function codingFor(res: ServerResponse): Coding {
  if (res.headersSent || res.hasHeader('content-encoding')) return 'identity'
  // Brotli first where the reader rates both alike (browsers send "gzip, deflate, br"): negotiator 0.6.4 takes the
  // preference as a second argument, which its type declarations have not caught up with.
  const negotiator = new Negotiator(res.req) as {
    encoding(available: Coding[], preferred: Coding[]): Coding | undefined
  }
  return negotiator.encoding(['br', 'gzip', 'identity'], ['br', 'gzip']) ?? 'identity'
}

/**
 * The response hook: a whole body of at least 16 KiB given to `end()` as a UTF-8 string goes out as its kept bytes,
 * compressed as the reader accepts. It runs outside the compression middleware (compress-responses.ts), which passes
 * a body that says its Content-Encoding through as it is; anything else still goes through the middleware.
 */
export function encodePagesOnce(res: ServerResponse): void {
  const end = res.end
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const [body, encoding] = args
    if (typeof body === 'string' && body.length >= minimumLength && isUtf8(encoding)) {
      const coding = codingFor(res)
      const bytes = (args[0] = bytesOnce(body, coding))
      if (typeof encoding === 'string') args.splice(1, 1)
      if (coding !== 'identity') {
        res.setHeader('content-encoding', coding)
        vary(res, 'Accept-Encoding')
      }
      if (!res.headersSent) res.setHeader('content-length', bytes.byteLength)
    }
    return (end as (...args: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['end']
}

const measured = Symbol.for('parley.measure-pages-once')

/**
 * Before `end()`, Next.js measures the page for its Content-Length with `Buffer.byteLength`, which walks a two-byte
 * string at a tenth of the speed of a one-byte one: large UTF-8 strings are measured from their kept bytes instead, so
 * a cached page is encoded once, here, and its `end()` finds the bytes made. With it, an interview costs `next start`
 * about what a page of plain text of its size on the same kind of route does (bench/site-throughput.ts). Returns the
 * undo, for tests.
 */
export function measurePagesOnce(): () => void {
  const target = Buffer as typeof Buffer & { [measured]?: true }
  if (target[measured]) return () => {}
  target[measured] = true
  const byteLength = Buffer.byteLength
  Buffer.byteLength = function (value: Parameters<typeof byteLength>[0], encoding?: BufferEncoding) {
    if (typeof value === 'string' && value.length >= minimumLength && isUtf8(encoding))
      return utf8Once(value).byteLength
    return byteLength(value, encoding)
  }
  return () => {
    Buffer.byteLength = byteLength
    delete target[measured]
  }
}
