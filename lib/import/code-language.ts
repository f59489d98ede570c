// Maps the language names articles use for code (class="language-js", ```golang) to the code block's language list.

/** The values of the content model's code block language list (schemas/objects/codeBlock.ts); tests keep them in step. */
export const CODE_LANGUAGES = [
  'text',
  'shell',
  'typescript',
  'javascript',
  'tsx',
  'json',
  'yaml',
  'sql',
  'groq',
  'go',
  'rust',
  'python',
  'java',
  'kotlin',
  'html',
  'css',
  'dockerfile',
  'diff',
] as const

export type CodeLanguage = (typeof CODE_LANGUAGES)[number]

const ALIASES: Record<string, CodeLanguage> = {
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
export function codeLanguageFor(name: string | undefined): CodeLanguage {
  const key = name?.trim().toLowerCase() ?? ''
  if ((CODE_LANGUAGES as readonly string[]).includes(key)) return key as CodeLanguage
  return ALIASES[key] ?? 'text'
}
