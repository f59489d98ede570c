// Gives each question a stable, readable anchor id for its heading, the table of contents and shared links.
import { stegaClean } from '@sanity/client/stega'

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
}

/** One id per question, in order; repeated or empty questions get a numbered id so anchors never collide. */
export function questionAnchors(questions: string[]): string[] {
  const seen = new Set<string>()
  return questions.map((question, index) => {
    let id = slugify(stegaClean(question)) || `question-${index + 1}`
    if (seen.has(id)) id = `${id}-${index + 1}`
    seen.add(id)
    return id
  })
}
