// Splits an article's blocks into its introduction and its questions with their answers.
import type { ArticleBlock } from './blocks.ts'

export type QuestionAndAnswer = { question: string; answer: ArticleBlock[] }

export type InterviewShape = { introduction: ArticleBlock[]; qa: QuestionAndAnswer[] }

/** How an article marks its questions; one article uses one way, so answers can hold the other kinds freely. */
type QuestionStyle = 'heading' | 'bold' | 'plain'

const ENDS_WITH_QUESTION_MARK = /\?["'”’»)\]]*$/
const Q_PREFIX = /^(Q|Question)\s*[:.)–—-]\s*/i
const A_PREFIX = /^(A|Answer)\s*[:.)–—-]\s*/i

const asksQuestion = (block: ArticleBlock) => ENDS_WITH_QUESTION_MARK.test(block.text)
const hasQPrefix = (block: ArticleBlock) =>
  (block.kind === 'paragraph' || block.kind === 'heading') && Q_PREFIX.test(block.text)

/**
 * Questions are headings, wholly bold paragraphs, or plain paragraphs ending in "?" — whichever of the three the
 * article uses most for sentences ending in "?" (ties: heading, then bold, then plain). A "Q:" prefix always marks one.
 * With bold questions every wholly bold paragraph is a question ("Tell us about your team."); with heading questions,
 * headings of the questions' level are, while deeper headings are the answers' sub-headings.
 * Consecutive question blocks are one question.
 */
export function splitQuestions(blocks: ArticleBlock[]): InterviewShape {
  const isQuestion = questionTest(blocks)
  const introduction: ArticleBlock[] = []
  const qa: QuestionAndAnswer[] = []
  let current: { lines: string[]; answer: ArticleBlock[] } | undefined
  const finish = () => {
    if (current) qa.push({ question: current.lines.join('\n'), answer: current.answer })
  }
  for (const block of blocks) {
    if (isQuestion(block)) {
      if (current && current.answer.length === 0) current.lines.push(questionText(block))
      else {
        finish()
        current = { lines: [questionText(block)], answer: [] }
      }
      continue
    }
    if (current) current.answer.push(block)
    else introduction.push(block)
  }
  finish()
  for (const pair of qa) stripLeadingLabel(pair.answer[0], A_PREFIX)
  return { introduction, qa }
}

function questionTest(blocks: ArticleBlock[]): (block: ArticleBlock) => boolean {
  const counts: Record<QuestionStyle, number> = { heading: 0, bold: 0, plain: 0 }
  for (const block of blocks) {
    if (!asksQuestion(block)) continue
    if (block.kind === 'heading') counts.heading += 1
    else if (block.kind === 'paragraph' && block.bold) counts.bold += 1
    else if (block.kind === 'paragraph') counts.plain += 1
  }
  const order: QuestionStyle[] = ['heading', 'bold', 'plain']
  const style = order.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), order[0]!)
  if (counts[style] === 0) return hasQPrefix
  if (style === 'bold') return (block) => hasQPrefix(block) || (block.kind === 'paragraph' && block.bold)
  if (style === 'plain')
    return (block) => hasQPrefix(block) || (block.kind === 'paragraph' && !block.bold && asksQuestion(block))
  const level = mostCommon(
    blocks.filter((block) => block.kind === 'heading' && asksQuestion(block)).map((block) => block.level!),
  )
  return (block) =>
    hasQPrefix(block) ||
    (block.kind === 'heading' &&
      block.level === level &&
      (asksQuestion(block) || leadsIntoQuestion(blocks, block, level)))
}

/** A heading of the questions' level right before a question heading is that question's first line. */
function leadsIntoQuestion(blocks: ArticleBlock[], block: ArticleBlock, level: number): boolean {
  for (let index = blocks.indexOf(block) + 1; index < blocks.length; index += 1) {
    const next = blocks[index]!
    if (next.kind !== 'heading' || next.level !== level) return false
    if (asksQuestion(next)) return true
  }
  return false
}

function mostCommon(values: number[]): number {
  const tally = new Map<number, number>()
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1)
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
}

function questionText(block: ArticleBlock): string {
  return block.text.replace(Q_PREFIX, '').trim()
}

/**
 * Removes transcript notation ("A: ", "Priya: ") from the start of an answer's first paragraph: it says who speaks,
 * which the interview's structure already says. The label must sit in the paragraph's first run of text.
 */
export function stripLeadingLabel(block: ArticleBlock | undefined, label: RegExp): void {
  if (!block || block.kind !== 'paragraph' || !label.test(block.text)) return
  const walker = block.element.ownerDocument.createTreeWalker(block.element, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? ''
    if (text.trim() === '') continue
    if (!label.test(text.trimStart())) return
    node.textContent = text.replace(/^\s*/, '').replace(label, '')
    if (
      node.textContent === '' &&
      node.parentElement &&
      node.parentElement !== block.element &&
      node.parentElement.textContent === ''
    ) {
      node.parentElement.remove()
    }
    break
  }
  block.text = block.text.replace(label, '')
}
