// Flattens an article body into its sequence of top-level blocks (paragraphs, headings, lists, quotes, code, figures).

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'code' | 'figure' | 'other'

export type ArticleBlock = {
  element: Element
  kind: BlockKind
  /** 1–6 for headings. */
  level?: number
  /** The text as a reader sees it: whitespace collapsed, `<br>` kept as a line break. */
  text: string
  /** Every letter of the block sits inside <strong>/<b>: how many blogs mark a question. */
  bold: boolean
}

const BLOCK_TAGS: Record<string, BlockKind> = {
  p: 'paragraph',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  ul: 'list',
  ol: 'list',
  blockquote: 'quote',
  pre: 'code',
  figure: 'figure',
  img: 'figure',
  picture: 'figure',
  table: 'other',
  dl: 'other',
}

/** Elements that only group blocks (Medium nests every paragraph in section > div.section-content > div.section-inner). */
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'header', 'body', 'center', 'span'])

export function bodyRoot(document: Document): Element {
  return (
    document.querySelector('section[data-field="body"]') ??
    document.querySelector('article .e-content') ??
    document.querySelector('article') ??
    document.querySelector('main') ??
    document.body
  )
}

export function flattenBlocks(root: Element): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  let loose: Element | undefined
  for (const node of [...root.childNodes]) {
    if (node.nodeType === node.TEXT_NODE || (node.nodeType === node.ELEMENT_NODE && !isBlockish(node as Element))) {
      // Text and inline markup straight inside a container (a bare <div>text</div>) make a paragraph of their own.
      if (node.nodeType === node.TEXT_NODE && (node.textContent ?? '').trim() === '') continue
      if (!loose) {
        loose = root.ownerDocument.createElement('p')
        blocks.push({ element: loose, kind: 'paragraph', text: '', bold: false })
      }
      loose.append(node.cloneNode(true))
      continue
    }
    if (node.nodeType !== node.ELEMENT_NODE) continue
    loose = undefined
    const element = node as Element
    const tag = element.tagName.toLowerCase()
    const kind = BLOCK_TAGS[tag]
    if (kind)
      blocks.push({
        element,
        kind,
        level: kind === 'heading' ? Number(tag.slice(1)) : undefined,
        text: '',
        bold: false,
      })
    else blocks.push(...flattenBlocks(element))
  }
  for (const block of blocks) {
    block.text = readableText(block.element)
    block.bold = block.kind !== 'heading' && isWhollyBold(block.element)
  }
  // A paragraph holding only an image (Markdown's `![alt](src)`) has no text but is content.
  return blocks.filter(
    (block) => block.text !== '' || block.kind === 'figure' || block.element.querySelector('img') !== null,
  )
}

function isBlockish(element: Element): boolean {
  const tag = element.tagName.toLowerCase()
  if (tag === 'span') return element.querySelector(Object.keys(BLOCK_TAGS).join(',')) !== null
  return tag in BLOCK_TAGS || CONTAINER_TAGS.has(tag)
}

/** textContent with `<br>` as a newline and every other run of whitespace as one space. */
export function readableText(element: Element): string {
  const parts: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) parts.push((node.textContent ?? '').replace(/\s+/g, ' '))
    else if (node.nodeType === node.ELEMENT_NODE && (node as Element).tagName.toLowerCase() === 'br') parts.push('\n')
    else node.childNodes.forEach(walk)
  }
  walk(element)
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

function isWhollyBold(element: Element): boolean {
  let sawText = false
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.textContent ?? '').trim() === '') continue
    sawText = true
    if (!node.parentElement?.closest('strong, b')) return false
    if (!element.contains(node.parentElement.closest('strong, b'))) return false
  }
  return sawText
}
