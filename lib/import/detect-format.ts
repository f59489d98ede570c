// Reads an article file and decides whether it is HTML, Markdown or plain text, refusing empty and binary files.
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { ImportRefusal } from './refusal.ts'

export type ArticleFormat = 'html' | 'markdown' | 'plain-text'

export type ArticleSource = { file: string; format: ArticleFormat; text: string }

const EXTENSIONS: Record<string, ArticleFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.txt': 'plain-text',
  '.text': 'plain-text',
}

/** The extensions a folder import picks up; everything else in a folder (images, JSON) is left alone. */
export const ARTICLE_EXTENSIONS = Object.keys(EXTENSIONS)

export function readArticleSource(file: string): ArticleSource {
  const bytes = readFileSync(file)
  return { file, ...classifyArticleBytes(file, bytes) }
}

export function classifyArticleBytes(file: string, bytes: Uint8Array): { format: ArticleFormat; text: string } {
  if (bytes.length === 0) throw new ImportRefusal(file, 'the file is empty: there is no article to import')
  if (looksBinary(bytes)) {
    throw new ImportRefusal(file, 'the file is binary, not text: export the article as HTML, Markdown or plain text (UTF-8)')
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new ImportRefusal(file, 'the file holds only whitespace: there is no article to import')
  const byExtension = EXTENSIONS[extname(file).toLowerCase()]
  return { format: byExtension ?? sniffFormat(text), text }
}

/** NUL bytes, or many bytes that are not valid UTF-8, mean an image, a PDF or an archive rather than an article. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  if (sample.includes(0)) return true
  const decoded = new TextDecoder('utf-8').decode(sample)
  const replaced = decoded.split('\uFFFD').length - 1
  return replaced > Math.max(2, decoded.length / 100)
}

/** For files without a known extension: markup first, then Markdown's own markers, else plain text. */
function sniffFormat(text: string): ArticleFormat {
  const head = text.trimStart().slice(0, 2000).toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(article|body|p|h1|h2|div)[\s>]/.test(head)) return 'html'
  if (/^(#{1,6} |\*\*|> |---\n|[-*] )/m.test(text.slice(0, 4000))) return 'markdown'
  return 'plain-text'
}
