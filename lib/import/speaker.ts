// Finds who is interviewed, and their role and company, in an article's title and introduction.

export type Speaker = { name: string; role?: string; company?: string }

/** Two to four capitalised words, allowing particles ("Ana de la Cruz", "Jan van Dijk") and hyphens/apostrophes. */
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|al|ter)\s+)*\p{Lu}[\p{L}'’.-]*){1,3}`
/** A role runs to the end of the sentence or clause. */
const ROLE = String.raw`[^|.!?\n()]{2,120}?`

const PATTERNS: RegExp[] = [
  // "An interview with Jane Doe | Staff Engineer", "In conversation with Jane Doe — Staff Engineer at Acme"
  new RegExp(
    String.raw`\b(?:[Ii]nterview|[Cc]onversation|[Cc]hat|Q\s*&\s*A|[Tt]alking|[Tt]alk)\s+[Ww]ith\s+(?<name>${NAME})(?:\s*(?:[|–—:]|\s-\s|,)\s*(?:our\s+|the\s+)?(?<role>${ROLE}))?(?:\s*[.!?(]|\s*$)`,
    'u',
  ),
  // No `i` flag anywhere: it would let \p{Lu} match lower-case words and stretch names into the sentence.
  // "Jane Doe, Staff Engineer at Acme, joined us to talk about…"
  new RegExp(
    String.raw`^(?<name>${NAME}),\s+(?:our\s+|the\s+)?(?<role>${ROLE}),\s+(?:joined|joins|sat down|sits down|talked|talks|spoke|speaks|told|tells|walked|walks|shared|shares|explained|explains)\b`,
    'u',
  ),
  // "We talked to Jane Doe, Staff Engineer at Acme, about…", "This week we sat down with Jane Doe (Staff Engineer at Acme)"
  new RegExp(
    String.raw`\b(?:talked|spoke|sat down|caught up|chatted|met)\s+(?:to|with)\s+(?<name>${NAME})(?:\s*(?:,|\()\s*(?:our\s+|the\s+)?(?<role>${ROLE})\s*(?:,|\)|\.|$))?`,
    'u',
  ),
  // "Meet Jane Doe, Staff Engineer at Acme."
  new RegExp(String.raw`^[Mm]eet\s+(?<name>${NAME})(?:,\s*(?:our\s+|the\s+)?(?<role>${ROLE}))?(?:[.!,]|$)`, 'u'),
  // Bylines that name the guest: "Speaker: Jane Doe, Staff Engineer", "Interviewee: Jane Doe — CTO"
  new RegExp(
    String.raw`^(?:[Ss]peaker|[Ii]nterviewee|[Gg]uest|[Ww]ith)\s*:\s*(?<name>${NAME})(?:\s*(?:[|–—,]|\s-\s)\s*(?<role>${ROLE}))?\s*\.?$`,
    'u',
  ),
]

/**
 * The first mention of someone names the speaker; later mentions of the same name add the role or company the first
 * lacked (a title "An interview with Jane Doe | Staff Engineer" and an introduction "Jane Doe, … at Acme, joined us…").
 */
export function findSpeaker(texts: string[]): Speaker | undefined {
  const found: Speaker[] = []
  for (const text of texts) {
    for (const line of text.split('\n')) {
      for (const pattern of PATTERNS) {
        const match = pattern.exec(line.trim())
        if (match?.groups?.name) found.push(speakerFrom(match.groups.name, match.groups.role))
      }
    }
  }
  const first = found[0]
  if (!first) return undefined
  const same = found.filter((candidate) => sameName(candidate.name, first.name))
  const role = same.find((candidate) => candidate.role)?.role
  const company = same.find((candidate) => candidate.company)?.company
  return { name: first.name, ...(role ? { role } : {}), ...(company ? { company } : {}) }
}

/** "NAME, ROLE" or "NAME | ROLE" typed by an editor on the command line when the article does not say. */
export function parseSpeakerOption(value: string): Speaker | undefined {
  const [name, ...rest] = value.split(/\s*[|,]\s*/)
  if (!name?.trim()) return undefined
  return speakerFrom(name.trim(), rest.join(', ') || undefined)
}

function speakerFrom(name: string, role: string | undefined): Speaker {
  const cleanRole = role?.replace(/\s+/g, ' ').trim()
  if (!cleanRole) return { name: name.trim() }
  // "Staff Engineer at Acme": the company is what follows the last " at ".
  const at = cleanRole.lastIndexOf(' at ')
  if (at > 0) return { name: name.trim(), role: cleanRole.slice(0, at).trim(), company: cleanRole.slice(at + 4).trim() }
  return { name: name.trim(), role: cleanRole }
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0
}

const BYLINE = new RegExp(
  String.raw`^(?:(?:[Ww]ritten|[Ii]nterview(?:ed)?|[Pp]osted)\s+)?(?:[Bb]y|[Ii]nterviewer:)\s+(?<name>${NAME})(?:\s*(?:[·•|,–—-].*|\s+on\s+.*)?)$`,
  'u',
)

const BARE_NAME = new RegExp(String.raw`^${NAME}$`, 'u')

/**
 * The name in a byline ("By Sam Ortiz", "Written by Sam Ortiz · 5 min read", "Interviewer: Sam Ortiz"); with
 * `bare`, an element that is all name (Medium's author link) counts too.
 */
export function bylineName(text: string | undefined, { bare = false } = {}): string | undefined {
  const line = text?.replace(/\s+/g, ' ').trim()
  if (!line) return undefined
  const match = BYLINE.exec(line)
  if (match?.groups?.name) return match.groups.name
  return bare && BARE_NAME.test(line) ? line : undefined
}
