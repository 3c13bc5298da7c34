import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openPostgres, queryRows, type Database, type DatabaseHandle } from '@/db'
import { emailOutbox, siteSettings } from '@/db/schema'
import { env } from '@/lib/env'
import { siteSettingsDefaults } from '@/lib/site-settings/schema'
import { describeEachEngine } from '@/test/db'
import { enqueueEmail } from './outbox'
import {
  backoffMs,
  claimBatch,
  emailFrom,
  markSent,
  maxAttempts,
  OutboxSender,
  purgeSentBodies,
  releaseClaims,
  startOutboxSender,
} from './sender'
import { renderEmail } from './templates'
import { closedPort, startTestSmtpServer, type TestSmtpServer } from './test-smtp'

let smtp: TestSmtpServer
beforeAll(async () => {
  smtp = await startTestSmtpServer()
})
afterAll(async () => {
  await smtp.close()
})

let counter = 0
const runId = Math.random().toString(36).slice(2, 7)
const address = (tag: string) => `${tag}.${runId}.${++counter}@example.com`

type Row = typeof emailOutbox.$inferSelect

describe('backoff', () => {
  it('doubles from 30 s with jitter and stops growing at an hour', () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000)
    expect(backoffMs(2, () => 0.5)).toBe(60_000)
    expect(backoffMs(4, () => 0.5)).toBe(240_000)
    expect(backoffMs(1, () => 0)).toBe(24_000)
    expect(backoffMs(1, () => 1)).toBe(36_000)
    expect(backoffMs(30, () => 0.5)).toBe(3_600_000)
  })
})

describeEachEngine('outbox sender', ({ handle, engine }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    await d().delete(emailOutbox)
    smtp.received.length = 0
    smtp.reject.clear()
    smtp.tempFail.clear()
    smtp.delayMs = 0
  })

  async function enqueue(over: Partial<Parameters<typeof enqueueEmail>[1]> = {}) {
    const body = renderEmail({ heading: 'Hello Ada', paragraphs: ['A first paragraph.'], action: { label: 'Open', url: 'https://example.com/open' }, reason: 'You have an account.' })
    const id = await d().transaction((tx) => enqueueEmail(tx, { to: address('to'), kind: 'test', subject: 'A test message', ...body, ...over }))
    return row(id)
  }

  async function row(id: string): Promise<Row> {
    const [r] = await d().select().from(emailOutbox).where(eq(emailOutbox.id, id))
    return r!
  }

  /** Makes every waiting message due now (instead of waiting out the backoff). */
  const makeDue = () => d().update(emailOutbox).set({ sendAfter: sql`now() - interval '1 second'` })

  const sender = (over: ConstructorParameters<typeof OutboxSender>[0] = {}) => new OutboxSender({ smtpUrl: smtp.url, database: d(), ...over })

  it('delivers each message with our Message-ID, From, Subject, List-Unsubscribe on marketing mail, both parts and the postal address', async () => {
    await d()
      .insert(siteSettings)
      .values({ id: 1, content: { ...siteSettingsDefaults, postalAddress: 'SkillsU Ltd\n1 Main Street <HQ>' } })
      .onConflictDoUpdate({ target: siteSettings.id, set: { content: { ...siteSettingsDefaults, postalAddress: 'SkillsU Ltd\n1 Main Street <HQ>' } } })
    const plain = await enqueue({ subject: 'Your account' })
    const unsubscribe = { 'List-Unsubscribe': '<https://example.com/api/newsletter/unsubscribe?id=1&token=abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    const marketing = await enqueue({ subject: 'This week at SkillsU', category: 'marketing', headers: unsubscribe, kind: 'newsletter' })

    const s = sender()
    const result = await s.drainAll()
    await s.close()
    expect(result).toMatchObject({ claimed: 2, sent: 2, retried: 0, failed: 0 })
    expect(smtp.received).toHaveLength(2)

    const got = (r: Row) => smtp.received.find((m) => m.headers['message-id'] === r.messageId)!
    const a = got(plain)
    expect(a, 'our Message-ID is kept').toBeDefined()
    expect(a.to).toEqual([plain.toAddress])
    expect(a.headers.from).toBe(emailFrom())
    expect(a.headers.subject).toBe('Your account')
    expect(a.headers['list-unsubscribe']).toBeUndefined()
    expect(a.headers['content-type']).toMatch(/^multipart\/alternative/)
    expect(a.text).toContain('A first paragraph.')
    expect(a.text).toContain('Open: https://example.com/open')
    expect(a.text).toContain('SkillsU Ltd\r\n1 Main Street <HQ>')
    expect(a.html).toContain('<h1')
    expect(a.html).toContain('SkillsU Ltd<br>1 Main Street &lt;HQ&gt;')
    expect(a.html).not.toContain('skillsu:postal-address')

    const b = got(marketing)
    expect(b.headers.subject).toBe('This week at SkillsU')
    expect(b.headers['list-unsubscribe']).toBe(unsubscribe['List-Unsubscribe'])
    expect(b.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')

    const sent = await row(plain.id)
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, leaseOwner: null, leaseUntil: null, lastError: null })
    expect(sent.sentAt).toBeInstanceOf(Date)
    expect(sent.providerResponse).toMatch(/^250 .*Queued as test-/)
    // The stored body stays as queued (the address is put in at send time only).
    expect(sent.textBody).toContain('[[skillsu:postal-address]]')
  })

  it('retries after a backoff while SMTP is down and delivers exactly once when it is back', async () => {
    const message = await enqueue()
    const down = sender({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` })
    expect(await down.drainAll()).toMatchObject({ claimed: 1, sent: 0, retried: 1 })
    await down.close()
    const waiting = await row(message.id)
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, leaseOwner: null })
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(waiting.sendAfter.getTime()).toBeGreaterThan(Date.now() + 20_000)

    const up = sender()
    expect(await up.drainAll(), 'not due before its backoff ends').toMatchObject({ claimed: 0 })
    await makeDue()
    expect(await up.drainAll()).toMatchObject({ claimed: 1, sent: 1 })
    expect(await up.drainAll()).toMatchObject({ claimed: 0 })
    await up.close()
    expect(smtp.received.filter((m) => m.headers['message-id'] === message.messageId)).toHaveLength(1)
    expect(await row(message.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
  })

  it('marks a message that always fails (temporarily) as failed, with the error, after the last attempt', async () => {
    const message = await enqueue()
    smtp.tempFail.add(message.toAddress)
    const s = sender()
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await makeDue()
      const result = await s.drainAll()
      expect(result).toMatchObject(attempt < maxAttempts ? { claimed: 1, retried: 1 } : { claimed: 1, failed: 1 })
    }
    await makeDue()
    expect(await s.drainAll(), 'a failed message is never claimed again').toMatchObject({ claimed: 0 })
    await s.close()
    const failed = await row(message.id)
    expect(failed).toMatchObject({ status: 'failed', attempts: maxAttempts, leaseOwner: null, sentAt: null })
    expect(failed.lastError).toMatch(/451/)
    expect(failed.lastError).toContain('mailbox busy')
    expect(smtp.received).toHaveLength(0)
  })

  it('a sender killed mid-batch: its messages go out after the lease expires, with the same Message-ID', async () => {
    const first = await enqueue()
    const second = await enqueue()
    // Sender A claims both, "sends" nothing and dies.
    const claimed = await claimBatch('dead-sender', 10, 60_000, d())
    expect(claimed.map((m) => m.id).sort()).toEqual([first.id, second.id].sort())
    expect(await row(first.id)).toMatchObject({ status: 'sending', leaseOwner: 'dead-sender', attempts: 1 })

    const b = sender()
    expect(await b.drainAll(), 'leased messages are not taken while the lease holds').toMatchObject({ claimed: 0 })
    await d().update(emailOutbox).set({ leaseUntil: sql`now() - interval '1 second'` })
    expect(await b.drainAll()).toMatchObject({ claimed: 2, sent: 2 })
    await b.close()
    expect(smtp.received.map((m) => m.headers['message-id']).sort()).toEqual([first.messageId, second.messageId].sort())
    expect(await row(first.id)).toMatchObject({ status: 'sent', attempts: 2 })
    // A comes back to life: it no longer holds the claim, so it records nothing.
    expect(await markSent(first.id, 'dead-sender', '250 late', d())).toBe(false)
    expect((await row(first.id)).providerResponse).toMatch(/Queued as/)
  })

  it('without SMTP_URL messages are held, not dropped, and go out once an SMTP server is configured', async () => {
    const messages = [await enqueue(), await enqueue()]
    const none = new OutboxSender({ smtpUrl: undefined, database: d() })
    expect(await none.drainAll()).toMatchObject({ claimed: 0, sent: 0 })
    for (const m of messages) expect(await row(m.id)).toMatchObject({ status: 'held', attempts: 0, textBody: m.textBody, htmlBody: m.htmlBody })
    // Mail queued later is held too.
    const later = await enqueue()
    await none.drainAll()
    expect((await row(later.id)).status).toBe('held')

    const logs: string[] = []
    const loop = startOutboxSender({ smtpUrl: smtp.url, database: d(), pollMs: 60_000, log: (m) => logs.push(m) })
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(3)
    await loop.stop()
    expect(logs.join('\n')).toContain('3 held message(s) queued for sending')
    for (const m of [...messages, later]) expect((await row(m.id)).status).toBe('sent')
  })

  it('stop() releases the messages this sender still holds, due at once for another sender', async () => {
    const loop = startOutboxSender({ smtpUrl: smtp.url, database: d(), pollMs: 60_000, log: () => {} })
    // Two messages this loop has claimed (written as claimed, so its own tick cannot take them first).
    const claimed = (n: number) => ({
      toAddress: address('claimed'),
      kind: 'test',
      subject: `Claimed ${n}`,
      textBody: 'hi',
      htmlBody: '<p>hi</p>',
      messageId: `<claimed-${runId}-${n}@example.com>`,
      status: 'sending' as const,
      attempts: 1,
      leaseOwner: loop.owner,
      leaseUntil: new Date(Date.now() + 600_000),
    })
    await d().insert(emailOutbox).values([claimed(1), claimed(2)])
    await loop.stop()
    await loop.stop() // idempotent
    const rows = await d().select().from(emailOutbox)
    for (const r of rows) expect(r).toMatchObject({ status: 'queued', leaseOwner: null, leaseUntil: null })
    expect(rows.every((r) => r.sendAfter.getTime() <= Date.now() + 1000)).toBe(true)

    // Another sender takes them immediately.
    const other = sender()
    expect(await other.drainAll()).toMatchObject({ claimed: 2, sent: 2 })
    await other.close()
    expect(await releaseClaims(loop.owner, d())).toBe(0)
  })

  it('stop() during a batch finishes the message in flight and releases the rest', async () => {
    const messages = [await enqueue(), await enqueue(), await enqueue()]
    smtp.delayMs = 500
    const loop = startOutboxSender({ smtpUrl: smtp.url, database: d(), pollMs: 60_000, log: () => {} })
    // The first message has reached the server, which has not answered yet.
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1)
    await loop.stop()
    expect(smtp.received).toHaveLength(1)
    const rows = await d().select().from(emailOutbox)
    const inFlight = rows.find((r) => r.messageId === smtp.received[0]!.headers['message-id'])!
    expect(inFlight).toMatchObject({ status: 'sent', leaseOwner: null })
    const rest = rows.filter((r) => r.id !== inFlight.id)
    expect(rest).toHaveLength(messages.length - 1)
    for (const r of rest) expect(r).toMatchObject({ status: 'queued', leaseOwner: null, leaseUntil: null, sentAt: null })
  })

  it('one sender loop per process', async () => {
    const a = startOutboxSender({ smtpUrl: smtp.url, database: d(), pollMs: 60_000, log: () => {} })
    const b = startOutboxSender({ smtpUrl: smtp.url, database: d(), pollMs: 60_000, log: () => {} })
    expect(b).toBe(a)
    await a.stop()
    const c = startOutboxSender({ smtpUrl: smtp.url, database: d(), pollMs: 60_000, log: () => {} })
    expect(c).not.toBe(a)
    await c.stop()
  })

  it('purges the bodies of mail sent before the retention period, keeping the metadata', async () => {
    const old = await enqueue()
    const recent = await enqueue()
    const oldQueued = await enqueue()
    await d().update(emailOutbox).set({ status: 'sent', sentAt: sql`now() - interval '31 days'` }).where(eq(emailOutbox.id, old.id))
    await d().update(emailOutbox).set({ status: 'sent', sentAt: sql`now() - interval '29 days'` }).where(eq(emailOutbox.id, recent.id))
    await d().update(emailOutbox).set({ createdAt: sql`now() - interval '60 days'` }).where(eq(emailOutbox.id, oldQueued.id))
    expect(await purgeSentBodies(30, d())).toBe(1)
    expect(await purgeSentBodies(30, d()), 'purging twice changes nothing').toBe(0)
    const purged = await row(old.id)
    expect(purged).toMatchObject({ textBody: '', htmlBody: '', status: 'sent', subject: old.subject, toAddress: old.toAddress, messageId: old.messageId })
    expect(purged.bodyPurgedAt).toBeInstanceOf(Date)
    expect(await row(recent.id)).toMatchObject({ textBody: recent.textBody, bodyPurgedAt: null })
    expect(await row(oldQueued.id)).toMatchObject({ textBody: oldQueued.textBody, bodyPurgedAt: null })
  })

  describe.skipIf(engine !== 'postgres')('two senders racing over one outbox (PostgreSQL)', () => {
    let pools: DatabaseHandle[] = []
    afterAll(async () => {
      await Promise.all(pools.map((p) => p.close()))
      pools = []
    })

    it('delivers every message exactly once', async () => {
      const total = 40
      await d().transaction(async (tx) => {
        for (let i = 0; i < total; i++) {
          await enqueueEmail(tx, { to: address(`race${i}`), kind: 'test', subject: `Race ${i}`, text: `Message ${i}`, html: `<p>Message ${i}</p>` })
        }
      })
      const url = new URL(env.DATABASE_URL!)
      url.pathname = new URL(handle().location).pathname
      pools = [openPostgres(url.toString(), { max: 3 }), openPostgres(url.toString(), { max: 3 })]
      const senders = pools.map((p) => new OutboxSender({ smtpUrl: smtp.url, database: p.db, batchSize: 4 }))
      const results = await Promise.all(senders.map(async (s) => {
        const r = await s.drainAll()
        await s.close()
        return r
      }))
      expect(results[0]!.sent + results[1]!.sent).toBe(total)
      const ids = smtp.received.map((m) => m.headers['message-id'])
      expect(ids).toHaveLength(total)
      expect(new Set(ids).size).toBe(total)
      const rows = await queryRows<{ status: string; attempts: number; n: number }>(d(), sql`select status, attempts, count(*)::int as n from email_outbox group by status, attempts`)
      expect(rows).toEqual([{ status: 'sent', attempts: 1, n: total }])
    })
  })
})
