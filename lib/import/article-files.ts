// Expands the command line's files and folders into the article files to import, in a stable order.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { ARTICLE_EXTENSIONS } from './detect-format.ts'
import { ImportRefusal } from './refusal.ts'

export type ArticleFiles = { files: string[]; refused: ImportRefusal[] }

/** A file is taken as given (whatever its extension); a folder contributes every article file under it. */
export function collectArticleFiles(paths: string[]): ArticleFiles {
  const files: string[] = []
  const refused: ImportRefusal[] = []
  for (const path of paths) {
    if (!existsSync(path)) {
      refused.push(new ImportRefusal(path, 'no such file or folder'))
      continue
    }
    if (!statSync(path).isDirectory()) {
      files.push(path)
      continue
    }
    const found = articlesUnder(path)
    if (found.length === 0)
      refused.push(new ImportRefusal(path, `the folder holds no article files (${ARTICLE_EXTENSIONS.join(', ')})`))
    files.push(...found)
  }
  return { files: [...new Set(files)], refused }
}

function articlesUnder(folder: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...articlesUnder(path))
    else if (entry.isFile() && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(path)
  }
  return found
}
