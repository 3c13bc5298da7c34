/**
 * Graceful shutdown against a production build (part of `npm test`'s `reliability` step):
 *
 *   NEXT_DIST_DIR=.next-x npx next build
 *   NEXT_DIST_DIR=.next-x DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --import tsx test/shutdown/graceful-shutdown.ts [--port 3308]
 *
 * Starts `scripts/start.ts --no-build` on a database of its own with the outbox sender pointed at a
 * slow SMTP server, so a batch is in flight; holds a page request in flight (a lock on the roles
 * table makes its query wait); sends SIGTERM. Then checks that the held request still gets a 200
 * and its whole page, that new connections are refused once the signal is taken, that every
 * outbox message was either sent and seen by the SMTP server exactly once or put back in the queue
 * with no lease (none left `sending`), and that the process exits 0 within 15 s.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import postgres from 'postgres'
import { startTestSmtpServer } from '../../lib/email/test-smtp'

const argPort = process.argv.indexOf('--port')
const port = argPort === -1 ? 3308 : Number(process.argv[argPort + 1])
const adminUrl = process.env.DATABASE_URL
const messageCount = 30
const smtpDelayMs = 400
const failures: string[] = []

function check(label: string, ok: boolean, detail: string) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${detail}`)
  if (!ok) failures.push(label)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(100)
  }
}

/** A GET over a keep-alive connection, as a browser makes it (the server must still let go of it). */
function get(path: string, agent: http.Agent) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (c: Buffer) => chunks.push(c))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error('request timed out')))
    request.on('error', reject)
  })
}

/** Whether a fresh TCP connection to the server is accepted ('accepted') or refused (the error code). */
function connectOutcome() {
  return new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve('accepted')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

async function main() {
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server this check may create a database on.')
  const name = `skillsu_shutdown_${randomBytes(4).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database "${name}"`)
  const appUrl = new URL(adminUrl)
  appUrl.pathname = `/${name}`
  const sql = postgres(appUrl.toString(), { max: 3, onnotice: () => {} })
  const smtp = await startTestSmtpServer()
  smtp.delayMs = smtpDelayMs

  let output = ''
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: appUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: '250',
      OUTBOX_DISABLED: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    process.stdout.write(chunk)
  })
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => server.once('exit', (code) => resolve({ code, at: Date.now() })))
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  let lock: postgres.ReservedSql | undefined
  try {
    await until('the server to become healthy', async () => (await get('/api/health', agent)).status === 200, 120_000)
    // Warm the search page (its first render loads the route's code).
    const warm = await get(`/roles?q=warm${randomBytes(3).toString('hex')}`, agent)
    check('search page while up', warm.status === 200, `${warm.status}`)

    // Mail to send: each message takes the SMTP server smtpDelayMs to accept, so batches stay in flight.
    const ids = Array.from({ length: messageCount }, (_, i) => `<shutdown-${i}-${randomBytes(4).toString('hex')}@skillsu.test>`)
    for (const [i, messageId] of ids.entries()) {
      await sql`insert into email_outbox (to_address, kind, subject, text_body, html_body, message_id)
                values (${`person${i}@example.test`}, 'test', ${`Shutdown test ${i}`}, 'Hello', '<p>Hello</p>', ${messageId})`
    }
    await until('the sender to hold a batch', async () => (await sql`select 1 from email_outbox where status = 'sending'`).length > 0, 15_000)

    // A request held in flight: its query waits on a lock this test holds, released after SIGTERM.
    lock = await sql.reserve()
    await lock`begin`
    await lock`lock table roles in access exclusive mode`
    const term = `held${randomBytes(3).toString('hex')}`
    const held = get(`/roles?q=${term}`, agent).catch((error: unknown) => ({ status: 0, body: String(error) }))
    await until('the held request to wait on the lock', async () => (await sql`select 1 from pg_locks where not granted and relation = 'roles'::regclass`).length > 0, 15_000)
    const inFlightAtSignal = (await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where status = 'sending'`)[0]!.n
    check('a batch in flight at the signal', inFlightAtSignal > 0, `${inFlightAtSignal} message(s) sending`)

    const signalledAt = Date.now()
    server.kill('SIGTERM')
    await until('the server to take the signal', async () => output.includes('SIGTERM'), 5_000)
    await sleep(200)
    const refused = await connectOutcome()
    check('new connections refused after SIGTERM', refused === 'ECONNREFUSED', refused)

    await sleep(1_000)
    check('server still finishing the held request', server.exitCode === null, server.exitCode === null ? 'running' : `exited ${server.exitCode}`)
    await lock`commit`
    lock.release()
    lock = undefined
    const response = await held
    const whole = response.body.trimEnd().endsWith('</html>') && response.body.includes(term)
    check('held request answered in full', response.status === 200 && whole, `${response.status}, ${response.body.length} bytes, ${whole ? 'whole page' : 'cut short'}`)

    const exit = await Promise.race([exited, sleep(16_000).then(() => undefined)])
    check('exits 0 within 15 s', exit?.code === 0 && exit.at - signalledAt <= 15_000, exit ? `code ${exit.code} after ${exit.at - signalledAt} ms` : 'still running after 16 s')

    const rows = await sql<{ message_id: string; status: string; lease_owner: string | null; lease_until: Date | null }[]>`
      select message_id, status, lease_owner, lease_until from email_outbox where kind = 'test'`
    const seen = new Map<string, number>()
    for (const m of smtp.received) seen.set(m.headers['message-id'] ?? '', (seen.get(m.headers['message-id'] ?? '') ?? 0) + 1)
    const sent = rows.filter((r) => r.status === 'sent')
    const requeued = rows.filter((r) => r.status === 'queued')
    const wrong = rows.filter((r) => {
      const times = seen.get(r.message_id) ?? 0
      if (r.status === 'sent') return times !== 1 || r.lease_owner !== null
      if (r.status === 'queued') return times !== 0 || r.lease_owner !== null || r.lease_until !== null
      return true
    })
    check(
      'outbox: each message sent once or back in the queue',
      rows.length === messageCount && wrong.length === 0,
      `${sent.length} sent, ${requeued.length} queued without a lease, ${wrong.length} otherwise (${wrong.map((r) => `${r.message_id}: ${r.status}, seen ${seen.get(r.message_id) ?? 0}x`).join('; ') || 'none'})`,
    )
    check('outbox: the shutdown interrupted the sending', sent.length > 0 && requeued.length > 0, `${sent.length} sent before the stop, ${requeued.length} left for the next sender`)
  } finally {
    agent.destroy()
    if (lock) {
      await lock`rollback`.catch(() => {})
      lock.release()
    }
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL')
      await exited
    }
    await sql.end()
    await smtp.close()
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end()
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed.` : '\nAll graceful-shutdown checks passed.')
  process.exit(failures.length ? 1 : 0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
