// Reads an article file and decides whether it is HTML, Markdown or plain text, refusing empty and binary files.
import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { ImportRefusal } from './refusal.ts'

export type ArticleFormat = 'html' | 'markdown' | 'plain-text'

export type ArticleSource = {
  file: string
  format: ArticleFormat
  text: string
  /** When the text was saved (the file's modification time): what "3 days ago" on a copied page counts from. */
  savedAt?: Date
}

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
  return { file, ...classifyArticleBytes(file, bytes), savedAt: statSync(file).mtime }
}

export function classifyArticleBytes(file: string, bytes: Uint8Array): { format: ArticleFormat; text: string } {
  if (bytes.length === 0) throw new ImportRefusal(file, 'the file is empty: there is no article to import')
  const text = decodeText(bytes)
  if (text === undefined) {
    throw new ImportRefusal(
      file,
      'the file is binary, not text: export the article as HTML, Markdown or plain text (UTF-8)',
    )
  }
  if (text.trim() === '') throw new ImportRefusal(file, 'the file holds only whitespace: there is no article to import')
  const byExtension = EXTENSIONS[extname(file).toLowerCase()]
  return { format: byExtension ?? sniffFormat(text), text }
}

/**
 * The file's text: UTF-8, or UTF-16 with its byte-order mark (Windows "Unicode" saves), or else Windows-1252 (older
 * exports), whose every byte is a character. NUL bytes or many control characters mean an image, a PDF or an archive.
 */
function decodeText(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes)
  }
  const sample = bytes.subarray(0, 8192)
  if (sample.includes(0)) return undefined
  const controls = sample.filter(
    (byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c,
  ).length
  if (controls > Math.max(2, sample.length / 100)) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** For files without a known extension: markup first, then Markdown's own markers, else plain text. */
function sniffFormat(text: string): ArticleFormat {
  const head = text.trimStart().slice(0, 2000).toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(article|body|p|h1|h2|div)[\s>]/.test(head))
    return 'html'
  if (/^(#{1,6} |\*\*|> |---\n|[-*] )/m.test(text.slice(0, 4000))) return 'markdown'
  return 'plain-text'
}
