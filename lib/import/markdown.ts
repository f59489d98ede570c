// Turns a Markdown article into HTML (CommonMark + GitHub extensions) and reads its YAML front matter.
import { parse as parseYaml } from 'yaml'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import rehypeStringify from 'rehype-stringify'

export type FrontMatter = Record<string, unknown>

export type MarkdownArticle = { html: string; frontMatter: FrontMatter }

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify)

export function markdownToHtml(markdown: string): MarkdownArticle {
  const { body, frontMatter } = splitFrontMatter(markdown)
  return { html: String(processor.processSync(body)), frontMatter }
}

/** Front matter is a YAML block fenced by `---` lines at the very top (Jekyll, Hugo, dev.to, Ghost exports). */
function splitFrontMatter(markdown: string): { body: string; frontMatter: FrontMatter } {
  const lines = markdown.split(/\r?\n/)
  if (lines[0]?.trim() !== '---') return { body: markdown, frontMatter: {} }
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) return { body: markdown, frontMatter: {} }
  let frontMatter: FrontMatter = {}
  try {
    const parsed: unknown = parseYaml(lines.slice(1, end).join('\n'))
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontMatter = parsed as FrontMatter
  } catch {
    // Broken front matter is treated as absent rather than refusing an otherwise good article.
  }
  return { body: lines.slice(end + 1).join('\n'), frontMatter }
}
