import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them (and requireRole) run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
// The production switch, flipped per test: the redaction rules depend on it.
const mode = vi.hoisted(() => ({ production: false }))
vi.mock('@/lib/env', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/env')>()
  return {
    ...real,
    get isProduction() {
      return mode.production
    },
  }
})

import type { Database } from '@/db'
import { emailOutbox } from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { auditRowsFor, makeUser } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { signInAs, signOut } from '@/test/session'
import { resendEmail } from './admin-actions'
import { getOutboxMessage, listOutbox } from './admin-data'
import { outboxListQuerySchema, redactTokens } from './admin-schema'
import { enqueueEmail } from './outbox'
import { renderEmail } from './templates'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const forbidden = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const address = (tag: string) => `${tag}.${runId}.${++counter}@example.com`
const q = (over: Record<string, unknown> = {}) => outboxListQuerySchema.parse(over)

describe('redactTokens', () => {
  it('hides every word carrying a token, plain or percent-encoded', () => {
    expect(redactTokens('Open https://x.test/reset-password?token=abc123 now')).toBe('Open [link hidden] now')
    expect(redactTokens('<https://x.test/u?id=1&token=zz>, mailto:a@b?subject=x')).toBe('[link hidden] mailto:a@b?subject=x')
    expect(redactTokens('https://x.test/login?next=%2Fa%3Ftoken%3Dabc')).toBe('[link hidden]')
    expect(redactTokens('no secrets here: https://x.test/login')).toBe('no secrets here: https://x.test/login')
  })
})

describeEachEngine('admin outbox', ({ handle }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    signOut()
    mode.production = false
    await d().delete(emailOutbox)
  })

  async function enqueue(kind: string, over: { to?: string; url?: string; headers?: Record<string, string>; category?: 'marketing' } = {}) {
    const url = over.url ?? 'https://skillsu.test/reset-password?token=SECRET-TOKEN-123'
    const body = renderEmail({ heading: 'Choose a new password', paragraphs: ['Someone asked to reset it.'], action: { label: 'Choose a new password', url }, reason: 'You have an account.' })
    const id = await d().transaction((tx) =>
      enqueueEmail(tx, { to: over.to ?? address(kind), kind, subject: `Subject of ${kind}`, ...body, headers: over.headers, category: over.category }),
    )
    return id
  }

  const setStatus = (id: string, values: Partial<typeof emailOutbox.$inferInsert>) => d().update(emailOutbox).set(values).where(eq(emailOutbox.id, id))
  const admin = async () => signInAs(await makeUser(d(), 'admin'))

  describe('who may look', () => {
    it('refuses anonymous visitors, candidates, trainers and editors in the data layer', async () => {
      const id = await enqueue('password_reset')
      await expect(listOutbox(q())).rejects.toBeInstanceOf(UnauthenticatedError)
      await expect(getOutboxMessage(id)).rejects.toBeInstanceOf(UnauthenticatedError)
      for (const role of ['candidate', 'trainer', 'editor'] as const) {
        await signInAs(await makeUser(d(), role))
        await expect(listOutbox(q())).rejects.toBeInstanceOf(ForbiddenError)
        await expect(getOutboxMessage(id)).rejects.toBeInstanceOf(ForbiddenError)
      }
    })
  })

  describe('list', () => {
    it('lists metadata newest first, counts by status, filters by status and searches by recipient', async () => {
      const ada = address('ada')
      const first = await enqueue('password_reset', { to: ada })
      const second = await enqueue('email_verification')
      const third = await enqueue('newsletter-confirm')
      await setStatus(second, { status: 'failed', attempts: 8, lastError: '550 no such mailbox' })
      await setStatus(third, { status: 'held' })
      await admin()

      const all = await listOutbox(q())
      expect(all.total).toBe(3)
      expect(all.rows.map((r) => r.id)).toEqual([third, second, first])
      expect(all.counts).toEqual({ queued: 1, sending: 0, sent: 0, failed: 1, held: 1 })
      expect(all.held).toBe(1)
      expect(all.smtpConfigured).toBe(false)
      // The list never carries a body.
      expect(JSON.stringify(all)).not.toContain('SECRET-TOKEN-123')
      expect(Object.keys(all.rows[0]!).sort()).toEqual(['attempts', 'createdAt', 'id', 'kind', 'sendAfter', 'sentAt', 'status', 'subject', 'to'])

      expect((await listOutbox(q({ status: 'failed' }))).rows.map((r) => r.id)).toEqual([second])
      const search = await listOutbox(q({ q: ada.toUpperCase().slice(0, 8) }))
      expect(search.rows.map((r) => r.id)).toEqual([first])
      expect(search.counts).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0, held: 0 })
      expect((await listOutbox(q({ q: '%' }))).total, 'LIKE wildcards are literal').toBe(0)
    })
  })

  describe('detail', () => {
    it('in development shows the message rendered, HTML and text, links included', async () => {
      const id = await enqueue('password_reset')
      await admin()
      const message = await getOutboxMessage(id)
      expect(message?.body.mode).toBe('rendered')
      if (message?.body.mode !== 'rendered') return
      expect(message.body.html).toContain('href="https://skillsu.test/reset-password?token=SECRET-TOKEN-123"')
      expect(message.body.text).toContain('https://skillsu.test/reset-password?token=SECRET-TOKEN-123')
      expect(message.body.text).not.toContain('skillsu:postal-address')
      expect(await getOutboxMessage('00000000-0000-4000-8000-000000000000')).toBeNull()
      expect(await getOutboxMessage('not-an-id')).toBeNull()
    })

    it('in production mode the admin outbox shows no token', async () => {
      mode.production = true
      const reset = await enqueue('password_reset')
      const verification = await enqueue('email_verification', { url: 'https://skillsu.test/verify-email?token=SECRET-TOKEN-123' })
      const change = await enqueue('email_change', { url: 'https://skillsu.test/verify-email?token=SECRET-TOKEN-123' })
      const unsubscribeHeaders = { 'List-Unsubscribe': '<https://skillsu.test/api/newsletter/unsubscribe?id=1&token=SECRET-TOKEN-123>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      const newsletter = await enqueue('newsletter', { url: 'https://skillsu.test/newsletter/unsubscribe?id=1&token=SECRET-TOKEN-123', headers: unsubscribeHeaders, category: 'marketing' })
      const harmless = await enqueue('application-submitted', { url: 'https://skillsu.test/dashboard/applications/1' })
      await admin()

      for (const id of [reset, verification, change]) {
        const message = await getOutboxMessage(id)
        expect(message).toMatchObject({ kind: expect.any(String), subject: expect.any(String), status: 'queued', attempts: 0, body: { mode: 'hidden' } })
        expect(JSON.stringify(message)).not.toContain('SECRET-TOKEN')
        expect(JSON.stringify(message)).not.toContain('token=')
      }
      const news = await getOutboxMessage(newsletter)
      expect(news?.body.mode).toBe('redacted')
      expect(JSON.stringify(news)).not.toContain('SECRET-TOKEN')
      if (news?.body.mode === 'redacted') {
        expect(news.body.text).toContain('Choose a new password: [link hidden]')
        expect(news.body.headers['List-Unsubscribe']).toBe('[link hidden]')
        expect(news.body).not.toHaveProperty('html')
      }
      const other = await getOutboxMessage(harmless)
      expect(other?.body).toMatchObject({ mode: 'redacted', text: expect.stringContaining('https://skillsu.test/dashboard/applications/1') })

      // Nothing in the list either.
      expect(JSON.stringify(await listOutbox(q()))).not.toContain('SECRET-TOKEN')
    })

    it('says when a body was purged after the retention period', async () => {
      const id = await enqueue('application-submitted')
      await setStatus(id, { status: 'sent', sentAt: new Date(), textBody: '', htmlBody: '', bodyPurgedAt: new Date() })
      await admin()
      expect(await getOutboxMessage(id)).toMatchObject({ canResend: false, body: { mode: 'hidden', reason: expect.stringContaining('retention') } })
    })
  })

  describe('resendEmail', () => {
    it('queues a failed message again from attempt 0, with an audit row', async () => {
      const id = await enqueue('password_reset')
      await setStatus(id, { status: 'failed', attempts: 8, lastError: '550 no such mailbox' })
      const [before] = await d().select().from(emailOutbox).where(eq(emailOutbox.id, id))
      const { userId } = await admin()
      const result = await resendEmail({ id })
      expect(result).toMatchObject({ ok: true, data: { status: 'queued' } })
      const [after] = await d().select().from(emailOutbox).where(eq(emailOutbox.id, id))
      expect(after).toMatchObject({ status: 'queued', attempts: 0, lastError: null, leaseOwner: null, messageId: before!.messageId })
      expect(after!.sendAfter.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
      const audit = await auditRowsFor(d(), id)
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ actorId: userId, action: 'email.resend', entityType: 'email_outbox', before: { status: 'failed', attempts: 8 }, after: { status: 'queued', attempts: 0 } })
    })

    it('sends a sent message again under a new Message-ID', async () => {
      const id = await enqueue('application-submitted')
      await setStatus(id, { status: 'sent', sentAt: new Date(), attempts: 1, providerResponse: '250 ok' })
      const [before] = await d().select().from(emailOutbox).where(eq(emailOutbox.id, id))
      await admin()
      expect(await resendEmail({ id })).toMatchObject({ ok: true })
      const [after] = await d().select().from(emailOutbox).where(eq(emailOutbox.id, id))
      expect(after).toMatchObject({ status: 'queued', attempts: 0, sentAt: null, providerResponse: null })
      expect(after!.messageId).not.toBe(before!.messageId)
      expect(after!.messageId).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/)
    })

    it('refuses messages that are queued, held or purged, and unknown ids, changing nothing', async () => {
      const queued = await enqueue('password_reset')
      const held = await enqueue('password_reset')
      const purged = await enqueue('password_reset')
      await setStatus(held, { status: 'held' })
      await setStatus(purged, { status: 'sent', sentAt: new Date(), textBody: '', htmlBody: '', bodyPurgedAt: new Date() })
      await admin()
      expect(await resendEmail({ id: queued })).toEqual({ ok: false, error: 'Only failed or sent messages can be sent again; this one is queued.' })
      expect(await resendEmail({ id: held })).toEqual({ ok: false, error: 'Only failed or sent messages can be sent again; this one is held.' })
      expect(await resendEmail({ id: purged })).toMatchObject({ ok: false, error: expect.stringContaining('retention period') })
      expect(await resendEmail({ id: '00000000-0000-4000-8000-000000000000' })).toEqual({ ok: false, error: 'This message no longer exists. Reload the page.' })
      const rows = await d().select({ status: emailOutbox.status }).from(emailOutbox).orderBy(emailOutbox.createdAt)
      expect(rows.map((r) => r.status).sort()).toEqual(['held', 'queued', 'sent'])
      for (const id of [queued, held, purged]) expect(await auditRowsFor(d(), id)).toHaveLength(0)
    })

    it('refuses anonymous visitors and every role but admin; bad input gets field errors', async () => {
      const id = await enqueue('password_reset')
      await setStatus(id, { status: 'failed', attempts: 8 })
      expect(await resendEmail({ id })).toEqual(signInRequired)
      for (const role of ['candidate', 'trainer', 'editor'] as const) {
        await signInAs(await makeUser(d(), role))
        expect(await resendEmail({ id })).toEqual(forbidden)
      }
      const [row] = await d().select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, id))
      expect(row!.status).toBe('failed')
      await admin()
      expect(await resendEmail({ id: 'nope' })).toMatchObject({ ok: false, fieldErrors: { id: ['Choose a message from the list.'] } })
      expect(await resendEmail(null)).toMatchObject({ ok: false })
    })
  })
})
