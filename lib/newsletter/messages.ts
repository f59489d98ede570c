// The newsletter's two emails, each as HTML and plain text: the confirmation request, and an interview that went live
// (with an unsubscribe link in the body and RFC 8058 one-click List-Unsubscribe headers).
import type { SendMailOptions } from 'nodemailer'
import { z } from 'zod'
import escapeHtml from 'escape-html'

export const issueInterviewQuery = /* groq */ `*[_type == "interview" && _id == $id][0]{
  _id, title, "slug": slug.current, standfirst, publishedAt,
  "speaker": speaker->{name, role, company}
}`

export const issueInterviewSchema = z.object({
  _id: z.string(),
  title: z.string(),
  slug: z.string(),
  standfirst: z.string().nullish(),
  publishedAt: z.string().nullish(),
  speaker: z.object({ name: z.string(), role: z.string().nullish(), company: z.string().nullish() }).nullish(),
})
export type IssueInterview = z.infer<typeof issueInterviewSchema>

export const siteTitleQuery = /* groq */ `coalesce(*[_id == "siteSettings"][0].title, "Parley")`

/** One small, table-free layout that mail programs render alike; every value is escaped. */
function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#fbfaf7;color:#1d1c1a;font-family:Georgia,serif;font-size:17px;line-height:1.5">
<div style="max-width:560px;margin:0 auto">${body}</div>
</body></html>`
}

const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;background:#1d1c1a;color:#fbfaf7;text-decoration:none;border-radius:4px;font-family:Arial,sans-serif">${escapeHtml(label)}</a></p>`

export function confirmationMessage(options: {
  from: string
  to: string
  siteTitle: string
  confirmUrl: string
}): SendMailOptions {
  const subject = `Confirm your subscription to ${options.siteTitle}`
  const text = [
    `Someone, hopefully you, asked to receive ${options.siteTitle}'s new interviews by email at this address.`,
    '',
    `To confirm, open this link within 7 days:`,
    options.confirmUrl,
    '',
    'If it was not you, ignore this email: nothing will be sent to you.',
  ].join('\n')
  const html = htmlPage(
    subject,
    `<p>Someone, hopefully you, asked to receive ${escapeHtml(options.siteTitle)}'s new interviews by email at this address.</p>
${button(options.confirmUrl, 'Confirm my subscription')}
<p style="font-size:14px;color:#5c5a55">Or open this link within 7 days: ${escapeHtml(options.confirmUrl)}</p>
<p style="font-size:14px;color:#5c5a55">If it was not you, ignore this email: nothing will be sent to you.</p>`,
  )
  return { from: options.from, to: options.to, subject, text, html }
}

function speakerLine(interview: IssueInterview): string | null {
  const speaker = interview.speaker
  if (!speaker) return null
  const position = [speaker.role, speaker.company].filter(Boolean).join(', ')
  return position ? `${speaker.name}, ${position}` : speaker.name
}

export function interviewMessage(options: {
  from: string
  to: string
  siteTitle: string
  siteUrl: string
  interview: IssueInterview
  unsubscribeUrl: string
  /** The same id on every attempt, so a receiving server or mail program can tell a repeat from a new message. */
  messageId: string
}): SendMailOptions {
  const { interview } = options
  const pageUrl = `${options.siteUrl}/interviews/${encodeURIComponent(interview.slug)}`
  const speaker = speakerLine(interview)
  const text = [
    interview.title,
    ...(speaker ? [`with ${speaker}`] : []),
    '',
    ...(interview.standfirst ? [interview.standfirst, ''] : []),
    `Read the interview: ${pageUrl}`,
    '',
    '--',
    `You receive this because you subscribed to ${options.siteTitle}'s new interviews.`,
    `Unsubscribe: ${options.unsubscribeUrl}`,
  ].join('\n')
  const html = htmlPage(
    interview.title,
    `<p style="font-family:Arial,sans-serif;font-size:13px;letter-spacing:.05em;text-transform:uppercase;color:#5c5a55">${escapeHtml(options.siteTitle)} · New interview</p>
<h1 style="font-size:28px;line-height:1.2;margin:0 0 8px"><a href="${escapeHtml(pageUrl)}" style="color:#1d1c1a">${escapeHtml(interview.title)}</a></h1>
${speaker ? `<p style="margin:0 0 16px;color:#5c5a55">with ${escapeHtml(speaker)}</p>` : ''}
${interview.standfirst ? `<p>${escapeHtml(interview.standfirst)}</p>` : ''}
${button(pageUrl, 'Read the interview')}
<hr style="border:0;border-top:1px solid #ddd9d0;margin:32px 0 16px">
<p style="font-size:13px;color:#5c5a55">You receive this because you subscribed to ${escapeHtml(options.siteTitle)}'s new interviews. <a href="${escapeHtml(options.unsubscribeUrl)}" style="color:#5c5a55">Unsubscribe</a>.</p>`,
  )
  return {
    from: options.from,
    to: options.to,
    subject: interview.title,
    text,
    html,
    messageId: options.messageId,
    headers: {
      // RFC 8058: a mail program may POST "List-Unsubscribe=One-Click" to the URL to unsubscribe without a page.
      'List-Unsubscribe': `<${options.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${options.siteTitle} interviews <interviews.${new URL(options.siteUrl).hostname}>`,
    },
  }
}
