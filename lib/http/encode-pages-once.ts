// Sends each cached page's bytes from memory instead of encoding its HTML to UTF-8 again on every request.
import type { ServerResponse } from 'node:http'

/**
 * Next.js keeps a cached page as a JavaScript string and hands it to `res.end()`, which encodes it to UTF-8 on every
 * request. One character beyond Latin-1 (a curly quote, a dash: every interview has them) makes V8 store the whole
 * string in two-byte form, and encoding 70 KB of it takes ~0.3 ms, ten times the one-byte case and a quarter of the
 * CPU a cached page costs. The encoded bytes are kept per string instead: Next serves the same string object from its
 * cache, so finding its bytes again is a map lookup (V8 hashes strings this long by their length, and compares the
 * same object by identity). A regenerated page is a new string, encoded once; old ones age out by total size.
 */
const minimumLength = 16 * 1024
const budgetBytes = 64 * 1024 * 1024
const encoded = new Map<string, Buffer>()
let encodedBytes = 0

export function utf8Once(body: string): Buffer {
  let bytes = encoded.get(body)
  if (bytes) {
    // Most recently used last, so eviction takes the page nobody asked for longest.
    encoded.delete(body)
  } else {
    bytes = Buffer.from(body, 'utf8')
    encodedBytes += bytes.byteLength
    for (const [oldest, oldBytes] of encoded) {
      if (encodedBytes <= budgetBytes) break
      encoded.delete(oldest)
      encodedBytes -= oldBytes.byteLength
    }
  }
  encoded.set(body, bytes)
  return bytes
}

/** How much the memory holds, for tests. */
export function encodedPagesHeld(): { pages: number; bytes: number } {
  return { pages: encoded.size, bytes: encodedBytes }
}

const isUtf8 = (encoding: unknown) => typeof encoding !== 'string' || /^utf-?8$/i.test(encoding)

/** The response hook: a whole body of at least 16 KiB given to `end()` as a UTF-8 string goes out as its kept bytes. */
export function encodePagesOnce(res: ServerResponse): void {
  const end = res.end
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const [body, encoding] = args
    if (typeof body === 'string' && body.length >= minimumLength && isUtf8(encoding)) {
      args[0] = utf8Once(body)
      if (typeof encoding === 'string') args.splice(1, 1)
    }
    return (end as (...args: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['end']
}

const measured = Symbol.for('parley.measure-pages-once')

/**
 * Before `end()`, Next.js measures the page for its Content-Length with `Buffer.byteLength`, which walks a two-byte
 * string at a tenth of the speed of a one-byte one: large UTF-8 strings are measured from their kept bytes instead, so
 * a cached page is encoded once, here, and its `end()` finds the bytes made. With this, an interview costs `next start`
 * what a page of plain text of its size costs (bench/site-throughput.ts). Returns the undo, for tests.
 */
export function measurePagesOnce(): () => void {
  const target = Buffer as typeof Buffer & { [measured]?: true }
  if (target[measured]) return () => {}
  target[measured] = true
  const byteLength = Buffer.byteLength
  Buffer.byteLength = function (value: Parameters<typeof byteLength>[0], encoding?: BufferEncoding) {
    if (typeof value === 'string' && value.length >= minimumLength && isUtf8(encoding)) return utf8Once(value).byteLength
    return byteLength(value, encoding)
  }
  return () => {
    Buffer.byteLength = byteLength
    delete target[measured]
  }
}
