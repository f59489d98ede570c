// Next.js runs this once per server process at start: it makes renders that fail for want of content answer 503.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installOutageAnswers } = await import('./lib/outage/answer-outages-with-503.ts')
  installOutageAnswers()
}
