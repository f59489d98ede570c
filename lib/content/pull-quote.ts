// Picks the line that best sums an interview up for its social card: a pull quote, else the standfirst, else the first answer.
import type { Interview, PortableTextItem } from './schemas.ts'

function blockText(item: PortableTextItem): string {
  const children = Array.isArray(item.children) ? item.children : []
  return children
    .map((child) => (child && typeof child === 'object' && 'text' in child ? String(child.text) : ''))
    .join('')
}

export function socialQuote(interview: Interview, maxLength = 180): string | undefined {
  const blocks = interview.qa.flatMap((block) => block.answer).filter((item) => item._type === 'block')
  const quote = blocks.find((item) => item.style === 'blockquote')
  const text = (quote && blockText(quote)) || interview.standfirst || (blocks[0] && blockText(blocks[0])) || undefined
  if (!text) return undefined
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length <= maxLength ? clean : `${clean.slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…`
}
