// A real SMTP server for the newsletter's tests (the smtp-server package on a free port): keeps every accepted message
// parsed, can be stopped and started again on the same port (an outage), or refuse every message with a reply code.
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  to: string
  subject: string
  text: string
  html: string
  headers: Map<string, unknown>
  raw: string
  acceptedAt: number
  parsed: ParsedMail
}

export type SmtpSink = {
  url: string
  port: number
  messages: ReceivedMail[]
  /** Answers every message with this SMTP reply (e.g. 451 for "try later"), or accepts again with null. */
  refuseWith(code: number | null): void
  /** Stops listening (connections are refused) until `start()`. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Resolves with the messages once `count` have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number, predicate?: (mail: ReceivedMail) => boolean): Promise<ReceivedMail[]>
  close(): Promise<void>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = []
  let refusal: number | null = null
  let port = 0
  let server: SMTPServer | null = null
  const waiters = new Set<() => void>()

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // The SMTP pool keeps idle connections open; a stop (an outage) must not wait 30 s for them.
      closeTimeout: 500,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', async () => {
          if (refusal !== null) {
            const error = Object.assign(new Error('Refused by the test server'), { responseCode: refusal })
            return callback(error)
          }
          const raw = Buffer.concat(chunks).toString('utf8')
          const parsed = await simpleParser(raw)
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers as Map<string, unknown>,
            raw,
            acceptedAt: Date.now(),
            parsed,
          })
          callback()
          for (const wake of waiters) wake()
        })
      },
    })

  const listen = async () => {
    server = create()
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(port, '127.0.0.1', () => resolve())
    })
    port = (server.server.address() as AddressInfo).port
  }
  const stop = async () => {
    const running = server
    server = null
    if (running) await new Promise<void>((resolve) => running.close(() => resolve()))
  }
  await listen()

  return {
    get url() {
      return `smtp://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    messages,
    refuseWith: (code) => void (refusal = code),
    stop,
    start: listen,
    waitFor(count, timeoutMs = 20_000, predicate = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = messages.filter(predicate)
          if (matching.length < count) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(matching)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(`expected ${count} messages within ${timeoutMs} ms, got ${messages.filter(predicate).length}`),
          )
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close: stop,
  }
}

/** The first link in a message's plain text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix))
  if (!link) throw new Error(`no ${prefix} link in "${mail.subject}":\n${mail.text}`)
  return link
}
