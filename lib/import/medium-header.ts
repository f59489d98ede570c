// Reads the header Medium shows under a post's title, as copied text: byline, publication, reading time, date, clap bar.
import { isChromeText } from './chrome.ts'
import { isDateText } from './publication-date.ts'
import { bylineName } from './speaker.ts'

export type MediumHeader = {
  /** The lines the author wrote under the title (Medium's subtitle): article text, unlike the rest of the header. */
  subtitle: string[]
  author?: string
  publication?: string
  /** The date as the page showed it: "Mar 3, 2024", "Jun 2", "3 days ago". */
  date?: string
  /** The index of the article's first line after the header. */
  bodyStart: number
}

/** Medium shows a reading time on every post: it is what tells its header from an article's first lines. */
const READING_TIME = /^(\d+\s*min read)(.*)$/i
/** The reading time comes within this many lines under the title (byline, follow button, publication, blank lines). */
const REACH = 16
/** The whole header, clap bar included, fits in this many lines under the title. */
const WINDOW = 40

type PieceKind = 'reading-time' | 'date' | 'published-in' | 'follow' | 'chrome' | 'text'
type Piece = { line: number; text: string; kind: PieceKind }

/** The header that follows the title at `titleIndex`, or undefined when the text has no Medium header. */
export function readMediumHeader(lines: string[], titleIndex: number): MediumHeader | undefined {
  const pieces = lines
    .slice(titleIndex + 1, titleIndex + 1 + WINDOW)
    .flatMap((text, offset) =>
      piecesOf(text).map((piece): Piece => ({ line: titleIndex + 1 + offset, text: piece, kind: kindOf(piece) })),
    )
  const readingTime = pieces.findIndex((piece) => piece.kind === 'reading-time')
  if (readingTime < 0 || pieces[readingTime]!.line - titleIndex > REACH) return undefined

  // After the reading time come the date, the clap bar ("--", counts) and "Listen", "Share": up to the first text.
  let end = readingTime + 1
  while (end < pieces.length && pieces[end]!.kind !== 'text') end += 1

  const header: MediumHeader = { subtitle: [], bodyStart: pieces[end]?.line ?? titleIndex + 1 + WINDOW }
  header.date = pieces.slice(0, end).find((piece) => piece.kind === 'date')?.text
  let metadataSeen = false
  for (const [index, piece] of pieces.slice(0, readingTime).entries()) {
    if (piece.kind === 'chrome') continue
    const line = lines[piece.line]!
    const next = pieces.slice(index + 1).find((candidate) => candidate.kind !== 'chrome')
    const name = piece.kind === 'text' ? bylineName(piece.text, { bare: true }) : undefined
    if (piece.kind === 'text' && pieces[index - 1]?.kind === 'published-in') header.publication ??= piece.text
    // "Ilse Marchetti" over "Follow", or right before the publication, reading time or date when there is no button.
    else if (name && (next?.kind === 'follow' || (!header.author && next?.kind !== 'text'))) header.author ??= name
    else if (piece.kind === 'text' && !metadataSeen) {
      if (!header.subtitle.includes(line)) header.subtitle.push(line)
      continue
    }
    metadataSeen = true
  }
  return header
}

/** Copying runs the header's inline parts together ("7 min read·Mar 3, 2024", "5 min readJun 2", "Noor HaddadFollow"). */
function piecesOf(line: string): string[] {
  return line
    .split(/\s*[·•]\s*/)
    .flatMap((part) => {
      const reading = READING_TIME.exec(part)
      if (reading) return [reading[1]!, reading[2]!.trim()]
      const published = /^(published in)(.*)$/i.exec(part)
      if (published) return [published[1]!, published[2]!.trim()]
      const follow = /^(.+?)\s*Follow$/.exec(part)
      if (follow && bylineName(follow[1], { bare: true })) return [follow[1]!, 'Follow']
      return [part]
    })
    .filter((piece) => piece !== '')
}

function kindOf(piece: string): PieceKind {
  if (READING_TIME.test(piece)) return 'reading-time'
  if (/^published in$/i.test(piece)) return 'published-in'
  if (/^follow$/i.test(piece)) return 'follow'
  if (isDateText(piece)) return 'date'
  if (isChromeText(piece) || /^more$/i.test(piece)) return 'chrome'
  return 'text'
}
