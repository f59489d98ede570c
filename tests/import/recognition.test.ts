// How speakers, bylines, dates and questions are recognised in the shapes articles come in.
import { expect, test } from '@jest/globals'
import { classifyArticleBytes } from '../../lib/import/detect-format.ts'
import { readInterviewArticle } from '../../lib/import/interview-article.ts'
import { parsePublicationDate } from '../../lib/import/publication-date.ts'
import { bylineName, findSpeaker, parseSpeakerOption } from '../../lib/import/speaker.ts'

test.each([
  ['An interview with Jane Doe | Staff Engineer', { name: 'Jane Doe', role: 'Staff Engineer' }],
  [
    'An Interview with Jane Doe — VP Engineering at Acme Corp',
    { name: 'Jane Doe', role: 'VP Engineering', company: 'Acme Corp' },
  ],
  [
    'In conversation with Ana de la Cruz: Head of Platform at Nubo.',
    { name: 'Ana de la Cruz', role: 'Head of Platform', company: 'Nubo' },
  ],
  [
    'Jan van Dijk, Senior SRE at Kestrel, joined us to talk about incident reviews.',
    { name: 'Jan van Dijk', role: 'Senior SRE', company: 'Kestrel' },
  ],
  [
    'Aoife O’Brien, our principal designer, sat down with us to explain the new grid.',
    { name: 'Aoife O’Brien', role: 'principal designer' },
  ],
  [
    'This month we spoke with Kwame Asante (Data Engineer at Lumen) about pipelines.',
    { name: 'Kwame Asante', role: 'Data Engineer', company: 'Lumen' },
  ],
  ['Meet Li Wei, Tech Lead at Harbor.', { name: 'Li Wei', role: 'Tech Lead', company: 'Harbor' }],
  ['Speaker: Noor Haddad, Security Engineer', { name: 'Noor Haddad', role: 'Security Engineer' }],
  ['Interviewee: Tomasz Nowak - CTO', { name: 'Tomasz Nowak', role: 'CTO' }],
])('finds the speaker in "%s"', (text, speaker) => {
  expect(findSpeaker([text])).toEqual(speaker)
})

test('a name in the title and a role in the introduction make one speaker', () => {
  expect(
    findSpeaker([
      'A conversation with Rosa Lind',
      'Rosa Lind, Staff Engineer at Fjord, joined us to talk about caches.',
    ]),
  ).toEqual({
    name: 'Rosa Lind',
    role: 'Staff Engineer',
    company: 'Fjord',
  })
})

test('sentences that merely mention people are not taken for a speaker', () => {
  expect(
    findSpeaker(['We shipped the new billing system in March.', 'The team at Acme Corp helped a lot.']),
  ).toBeUndefined()
  expect(findSpeaker(['an interview with the platform team about budgets'])).toBeUndefined()
})

test('--speaker accepts "NAME, ROLE at COMPANY" and "NAME | ROLE"', () => {
  expect(parseSpeakerOption('Ines Duarte, SRE at Parley')).toEqual({
    name: 'Ines Duarte',
    role: 'SRE',
    company: 'Parley',
  })
  expect(parseSpeakerOption('Ines Duarte | SRE')).toEqual({ name: 'Ines Duarte', role: 'SRE' })
  expect(parseSpeakerOption('Ines Duarte')).toEqual({ name: 'Ines Duarte' })
})

test('bylines name the author; a bare name counts only where the markup says it is the author', () => {
  expect(bylineName('By Sam Ortiz')).toBe('Sam Ortiz')
  expect(bylineName('Written by Dario Lentz · 6 min read')).toBe('Dario Lentz')
  expect(bylineName('Interviewer: Efua Mensah')).toBe('Efua Mensah')
  expect(bylineName('Tomás Brennan')).toBeUndefined()
  expect(bylineName('Tomás Brennan', { bare: true })).toBe('Tomás Brennan')
  expect(bylineName('By contrast, the old system was slow.')).toBeUndefined()
})

test.each([
  ['2024-03-05', '2024-03-05T00:00:00.000Z'],
  ['2024-03-05T09:14:22.118Z', '2024-03-05T09:14:22.118Z'],
  ['2023-11-14T08:30:00+01:00', '2023-11-14T07:30:00.000Z'],
  ['March 5, 2024', '2024-03-05T00:00:00.000Z'],
  ['Sept. 9, 2022', '2022-09-09T00:00:00.000Z'],
  ['5 March 2024', '2024-03-05T00:00:00.000Z'],
  ['Feb 30, 2024', undefined],
  ['last Tuesday', undefined],
  // In running text a relative or year-less date is as likely a sentence as a dateline; only a page header completes them.
  ['3 days ago', undefined],
  ['Jun 2', undefined],
])('reads the publication date %s as %s', (text, iso) => {
  expect(parsePublicationDate(text)).toBe(iso)
})

const html = (body: string) => ({
  file: '/tmp/article.html',
  format: 'html' as const,
  text: `<html><body><article><h1>An interview with Rosa Lind | Staff Engineer</h1>${body}</article></body></html>`,
})

test('heading questions: deeper headings inside answers become sub-headings, not questions', () => {
  const interview = readInterviewArticle(
    html('<h2>Why caches?</h2><p>Speed.</p><h4>Is it worth it?</h4><p>Mostly.</p><h2>What next?</h2><p>Rest.</p>'),
  )
  expect(interview.qa.map((block) => block.question)).toEqual(['Why caches?', 'What next?'])
  expect(interview.qa[0]!.answer.map((block) => (block as { style?: string }).style)).toEqual([
    'normal',
    'h3',
    'normal',
  ])
})

test('bold questions without a question mark ("Tell us about…") are questions when the article bolds its questions', () => {
  const interview = readInterviewArticle(
    html(
      '<p><b>Tell us about your team.</b></p><p>Six people.</p><p><strong>What do you build?</strong></p><p>Caches. Why? Because <strong>speed</strong> matters?</p>',
    ),
  )
  expect(interview.qa.map((block) => block.question)).toEqual(['Tell us about your team.', 'What do you build?'])
  expect(interview.qa[1]!.answer).toHaveLength(1)
})

test('"Q:" and "A:" transcript prefixes mark questions and are removed from the text', () => {
  const interview = readInterviewArticle(
    html('<p>Q: How did it start</p><p>A: With a bug.</p><p>Q: And then?</p><p><strong>A:</strong> A rewrite.</p>'),
  )
  expect(interview.qa.map((block) => block.question)).toEqual(['How did it start', 'And then?'])
  const answers = interview.qa.map((block) =>
    (block.answer[0] as { children: { text: string }[] }).children.map((span) => span.text).join(''),
  )
  expect(answers).toEqual(['With a bug.', 'A rewrite.'])
})

test('a question with nothing after it is kept, with a warning', () => {
  const interview = readInterviewArticle(html('<h2>Why caches?</h2><p>Speed.</p><h2>Anything else?</h2>'))
  expect(interview.qa.map((block) => block.answer.length)).toEqual([1, 0])
  expect(interview.warnings).toEqual(['question 2: "Anything else?" has no answer'])
})

test('files without an extension are sniffed: markup as HTML, Markdown markers as Markdown, the rest as plain text', () => {
  const sniff = (text: string) => classifyArticleBytes('/tmp/article', new TextEncoder().encode(text)).format
  expect(sniff('<!doctype html><html><body><p>Hi</p></body></html>')).toBe('html')
  expect(sniff('# Title\n\n**Why?**\n\nBecause.')).toBe('markdown')
  expect(sniff('Title\nWhy?\nBecause.')).toBe('plain-text')
})

test("plain text copied with the site's navigation above it takes the first real line as the title", () => {
  const text = [
    'Open in app',
    'Sign up',
    'Sign in',
    'Write',
    'Search',
    'Caching at the edge',
    'An interview with Rosa Lind | Staff Engineer',
    '',
    'Why the edge?',
    'Latency.',
  ].join('\n')
  const interview = readInterviewArticle({ file: '/virtual/edge.txt', format: 'plain-text', text })
  expect(interview.title).toBe('Caching at the edge')
  expect(interview.speaker).toEqual({ name: 'Rosa Lind', role: 'Staff Engineer' })
  expect(interview.qa.map((block) => block.question)).toEqual(['Why the edge?'])
})

test('transcript labels naming the interviewer and the speaker are removed from questions and answers', () => {
  const interview = readInterviewArticle({
    file: '/virtual/transcript.html',
    format: 'html',
    text:
      '<h1>Pagers, then and now</h1><p class="byline">By Sam Ortiz</p><p>We sat down with Priya Raman (Engineering Manager at Orbitwise).</p>' +
      '<p><strong>Sam Ortiz:</strong> How did on-call start?</p><p><strong>Priya:</strong> With a pager and a prayer.</p>' +
      '<p><strong>Sam Ortiz:</strong> And now?</p><p>Priya Raman: Calmer.</p>',
  })
  expect(interview.speaker.name).toBe('Priya Raman')
  expect(interview.interviewer).toEqual({ name: 'Sam Ortiz' })
  expect(interview.qa.map((block) => block.question)).toEqual(['How did on-call start?', 'And now?'])
  const answers = interview.qa.map((block) =>
    (block.answer[0] as { children: { text: string }[] }).children.map((span) => span.text).join(''),
  )
  expect(answers).toEqual(['With a pager and a prayer.', 'Calmer.'])
})

test('text saved as UTF-16 (with its byte-order mark) or Windows-1252 is read; a PDF is refused as binary', () => {
  const article = '# Café culture\n\n**Why “café”?**\n\nBecause.\n'
  const utf16 = new Uint8Array([
    0xff,
    0xfe,
    ...[...article].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]),
  ])
  expect(classifyArticleBytes('/tmp/a.md', utf16).text).toBe(article)
  const windows1252 = new Uint8Array(
    [...'Caf'].map((char) => char.charCodeAt(0)).concat([0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]),
  )
  expect(classifyArticleBytes('/tmp/a.txt', windows1252).text).toBe('Café “ok”')
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nstream\n')
  const binaryPdf = new Uint8Array([...pdf, 0x78, 0x9c, 0x00, 0x01, 0x02, 0x03])
  expect(() => classifyArticleBytes('/tmp/a.html', binaryPdf)).toThrow('the file is binary, not text')
})
