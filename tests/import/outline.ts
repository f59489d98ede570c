// Reduces Portable Text answers to one readable line per block, so tests state the exact answer structure.
type Item = {
  _type: string
  style?: string
  listItem?: string
  children?: { text: string; marks: string[] }[]
  markDefs?: { _key: string; _type: string; href?: string }[]
  alt?: string
  caption?: string
  language?: string
  code?: string
  asset?: { _ref: string }
  _sanityAsset?: string
}

export function outline(answer: unknown[]): string[] {
  return (answer as Item[]).map((item) => {
    if (item._type === 'image') return `image: ${item.alt}${item.caption ? ` | ${item.caption}` : ''}`
    if (item._type === 'codeBlock') return `code(${item.language ?? ''}): ${item.code}`
    const kind = item.listItem ?? item.style
    const text = (item.children ?? [])
      .map((span) => {
        const link = item.markDefs?.find((def) => span.marks.includes(def._key))
        const decorators = span.marks.filter((mark) => ['strong', 'em', 'code'].includes(mark))
        let out = span.text
        for (const mark of decorators) out = `<${mark}>${out}</${mark}>`
        return link ? `[${out}](${link.href})` : out
      })
      .join('')
    return `${kind}: ${text}`
  })
}
