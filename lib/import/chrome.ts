// Recognises a blog platform's chrome around an article (author boxes, reading time, claps, share and follow prompts, separators).

/** Whole elements that are never part of an interview's text. */
const CHROME_TAGS =
  'nav, aside, footer, form, script, style, noscript, template, iframe, button, svg, hr, [role="navigation"], [role="complementary"], .section-divider'

/** Class or id words that platforms use for boxes around the text (Medium, Ghost, WordPress, dev.to themes). */
const CHROME_CLASS =
  /(^|[\s_-])(author|byline|bio|share|sharing|social|claps?|follow|subscribe|newsletter|related|recommend(ed|ations)?|comments?|signup|promo|advert|sidebar|breadcrumbs?|post-meta|entry-meta|reading-time|read-time|tags)($|[\s_-])/i

export function removeChromeElements(root: Element): void {
  for (const element of [...root.querySelectorAll(CHROME_TAGS)]) element.remove()
  for (const element of [...root.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (CHROME_CLASS.test(names)) element.remove()
  }
}

const CHROME_LINES: RegExp[] = [
  /^\d+\s*min(ute)?s?\s+read$/i,
  /^(\p{L}{3,9}\.? \d{1,2}, \d{4}\s*[·•|–-]\s*)?\d+\s*min(ute)?s?\s+read(\s*[·•|–-].*)?$/iu,
  /^\d+(\.\d+)?\s*[kKmM]?\s*(claps?|responses?|comments?|likes?|shares?|followers?)?$/i,
  /^[\s*·•\-–—_=~.#]+$/,
  /^(follow|following|share|listen|clap|save|subscribe|sign up|sign in|get started|tweet|like|reply|responses|top highlight|more from medium|recommended from medium|about the author|see all from .*|member-only story|open in app|write|search|home|menu|skip to (main )?content)$/i,
  /^(written|published|posted) (by|in) .{1,80}$/i,
  /^by [\p{Lu}][\p{L}'’.-]+( [\p{Lu}][\p{L}'’.-]+){0,3}(\s*[·•|–-].*)?$/u,
  /^.{1,60}\s*[·•]\s*follow$/i,
  /^share (this|on) .{0,60}$/i,
  /^(originally|first) (published|posted|appeared) (at|on|in)\b/i,
  /^this (post|article|interview|story) (was )?(originally|first) (published|posted|appeared)\b/i,
  /^exported from medium\b/i,
]

/** Prompts to engage with the platform; short, so a long answer that merely mentions "follow" is kept. */
const PROMPTS: RegExp[] = [
  /\bfollow (us|me)\b/i,
  /\b(give|leave) (it|us|this( post| story)?) (a |some )?claps?\b/i,
  /\bif you (enjoyed|liked|found) (this|the)\b/i,
  /\bsubscribe to (our|my|the)\b/i,
  /\bsign up for (our|my|the)\b/i,
  /\bshare (this|it) with\b/i,
]

/** A paragraph that is chrome wherever it stands. */
export function isChromeText(text: string): boolean {
  if (text === '') return true
  if (CHROME_LINES.some((pattern) => pattern.test(text))) return true
  return text.length <= 200 && PROMPTS.some((pattern) => pattern.test(text))
}

const CLOSING_CALLS: RegExp[] = [
  /\bthanks? (you )?for reading\b/i,
  /\bwe('re| are) hiring\b/i,
  /\b(check out|see|browse) our (open (roles|positions)|careers?|jobs)\b/i,
  /\bjoin (us|our team)\b/i,
  /\bfor more (stories|interviews|posts) like this\b/i,
  /\bstay tuned\b/i,
]

/** A call to follow, read more or apply that closes an article: chrome only at the very end. */
export function isClosingCall(text: string): boolean {
  return isChromeText(text) || (text.length <= 280 && CLOSING_CALLS.some((pattern) => pattern.test(text)))
}

/** "Jane Doe" right before "Follow" is an author box flattened into lines (Medium pages copied as text). */
export function isAuthorBoxName(text: string, next: string | undefined): boolean {
  return next !== undefined && /^(follow|·\s*follow)$/i.test(next) && text.split(/\s+/).length <= 5
}
