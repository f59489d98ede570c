// Turns text copied from a web page into an HTML document: one paragraph a line, lists and short titles recognised.
import { isChromeText } from './chrome.ts'
import { parseHtmlDocument } from './dom.ts'
import type { FrontMatter } from './markdown.ts'
import { readMediumHeader } from './medium-header.ts'

const BULLET = /^\s*[-*•◦▪–]\s+(.*)$/
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/

export type PlainTextArticle = { html: string; frontMatter: FrontMatter }

/**
 * Copied web text loses its markup but keeps one line per paragraph, so each line becomes a block.
 * The first line is the title. A short line without closing punctuation between paragraphs reads
 * as a sub-heading (rendered h3); quoted standalone lines stay paragraphs. A Medium header under
 * the title (byline, publication, reading time, date) is the article's front matter, not its text.
 */
export function plainTextToHtml(text: string): PlainTextArticle {
  const document = parseHtmlDocument('<!doctype html><html><head></head><body><article></article></body></html>')
  const article = document.querySelector('article')!
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim())
  // A page copied whole starts with the site's navigation ("Open in app", "Sign in"): the title is the first real line.
  const titleIndex = lines.findIndex((line) => !isChromeText(line))
  const header = titleIndex < 0 ? undefined : readMediumHeader(lines, titleIndex)
  const frontMatter: FrontMatter = {
    ...(header?.author ? { author: header.author } : {}),
    ...(header?.publication ? { publication: header.publication } : {}),
    ...(header?.date ? { date: header.date } : {}),
  }
  const append = (tag: string, content: string) => {
    const block = document.createElement(tag)
    block.append(content)
    article.append(block)
    return block
  }
  if (titleIndex >= 0) append('h1', lines[titleIndex]!)
  for (const line of header?.subtitle ?? []) append('p', line)
  const bodyStart = header?.bodyStart ?? (titleIndex < 0 ? lines.length : titleIndex + 1)

  let list: HTMLElement | undefined
  const leadIns = questionLeadIns(lines)
  lines.forEach((line, index) => {
    if (index < bodyStart || line === '' || leadIns.has(index)) {
      list = undefined
      return
    }
    const bullet = BULLET.exec(line)
    const numbered = bullet ? null : NUMBERED.exec(line)
    if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol'
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = document.createElement(tag)
        article.append(list)
      }
      const item = document.createElement('li')
      item.textContent = (bullet ?? numbered)![1]!
      list.append(item)
      return
    }
    list = undefined
    const heading = looksLikeSubHeading(line, nearestText(lines, index, -1), nearestText(lines, index, 1))
    const block = append(heading ? 'h3' : 'p', line)
    // A question's lead-in lines travel with it, as line breaks inside the question's paragraph.
    for (let lead = index - 1; lead >= bodyStart && leadIns.has(lead); lead -= 1)
      block.prepend(lines[lead]!, document.createElement('br'))
  })
  return { html: `<!doctype html>${document.documentElement.outerHTML}`, frontMatter }
}

/**
 * "You said adoption was voluntary." / "How did you get twelve teams on board?": at the start of a paragraph group
 * (lines between blank lines), up to two short lines right before a line ending in "?" belong to that question.
 */
function questionLeadIns(lines: string[]): Set<number> {
  const leadIns = new Set<number>()
  lines.forEach((line, index) => {
    const startsGroup = index > 0 && line !== '' && lines[index - 1] === ''
    if (!startsGroup) return
    for (let offset = 1; offset <= 2; offset += 1) {
      const candidate = lines[index + offset]
      if (candidate === undefined || candidate === '') return
      const before = lines.slice(index, index + offset)
      if (before.some((lead) => lead.endsWith('?') || lead.length > 200 || BULLET.test(lead) || NUMBERED.test(lead)))
        return
      if (/\?["'”’)]*$/.test(candidate)) {
        for (let lead = index; lead < index + offset; lead += 1) leadIns.add(lead)
        return
      }
    }
  })
  return leadIns
}

function nearestText(lines: string[], from: number, step: 1 | -1): string | undefined {
  for (let index = from + step; index >= 0 && index < lines.length; index += step) {
    if (lines[index] !== '') return lines[index]
  }
  return undefined
}

/** A sub-heading: a few words starting with a capital, no closing punctuation, with a longer paragraph after it. */
function looksLikeSubHeading(line: string, previous: string | undefined, next: string | undefined): boolean {
  const words = line.split(' ').length
  if (words > 8 || line.length > 60) return false
  if (!/^\p{Lu}/u.test(line) || /[.!?:;,…"”'’)]$/.test(line)) return false
  if (previous === undefined || next === undefined) return false
  return next.length > line.length * 2 && /[.!?"”]$/.test(previous)
}
