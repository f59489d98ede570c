// Reads one article file into an imported interview: metadata, speaker, and questions with Portable Text answers.
import { dirname } from 'node:path'
import type { PortableTextBlock } from '@portabletext/block-tools'
import { bodyRoot, flattenBlocks, type ArticleBlock } from './blocks.ts'
import { isAuthorBoxName, isChromeText, isClosingCall, removeChromeElements } from './chrome.ts'
import type { ArticleSource } from './detect-format.ts'
import { parseHtmlDocument } from './dom.ts'
import { answerToPortableText } from './html.ts'
import { markdownToHtml, type FrontMatter } from './markdown.ts'
import { readMetadata } from './metadata.ts'
import { plainTextToHtml } from './plain-text.ts'
import { parsePublicationDate } from './publication-date.ts'
import { splitQuestions, stripLeadingLabel } from './questions.ts'
import { ImportRefusal } from './refusal.ts'
import { slugify } from './slug.ts'
import { bylineName, findSpeaker, parseSpeakerOption, type Speaker } from './speaker.ts'

export type ImportedQaBlock = { _type: 'qaBlock'; _key: string; question: string; answer: PortableTextBlock[] }

export type ImportedInterview = {
  file: string
  format: ArticleSource['format']
  title: string
  slug: string
  standfirst?: string
  publishedAt?: string
  canonicalUrl?: string
  /** Where it first appeared (a Medium publication): the interview's `originalPublication`. */
  publication?: string
  speaker: Speaker
  /** The post's author, when the article names one other than the speaker. */
  interviewer?: Speaker
  qa: ImportedQaBlock[]
  warnings: string[]
}

export type ReadOptions = {
  /** The speaker as the editor states it, for articles that do not name them in a recognisable way. */
  speaker?: Speaker
}

export function readInterviewArticle(source: ArticleSource, options: ReadOptions = {}): ImportedInterview {
  const { file } = source
  const warnings: string[] = []
  let html = source.text
  let frontMatter: FrontMatter = {}
  if (source.format === 'markdown') ({ html, frontMatter } = markdownToHtml(source.text))
  else if (source.format === 'plain-text') ({ html, frontMatter } = plainTextToHtml(source.text))

  const document = parseHtmlDocument(html)
  const metadata = readMetadata(document, frontMatter, source.savedAt)
  if (metadata.dateNote) warnings.push(metadata.dateNote)
  const title = metadata.title
  if (!title)
    throw new ImportRefusal(
      file,
      'no title found: the article needs an <h1>, a <title>, a "# Title" line or a first line of text',
    )

  const root = bodyRoot(document)
  removeChromeElements(root)
  let blocks = flattenBlocks(root)
  blocks = withoutRepeatedTitle(blocks, title, metadata.subtitle)
  const dated = blocks.find((block) => isDateLine(block.text))
  const author = metadata.author ?? authorFromBlocks(blocks)
  const publishedAt = metadata.publishedAt ?? (dated ? parsePublicationDate(dated.text) : undefined)
  blocks = withoutChrome(blocks)

  const { introduction, qa } = splitQuestions(blocks)
  if (qa.length === 0) {
    throw new ImportRefusal(
      file,
      'no questions recognised, so this does not read as an interview and was not imported. Mark each question as a heading, a bold paragraph, a paragraph ending in "?" or a line starting with "Q:"',
    )
  }
  const last = qa[qa.length - 1]!
  while (last.answer.length > 0 && isClosingCall(last.answer[last.answer.length - 1]!.text)) last.answer.pop()

  const introText = introduction
    .filter((block) => block.kind === 'paragraph' || block.kind === 'heading')
    .map((block) => block.text)
  const speaker =
    options.speaker ??
    (typeof frontMatter.speaker === 'string' ? parseSpeakerOption(frontMatter.speaker) : undefined) ??
    findSpeaker([title, metadata.subtitle ?? '', ...introText])
  if (!speaker) {
    throw new ImportRefusal(
      file,
      'no speaker found: the title or introduction should name them ("An interview with NAME | ROLE", "NAME, ROLE at COMPANY, joined us to talk about…", "Speaker: NAME, ROLE"), or pass --speaker "NAME, ROLE"',
    )
  }

  const interviewer =
    author && author.toLocaleLowerCase() !== speaker.name.toLocaleLowerCase() ? { name: author } : undefined
  // Transcripts label each turn with who speaks ("Sam: How…?" / "Priya: We…"); the Q&A structure says it already.
  const interviewerTurn = turnLabel(interviewer)
  const speakerTurn = turnLabel(speaker)
  for (const pair of qa) {
    if (interviewerTurn) pair.question = pair.question.replace(interviewerTurn, '')
    if (speakerTurn) stripLeadingLabel(pair.answer[0], speakerTurn)
  }

  let key = 0
  const keyGenerator = () => `k${(key++).toString(36).padStart(3, '0')}`
  const baseDir = dirname(file)
  const importedQa = qa.map((pair, index): ImportedQaBlock => {
    const warn = (message: string) => warnings.push(`question ${index + 1}: ${message}`)
    if (pair.answer.length === 0) warn(`"${pair.question}" has no answer`)
    const answer = answerToPortableText(
      pair.answer.map((block) => block.element),
      { baseDir, keyGenerator, warn },
    )
    return { _type: 'qaBlock', _key: `qa${index + 1}`, question: pair.question, answer }
  })

  const introParagraphs = introduction.filter(
    (block) => block.kind === 'paragraph' && !/^(speaker|interviewee|guest)\s*:/i.test(block.text),
  )
  const standfirst =
    metadata.subtitle ?? (introParagraphs.map((block) => block.text).join('\n\n') || metadata.description)
  if (metadata.subtitle && introParagraphs.length > 0) {
    warnings.push(
      `the introduction (${introParagraphs.length} paragraph${introParagraphs.length === 1 ? '' : 's'}) is not imported: the subtitle became the standfirst`,
    )
  }
  const slug = slugify(typeof frontMatter.slug === 'string' ? frontMatter.slug : title)
  if (slug === '')
    throw new ImportRefusal(
      file,
      `the title "${title}" gives no usable slug: give the article a title with letters or digits`,
    )

  return {
    file,
    format: source.format,
    title,
    slug,
    ...(standfirst ? { standfirst } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(metadata.canonicalUrl ? { canonicalUrl: metadata.canonicalUrl } : {}),
    ...(metadata.publication ? { publication: metadata.publication } : {}),
    speaker,
    ...(interviewer ? { interviewer } : {}),
    qa: importedQa,
    warnings,
  }
}

/** "Priya Raman:" or "Priya:" at the start of a turn. */
function turnLabel(person: Speaker | undefined): RegExp | undefined {
  if (!person) return undefined
  const names = [...new Set([person.name, person.name.split(' ')[0]!])].map((name) =>
    name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  )
  return new RegExp(`^(?:${names.join('|')})\\s*:\\s*`, 'u')
}

/** Medium and many themes repeat the title (and subtitle) as the body's first blocks. */
function withoutRepeatedTitle(blocks: ArticleBlock[], title: string, subtitle: string | undefined): ArticleBlock[] {
  const repeats = new Set([title, subtitle].filter(Boolean).map((text) => text!.replace(/\s+/g, ' ').trim()))
  const leading = blocks.slice(0, 6)
  return blocks.filter((block) => !(leading.includes(block) && repeats.has(block.text.replace(/\s+/g, ' '))))
}

/** "Mar 3, 2024", "Published on March 3, 2024", "Mar 3, 2024 · 6 min read": a dateline, not content. */
function isDateLine(text: string): boolean {
  if (text.length > 80) return false
  const rest = text
    .replace(/\b(published|posted|updated|on)\b/gi, ' ')
    .replace(/\d+\s*min(ute)?s?\s+read/gi, ' ')
    .replace(/[·•|–—-]/g, ' ')
    .trim()
  return (
    rest !== '' &&
    parsePublicationDate(rest) !== undefined &&
    /^[\p{L}.,\s\d]+$/u.test(rest) &&
    rest.split(/\s+/).length <= 4
  )
}

/** A byline or a copied author box ("Dario Lentz" over "Follow") among the paragraphs, before chrome is dropped. */
function authorFromBlocks(blocks: ArticleBlock[]): string | undefined {
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'paragraph') continue
    const name =
      bylineName(block.text) ??
      (isAuthorBoxName(block.text, blocks[index + 1]?.text) ? bylineName(block.text, { bare: true }) : undefined)
    if (name) return name
  }
  return undefined
}

function withoutChrome(blocks: ArticleBlock[]): ArticleBlock[] {
  return blocks.filter((block, index) => {
    if (block.kind !== 'paragraph' && block.kind !== 'heading') return true
    if (block.text === '') return block.element.querySelector('img') !== null
    if (isChromeText(block.text) || isDateLine(block.text)) return false
    return !isAuthorBoxName(block.text, blocks[index + 1]?.text)
  })
}
