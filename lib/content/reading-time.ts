// Estimates reading time from a word count, at a long-read pace.

const wordsPerMinute = 230

export function readingMinutes(wordCount: number | undefined): number {
  return Math.max(1, Math.round((wordCount ?? 0) / wordsPerMinute))
}
