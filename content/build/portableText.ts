// Turns the sample content's small answer markup into Portable Text blocks, as the Studio would store them.

export type Span = { _type: 'span'; _key: string; text: string; marks: string[] }
export type LinkDefinition = { _type: 'link'; _key: string; href: string }
export type TextBlock = {
  _type: 'block'
  _key: string
  style: 'normal' | 'h3' | 'blockquote'
  children: Span[]
  markDefs: LinkDefinition[]
  listItem?: 'bullet' | 'number'
  level?: number
}
export type CodeBlock = { _type: 'codeBlock'; _key: string; language: string; filename?: string; code: string }
export type InlineImage = { _type: 'image'; _key: string; _sanityAsset: string; alt: string; caption?: string }
export type AnswerBlock = TextBlock | CodeBlock | InlineImage

export type MarkupContext = {
  /** A fresh, stable `_key` for each block, span and link. */
  nextKey: () => string
  /** The export-form image for `![name]`. */
  image: (name: string) => Omit<InlineImage, '_key'>
}

const inlinePattern = /\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\[(.+?)\]\((.+?)\)/g

/** Splits one line of text into spans with `strong`, `em`, `code` and link marks. */
export function parseInline(text: string, context: MarkupContext): { children: Span[]; markDefs: LinkDefinition[] } {
  const children: Span[] = []
  const markDefs: LinkDefinition[] = []
  const push = (spanText: string, marks: string[]) => {
    if (spanText) children.push({ _type: 'span', _key: context.nextKey(), text: spanText, marks })
  }
  let last = 0
  for (const match of text.matchAll(inlinePattern)) {
    push(text.slice(last, match.index), [])
    const [, strong, em, code, linkText, href] = match
    if (strong !== undefined) push(strong, ['strong'])
    else if (em !== undefined) push(em, ['em'])
    else if (code !== undefined) push(code, ['code'])
    else if (linkText !== undefined && href !== undefined) {
      const link: LinkDefinition = { _type: 'link', _key: context.nextKey(), href }
      markDefs.push(link)
      push(linkText, [link._key])
    }
    last = (match.index ?? 0) + match[0].length
  }
  push(text.slice(last), [])
  if (children.length === 0) push(' ', [])
  return { children, markDefs }
}

function textBlock(
  text: string,
  style: TextBlock['style'],
  context: MarkupContext,
  listItem?: TextBlock['listItem'],
): TextBlock {
  const block: TextBlock = { _type: 'block', _key: context.nextKey(), style, ...parseInline(text, context) }
  if (listItem) Object.assign(block, { listItem, level: 1 })
  return block
}

/** Parses an answer: blank lines separate blocks; fenced code may contain blank lines. */
export function markupToPortableText(markup: string, context: MarkupContext): AnswerBlock[] {
  const blocks: AnswerBlock[] = []
  const lines = markup.replace(/\r\n/g, '\n').split('\n')
  let paragraph: string[] = []
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push(textBlock(paragraph.join(' '), 'normal', context))
    paragraph = []
  }
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] as string).trimEnd()
    const fence = /^```(\w+)?(?:\s+(\S+))?$/.exec(line)
    if (fence) {
      flushParagraph()
      const code: string[] = []
      for (index += 1; index < lines.length && lines[index] !== '```'; index += 1) code.push(lines[index] as string)
      if (index >= lines.length) throw new Error(`Unclosed code fence in answer starting "${markup.slice(0, 60)}…"`)
      blocks.push({
        _type: 'codeBlock',
        _key: context.nextKey(),
        language: fence[1] ?? 'text',
        ...(fence[2] ? { filename: fence[2] } : {}),
        code: code.join('\n'),
      })
      continue
    }
    if (line.trim() === '') {
      flushParagraph()
      continue
    }
    const image = /^!\[([\w-]+)\]$/.exec(line.trim())
    const heading = /^### (.+)$/.exec(line)
    const quote = /^> (.+)$/.exec(line)
    const bullet = /^- (.+)$/.exec(line)
    const numbered = /^\d+\. (.+)$/.exec(line)
    if (image || heading || quote || bullet || numbered) flushParagraph()
    if (image) blocks.push({ _key: context.nextKey(), ...context.image(image[1] as string) })
    else if (heading) blocks.push(textBlock(heading[1] as string, 'h3', context))
    else if (quote) blocks.push(textBlock(quote[1] as string, 'blockquote', context))
    else if (bullet) blocks.push(textBlock(bullet[1] as string, 'normal', context, 'bullet'))
    else if (numbered) blocks.push(textBlock(numbered[1] as string, 'normal', context, 'number'))
    else paragraph.push(line.trim())
  }
  flushParagraph()
  return blocks
}
