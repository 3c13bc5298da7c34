import { generateKeyPairSync } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '@/db'
import { emailOutbox, emailSuppressions } from '@/db/schema'
import { describeEachEngine } from '@/test/db'
import { verifyDkim } from './dkim-verify'
import { enqueueEmail } from './outbox'
import { OutboxSender } from './sender'
import { isHardBounce, suppressAddress, suppressedAmong } from './suppressions'
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp'

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

describe('isHardBounce', () => {
  it('is a 5xx reply to RCPT TO only', () => {
    expect(isHardBounce({ responseCode: 550, command: 'RCPT TO' })).toBe(true)
    expect(isHardBounce({ responseCode: 451, command: 'RCPT TO' })).toBe(false)
    expect(isHardBounce({ responseCode: 535, command: 'AUTH PLAIN' })).toBe(false)
    expect(isHardBounce({ responseCode: 554, command: 'DATA' })).toBe(false)
    expect(isHardBounce(new Error('connect ECONNREFUSED'))).toBe(false)
    expect(isHardBounce(null)).toBe(false)
  })
})

describeEachEngine('email suppression', ({ handle }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    await d().delete(emailOutbox)
    await d().delete(emailSuppressions)
    smtp.received.length = 0
    smtp.reject.clear()
    smtp.tempFail.clear()
  })

  const enqueue = (to: string, kind = 'newsletter-confirm') =>
    d().transaction((tx) => enqueueEmail(tx, { to, kind, subject: `A ${kind} message`, text: 'Hello', html: '<p>Hello</p>' }))
  const row = async (id: string) => (await d().select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!
  const sender = (over: ConstructorParameters<typeof OutboxSender>[0] = {}) => new OutboxSender({ smtpUrl: smtp.url, database: d(), ...over })

  it('a hard bounce fails the message at once and stops the address being mailed again, except mail the person asks for', async () => {
    const to = address('bounce')
    smtp.reject.add(to)
    const first = await enqueue(to)
    const s = sender()
    expect(await s.drainAll()).toMatchObject({ claimed: 1, failed: 1, retried: 0 })
    expect(await row(first)).toMatchObject({ status: 'failed', attempts: 1 })
    expect((await row(first)).lastError).toMatch(/550/)
    const [listed] = await d().select().from(emailSuppressions).where(eq(emailSuppressions.email, to))
    expect(listed).toMatchObject({ reason: 'hard_bounce', createdBy: null })
    expect(listed!.detail).toContain('no such mailbox')

    // The mailbox would accept mail now: a message that still went out would show up here.
    smtp.reject.clear()
    const digest = await enqueue(to.toUpperCase(), 'opportunity-digest')
    const notice = await enqueue(to, 'application-submitted')
    expect(await s.drainAll()).toMatchObject({ claimed: 2, failed: 2, sent: 0 })
    for (const id of [digest, notice]) expect(await row(id)).toMatchObject({ status: 'failed', lastError: 'suppressed', sentAt: null })
    expect(smtp.received).toHaveLength(0)

    // A password reset or an address verification the person requested still goes out.
    const reset = await enqueue(to, 'password_reset')
    const verify = await enqueue(to, 'email_verification')
    expect(await s.drainAll()).toMatchObject({ claimed: 2, sent: 2 })
    await s.close()
    expect(await row(reset)).toMatchObject({ status: 'sent' })
    expect(await row(verify)).toMatchObject({ status: 'sent' })
    expect(smtp.received.map((m) => m.headers.subject).sort()).toEqual(['A email_verification message', 'A password_reset message'])
  })

  it('a temporary failure (4xx) is retried and suppresses nothing; other addresses are unaffected', async () => {
    const busy = address('busy')
    const fine = address('fine')
    smtp.tempFail.add(busy)
    const a = await enqueue(busy)
    const b = await enqueue(fine)
    const s = sender()
    expect(await s.drainAll()).toMatchObject({ claimed: 2, sent: 1, retried: 1 })
    await s.close()
    expect(await row(a)).toMatchObject({ status: 'queued' })
    expect(await row(b)).toMatchObject({ status: 'sent' })
    expect(await d().select().from(emailSuppressions)).toHaveLength(0)
  })

  it('suppressAddress keeps the first reason; suppressedAmong matches any case', async () => {
    const to = address('complaint')
    expect(await suppressAddress(d(), { email: to.toUpperCase(), reason: 'complaint', detail: 'marked as spam' })).toBe(true)
    expect(await suppressAddress(d(), { email: to, reason: 'hard_bounce' })).toBe(false)
    expect(await d().select({ reason: emailSuppressions.reason }).from(emailSuppressions)).toEqual([{ reason: 'complaint' }])
    expect(await suppressedAmong(d(), [to.toUpperCase(), address('other')])).toEqual(new Set([to]))
    expect(await suppressedAmong(d(), [])).toEqual(new Set())
  })

  it('signs mail with DKIM when configured: the signature names the domain and selector and verifies with the public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const to = address('signed')
    await enqueue(to, 'password_reset')
    const s = sender({ dkim: { domainName: 'skillsu.example', keySelector: 'mail2025', privateKey: pem } })
    expect(await s.drainAll()).toMatchObject({ sent: 1 })
    await s.close()
    const [message] = smtp.received
    expect(message!.headers['dkim-signature']).toBeDefined()
    const check = verifyDkim(message!.raw, publicKey)
    expect(check.tags).toMatchObject({ v: '1', a: 'rsa-sha256', d: 'skillsu.example', s: 'mail2025' })
    expect(check.tags.h!.toLowerCase().split(':')).toEqual(expect.arrayContaining(['from', 'to', 'subject']))
    expect(check.bodyHashOk).toBe(true)
    expect(check.signatureOk).toBe(true)

    // The verifier can fail: a changed subject or body, or another key, does not verify.
    const tampered = message!.raw.replace(/^Subject: .*$/m, 'Subject: Something else')
    expect(verifyDkim(tampered, publicKey).signatureOk).toBe(false)
    expect(verifyDkim(message!.raw.replace('Hello', 'Hullo'), publicKey).bodyHashOk).toBe(false)
    expect(verifyDkim(message!.raw, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey).signatureOk).toBe(false)
  })

  it('sends unsigned mail without DKIM settings', async () => {
    await enqueue(address('plain'), 'password_reset')
    const s = sender({ dkim: undefined })
    expect(await s.drainAll()).toMatchObject({ sent: 1 })
    await s.close()
    expect(smtp.received[0]!.headers['dkim-signature']).toBeUndefined()
  })
})
