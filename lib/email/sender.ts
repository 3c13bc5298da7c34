/**
 * The outbox sender: claims due messages under a lease in one short statement, sends each outside
 * any transaction over SMTP, then records the result only if it still holds the lease.
 *
 * Delivery is at-least-once: a sender that dies after the SMTP server accepted a message but before
 * marking it leaves the message to be claimed again when the lease expires, and it goes out again
 * with the same Message-ID (fixed at enqueue), so receivers can drop the copy. No `server-only`
 * import: `npm run worker` loads this module outside Next.
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { db as appDb, queryRows, type Database } from '@/db'
import { emailOutbox } from '@/db/schema'
import { env } from '@/lib/env'
import { logger } from '@/lib/observability/logger'
import { metrics, recordJobSuccess } from '@/lib/observability/metrics'
import { currentPostalAddress } from './postal-address'
import { isHardBounce, requestedTransactionalKinds, suppressAddress, suppressedAmong, suppressedError } from './suppressions'
import { withPostalAddress } from './templates'

/** Attempts before a message is marked failed (about an hour of retries with the backoff below). */
export const maxAttempts = 8
export const batchSize = 10
/** Long enough for a whole batch to time out one by one (10 x 50 s) with room to spare. */
export const defaultLeaseMs = 10 * 60_000
const backoffBaseMs = 30_000
const backoffCapMs = 60 * 60_000
const purgeEveryMs = 60 * 60_000

/** The From of every email: EMAIL_FROM, else SkillsU <no-reply@SITE_URL's host>. */
export const emailFrom = () => env.EMAIL_FROM ?? `SkillsU <no-reply@${new URL(env.SITE_URL).hostname}>`

/** 30 s, 60 s, 120 s, ... after the nth failed attempt, with up to 20% jitter either way, at most an hour. */
export function backoffMs(attempts: number, random: () => number = Math.random) {
  const base = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(base * (0.8 + 0.4 * random()))
}

/** A name for this sender's claims: host, pid and a random part (two senders in one process differ). */
export const newSenderOwner = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`

export interface ClaimedMessage {
  id: string
  kind: string
  toAddress: string
  subject: string
  textBody: string
  htmlBody: string
  headers: Record<string, string>
  messageId: string
  attempts: number
}

interface ClaimedRow extends Record<string, unknown> {
  id: string
  kind: string
  to_address: string
  subject: string
  text_body: string
  html_body: string
  headers: Record<string, string> | string | null
  message_id: string
  attempts: number
}

/**
 * Claims up to `size` due messages for `owner`: queued ones whose time has come, and ones another
 * sender claimed but whose lease ran out. One statement: rows another sender is claiming at this
 * instant are skipped (SKIP LOCKED), so no two senders hold the same message.
 */
export async function claimBatch(owner: string, size: number = batchSize, leaseMs: number = defaultLeaseMs, database: Database = appDb): Promise<ClaimedMessage[]> {
  const rows = await database.transaction((tx) =>
    queryRows<ClaimedRow>(
      tx,
      sql`update email_outbox
          set status = 'sending', lease_owner = ${owner}, lease_until = now() + ${leaseMs}::integer * interval '1 millisecond', attempts = attempts + 1
          where id in (
            select id from email_outbox
            where send_after <= now() and (status = 'queued' or (status = 'sending' and lease_until < now()))
            order by send_after
            limit ${size}::integer
            for update skip locked
          )
          returning id, kind, to_address, subject, text_body, html_body, headers, message_id, attempts`,
    ),
  )
  return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      toAddress: r.to_address,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      headers: (typeof r.headers === 'string' ? JSON.parse(r.headers) : (r.headers ?? {})) as Record<string, string>,
      messageId: r.message_id,
      attempts: Number(r.attempts),
    }))
}

/** Recorded only while `owner` still holds the claim: a sender whose lease was taken over writes nothing. */
const stillMine = (id: string, owner: string) => and(eq(emailOutbox.id, id), eq(emailOutbox.leaseOwner, owner), eq(emailOutbox.status, 'sending'))

export async function markSent(id: string, owner: string, providerResponse: string, database: Database = appDb) {
  const rows = await database
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, providerResponse: providerResponse.slice(0, 1000), lastError: null, leaseOwner: null, leaseUntil: null })
    .where(stillMine(id, owner))
    .returning({ id: emailOutbox.id })
  return rows.length === 1
}

/** A failed attempt: back in the queue after the backoff, or failed for good after the last attempt (or at once when `permanent`). */
export async function markAttemptFailed(message: Pick<ClaimedMessage, 'id' | 'attempts'>, owner: string, error: string, database: Database = appDb, permanent = false) {
  const lastError = error.slice(0, 1000)
  const final = permanent || message.attempts >= maxAttempts
  const rows = await database
    .update(emailOutbox)
    .set(
      final
        ? { status: 'failed', lastError, leaseOwner: null, leaseUntil: null }
        : { status: 'queued', lastError, leaseOwner: null, leaseUntil: null, sendAfter: sql`now() + ${backoffMs(message.attempts)}::integer * interval '1 millisecond'` },
    )
    .where(stillMine(message.id, owner))
    .returning({ id: emailOutbox.id })
  return rows.length === 1 ? (final ? 'failed' : 'retry') : 'lost'
}

/** Gives back every message `owner` still holds (stop, SIGTERM), due at once for another sender. */
export async function releaseClaims(owner: string, database: Database = appDb) {
  const rows = await database
    .update(emailOutbox)
    .set({ status: 'queued', leaseOwner: null, leaseUntil: null, sendAfter: sql`now()` })
    .where(and(eq(emailOutbox.leaseOwner, owner), eq(emailOutbox.status, 'sending')))
    .returning({ id: emailOutbox.id })
  return rows.length
}

/** No SMTP server: due mail is held (kept, shown to admins), never dropped. */
export async function holdQueued(database: Database = appDb) {
  const rows = await database
    .update(emailOutbox)
    .set({ status: 'held', leaseOwner: null, leaseUntil: null })
    .where(sql`${emailOutbox.status} = 'queued' or (${emailOutbox.status} = 'sending' and ${emailOutbox.leaseUntil} < now())`)
    .returning({ id: emailOutbox.id })
  return rows.length
}

/** An SMTP server is configured now: held mail goes out. */
export async function releaseHeld(database: Database = appDb) {
  const rows = await database
    .update(emailOutbox)
    .set({ status: 'queued', sendAfter: sql`now()` })
    .where(eq(emailOutbox.status, 'held'))
    .returning({ id: emailOutbox.id })
  return rows.length
}

/** Empties the bodies of mail sent more than `retentionDays` ago (links in them may still work); metadata stays. */
export async function purgeSentBodies(retentionDays: number = env.OUTBOX_RETENTION_DAYS, database: Database = appDb) {
  const rows = await database
    .update(emailOutbox)
    .set({ textBody: '', htmlBody: '', bodyPurgedAt: sql`now()` })
    .where(
      and(
        eq(emailOutbox.status, 'sent'),
        sql`${emailOutbox.bodyPurgedAt} is null`,
        sql`${emailOutbox.sentAt} < now() - ${retentionDays}::integer * interval '1 day'`,
      ),
    )
    .returning({ id: emailOutbox.id })
  return rows.length
}

export interface DkimOptions {
  domainName: string
  keySelector: string
  privateKey: string
}

/** DKIM signing from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (lib/env.ts checks they come together). */
export function dkimFromEnv(): DkimOptions | undefined {
  if (!env.DKIM_PRIVATE_KEY || !env.DKIM_SELECTOR || !env.DKIM_DOMAIN) return undefined
  return { domainName: env.DKIM_DOMAIN, keySelector: env.DKIM_SELECTOR, privateKey: env.DKIM_PRIVATE_KEY }
}

/** A pooled SMTP transport with timeouts, so a hung server cannot hold a claim for long; DKIM-signed when configured. */
export function createSmtpTransport(url: string, dkim: DkimOptions | undefined = dkimFromEnv()): Transporter {
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(dkim ? { dkim } : {}),
  })
}

export interface OutboxSenderOptions {
  /** SMTP server URL; defaults to SMTP_URL. Undefined: messages are held. */
  smtpUrl?: string
  database?: Database
  owner?: string
  batchSize?: number
  leaseMs?: number
  from?: string
  /** DKIM signing; defaults to the DKIM_* variables (undefined: unsigned). */
  dkim?: DkimOptions
}

export interface DrainResult {
  claimed: number
  sent: number
  retried: number
  failed: number
  /** Finished after this sender's lease had been taken over: nothing recorded (another sender owns it). */
  lost: number
}

/** One sender: drains batches on demand; `startOutboxSender` runs one in a loop. */
export class OutboxSender {
  readonly owner: string
  readonly smtpUrl: string | undefined
  private readonly database: Database
  private readonly size: number
  private readonly leaseMs: number
  private readonly from: string
  private readonly dkim: DkimOptions | undefined
  private transport: Transporter | undefined
  private stopping = false

  constructor(options: OutboxSenderOptions = {}) {
    this.smtpUrl = 'smtpUrl' in options ? options.smtpUrl : env.SMTP_URL
    this.database = options.database ?? appDb
    this.owner = options.owner ?? newSenderOwner()
    this.size = options.batchSize ?? batchSize
    this.leaseMs = options.leaseMs ?? defaultLeaseMs
    this.from = options.from ?? emailFrom()
    this.dkim = 'dkim' in options ? options.dkim : dkimFromEnv()
  }

  /** Stops between messages; messages of the batch not yet sent are released by `close()`. */
  requestStop() {
    this.stopping = true
  }

  /** Claims one batch and sends it (or, without SMTP, holds what is due). */
  async drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, lost: 0 }
    if (!this.smtpUrl) {
      await holdQueued(this.database)
      return result
    }
    const batch = await claimBatch(this.owner, this.size, this.leaseMs, this.database)
    result.claimed = batch.length
    if (batch.length === 0) return result
    const postalAddress = await currentPostalAddress(this.database)
    this.transport ??= createSmtpTransport(this.smtpUrl, this.dkim)
    // Suppressed addresses get nothing but the mail they ask for; the rest fail without SMTP being asked.
    const suppressed = await suppressedAmong(this.database, batch.filter((m) => !requestedTransactionalKinds.has(m.kind)).map((m) => m.toAddress))
    for (const message of batch) {
      if (this.stopping) break
      const outcome =
        suppressed.has(message.toAddress) && !requestedTransactionalKinds.has(message.kind)
          ? await markAttemptFailed(message, this.owner, suppressedError, this.database, true)
          : await this.sendOne(this.transport, message, postalAddress)
      result[outcome === 'retry' ? 'retried' : outcome]++
    }
    return result
  }

  /** Drains until nothing is due (or stop is asked). */
  async drainAll(): Promise<DrainResult> {
    const total: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, lost: 0 }
    for (;;) {
      const r = await this.drainOnce()
      for (const k of Object.keys(total) as (keyof DrainResult)[]) total[k] += r[k]
      if (r.claimed < this.size || this.stopping) return total
    }
  }

  private async sendOne(transport: Transporter, message: ClaimedMessage, postalAddress: string): Promise<'sent' | 'retry' | 'failed' | 'lost'> {
    const body = withPostalAddress({ text: message.textBody, html: message.htmlBody }, postalAddress)
    let info: { response?: string; messageId?: string }
    try {
      info = await transport.sendMail({
        from: this.from,
        to: message.toAddress,
        subject: message.subject,
        text: body.text,
        html: body.html,
        messageId: message.messageId,
        headers: message.headers,
      })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      // A recipient refused with a 5xx will be refused again: failed now, and never mailed again.
      const bounced = isHardBounce(error)
      const outcome = await markAttemptFailed(message, this.owner, reason, this.database, bounced)
      if (bounced) await suppressAddress(this.database, { email: message.toAddress, reason: 'hard_bounce', detail: reason })
      metrics().emailFailures.inc({ final: String(outcome === 'failed') })
      logger().warn({ job: 'outbox-sender', emailId: message.id, attempts: message.attempts, outcome, reason: reason.slice(0, 200) }, 'email send failed')
      return outcome
    }
    // Accepted by the SMTP server: from here a crash means one more delivery, with the same Message-ID.
    const marked = await markSent(message.id, this.owner, info.response ?? info.messageId ?? 'accepted', this.database)
    return marked ? 'sent' : 'lost'
  }

  /** Releases whatever this sender still holds and closes its SMTP connections. */
  async close() {
    this.stopping = true
    try {
      await releaseClaims(this.owner, this.database)
    } finally {
      this.transport?.close()
      this.transport = undefined
    }
  }
}

export interface OutboxSenderHandle {
  owner: string
  /** Finishes the message in flight, releases the rest of the batch, closes SMTP. Idempotent. */
  stop(): Promise<void>
}

const globalForSender = globalThis as typeof globalThis & { __skillsuOutboxSender?: OutboxSenderHandle }

/**
 * The sender loop of this process (one per process, however many copies of this module a bundler
 * made): polls every `pollMs`, drains what is due, purges old bodies hourly. With an SMTP server it
 * first sends what was held while there was none.
 */
export function startOutboxSender(options: OutboxSenderOptions & { pollMs?: number; log?: (message: string) => void } = {}): OutboxSenderHandle {
  if (globalForSender.__skillsuOutboxSender) return globalForSender.__skillsuOutboxSender
  const sender = new OutboxSender(options)
  const database = options.database ?? appDb
  const pollMs = options.pollMs ?? env.OUTBOX_POLL_MS
  const log = options.log ?? ((m: string) => console.log(m))
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let stopped: Promise<void> | undefined
  let started = false
  let nextPurge = 0
  let lastProblem = ''

  const tick = async () => {
    try {
      if (!started) {
        if (sender.smtpUrl) {
          const released = await releaseHeld(database)
          if (released) log(`> Outbox: ${released} held message(s) queued for sending`)
        }
        started = true
      }
      if (Date.now() >= nextPurge) {
        await purgeSentBodies(env.OUTBOX_RETENTION_DAYS, database)
        nextPurge = Date.now() + purgeEveryMs
      }
      const runStarted = performance.now()
      const result = await sender.drainAll()
      if (result.failed) log(`> Outbox: ${result.failed} message(s) failed after ${maxAttempts} attempts`)
      if (result.claimed) logger().info({ job: 'outbox-sender', ...result, durationMs: Math.round(performance.now() - runStarted) }, 'job run')
      recordJobSuccess('outbox-sender')
      lastProblem = ''
    } catch (error) {
      metrics().jobRuns.inc({ job: 'outbox-sender', outcome: 'error' })
      // The database or SMTP is away for a moment: say so once, try again next tick.
      const problem = error instanceof Error ? error.message : String(error)
      if (problem !== lastProblem) console.error(`> Outbox sender: ${problem}`)
      lastProblem = problem
    }
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(schedule)
    }, pollMs)
    timer.unref()
  }

  running = tick().finally(schedule)
  log(sender.smtpUrl ? `> Outbox sender started (${sender.owner})` : '> Outbox sender started without SMTP_URL: mail is held, not sent')

  const handle: OutboxSenderHandle = {
    owner: sender.owner,
    stop() {
      stopped ??= (async () => {
        clearTimeout(timer)
        sender.requestStop()
        await running.catch(() => {})
        await sender.close().catch((error: unknown) => console.error('> Outbox sender: releasing claims failed', error))
        if (globalForSender.__skillsuOutboxSender === handle) globalForSender.__skillsuOutboxSender = undefined
      })()
      return stopped
    },
  }
  globalForSender.__skillsuOutboxSender = handle
  return handle
}
