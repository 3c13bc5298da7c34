/**
 * A real SMTP server on loopback for the sender's tests (test-only: imported by *.test.ts files).
 * It accepts any sender without auth, can refuse chosen recipients with 550, and keeps every
 * message it accepted, parsed just enough to check headers and both parts.
 */
import net from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMessage {
  raw: string
  /** Header names lower-cased; unfolded values. */
  headers: Record<string, string>
  to: string[]
  text: string
  html: string
}

function splitHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split(/\r\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  return headers
}

function decode(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '7bit').toLowerCase()
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (e === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}

/** The text/plain and text/html parts of a (possibly multipart) message. */
function parts(headers: Record<string, string>, body: string): { text: string; html: string } {
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (!boundary) {
    const content = decode(body, headers['content-transfer-encoding'])
    return type.startsWith('text/html') ? { text: '', html: content } : { text: content, html: '' }
  }
  const out = { text: '', html: '' }
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break
    const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n')
    const partHeaders = splitHeaders(head ?? '')
    const inner = parts(partHeaders, rest.join('\r\n\r\n').replace(/\r\n$/, ''))
    out.text ||= inner.text
    out.html ||= inner.html
  }
  return out
}

export function parseMessage(raw: string, to: string[]): ReceivedMessage {
  const at = raw.indexOf('\r\n\r\n')
  const headers = splitHeaders(raw.slice(0, at))
  return { raw, headers, to, ...parts(headers, raw.slice(at + 4)) }
}

export interface TestSmtpServer {
  url: string
  port: number
  received: ReceivedMessage[]
  /** Recipients answered with 550 at RCPT TO (a hard bounce). */
  reject: Set<string>
  /** Recipients answered with 451 at RCPT TO (a temporary failure: try again later). */
  tempFail: Set<string>
  /** How long the server waits before it answers 250 to a message (a slow server). */
  delayMs: number
  close(): Promise<void>
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = []
  const reject = new Set<string>()
  const tempFail = new Set<string>()
  const state = { delayMs: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox here`), { responseCode: 550 }))
      }
      if (tempFail.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(`4.2.1 <${address.address}>: mailbox busy, try again later`), { responseCode: 451 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push(parseMessage(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)))
        const answer = `Queued as test-${received.length}`
        setTimeout(() => callback(null, answer), state.delayMs)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as net.AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    reject,
    tempFail,
    get delayMs() {
      return state.delayMs
    },
    set delayMs(ms: number) {
      state.delayMs = ms
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A loopback port nothing listens on (SMTP "down"). */
export async function closedPort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
