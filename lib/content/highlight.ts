// Highlights code blocks on the server with shiki, so readers get coloured HTML and no highlighting JavaScript.
import { stegaClean } from '@sanity/client/stega'
import 'server-only'
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki'
import type { Interview, PortableTextItem } from './schemas.ts'

const themes = { light: 'github-light', dark: 'github-dark' } as const
let highlighter: Promise<Highlighter> | undefined

/** Editors type language names freely ("JS", "shell"); map the common ones to shiki's ids. */
function languageId(language: unknown): BundledLanguage | 'text' {
  const name = typeof language === 'string' ? language.trim().toLowerCase() : ''
  const aliases: Record<string, string> = {
    js: 'javascript',
    ts: 'typescript',
    sh: 'bash',
    shell: 'bash',
    zsh: 'bash',
    yml: 'yaml',
    golang: 'go',
    py: 'python',
    rs: 'rust',
  }
  const id = aliases[name] ?? name
  return id in bundledLanguages ? (id as BundledLanguage) : 'text'
}

export async function highlightCode(code: string, language: unknown): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(themes), langs: [] })
  const shiki = await highlighter
  const lang = languageId(language)
  if (lang !== 'text' && !shiki.getLoadedLanguages().includes(lang)) await shiki.loadLanguage(lang)
  return shiki.codeToHtml(code, { lang, themes, defaultColor: 'light' })
}

/** Returns the interview with every `codeBlock` carrying its highlighted `html`, ready for synchronous rendering. */
export async function withHighlightedCode(interview: Interview): Promise<Interview> {
  const qa = await Promise.all(
    interview.qa.map(async (block) => ({
      ...block,
      answer: await Promise.all(
        block.answer.map(async (item): Promise<PortableTextItem> => {
          if (item._type !== 'codeBlock' || typeof item.code !== 'string') return item
          try {
            return { ...item, html: await highlightCode(stegaClean(item.code), stegaClean(item.language)) }
          } catch (error) {
            // An unhighlightable block still shows its code as plain text.
            console.warn(`[content] could not highlight a ${String(item.language)} block in ${interview._id}:`, error)
            return item
          }
        }),
      ),
    })),
  )
  return { ...interview, qa }
}
