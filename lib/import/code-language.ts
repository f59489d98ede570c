// Maps the language names articles use for code (class="language-js", ```golang) to the code block's language list.
import { codeLanguages } from '../../schemas/objects/codeBlock.ts'

/** The values of the content model's code block language list; the aliases name only these (tested). */
export const CODE_LANGUAGES: readonly string[] = codeLanguages.map((language) => language.value)

export const CODE_LANGUAGE_ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  console: 'shell',
  shellscript: 'shell',
  terminal: 'shell',
  yml: 'yaml',
  golang: 'go',
  rs: 'rust',
  py: 'python',
  python3: 'python',
  kt: 'kotlin',
  xml: 'html',
  xhtml: 'html',
  docker: 'dockerfile',
  patch: 'diff',
  plaintext: 'text',
  txt: 'text',
  plain: 'text',
  postgres: 'sql',
  postgresql: 'sql',
  mysql: 'sql',
}

/** The code block requires a language; code an article did not label (or labelled unknowably) is plain text. */
export function codeLanguageFor(name: string | undefined): string {
  const key = name?.trim().toLowerCase() ?? ''
  if (CODE_LANGUAGES.includes(key)) return key
  return CODE_LANGUAGE_ALIASES[key] ?? 'text'
}
