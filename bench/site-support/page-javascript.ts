// Measures the JavaScript a page makes a browser download: every <script src> and inline script in its HTML, gzipped.
import { gzipSync } from 'node:zlib'

/** `chunks`: the JavaScript files; `inline`: inline scripts (mostly the RSC payload, which grows with the content). */
export type PageJavaScript = {
  url: string
  chunks: number
  chunkGzipBytes: number
  inlineGzipBytes: number
  gzipBytes: number
}

export async function pageJavaScript(url: string): Promise<PageJavaScript> {
  const response = await fetch(url)
  const html = await response.text()
  const sources = new Set<string>()
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
    sources.add(new URL(match[1]!.replace(/&amp;/g, '&'), url).toString())
  // Preloaded chunks are fetched too (Next loads them as part of hydration).
  for (const match of html.matchAll(/<link\b[^>]*rel="preload"[^>]*as="script"[^>]*href="([^"]+)"/g))
    sources.add(new URL(match[1]!, url).toString())
  for (const match of html.matchAll(/<link\b[^>]*as="script"[^>]*rel="preload"[^>]*href="([^"]+)"/g))
    sources.add(new URL(match[1]!, url).toString())
  const inline = [
    ...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g),
  ].map((match) => match[1]!)
  let chunkGzipBytes = 0
  for (const source of sources)
    chunkGzipBytes += gzipSync(Buffer.from(await (await fetch(source)).arrayBuffer())).length
  // The inline scripts travel in one HTML response, so they are compressed together.
  const inlineGzipBytes = inline.length ? gzipSync(inline.join('\n')).length : 0
  return { url, chunks: sources.size, chunkGzipBytes, inlineGzipBytes, gzipBytes: chunkGzipBytes + inlineGzipBytes }
}
