import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the secret that signs unsubscribe links must be there first.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'newsletter-db-test-secret-0123456789abcdefghij'
})
// Only the cookie's claims are faked; getCurrentUser's checks on them (and requireRole) run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
// timingSafeEqual is wrapped (it still runs) to show that unsubscribe tokens are compared with it.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  return { ...real, default: real, timingSafeEqual: vi.fn(real.timingSafeEqual) }
})

import { timingSafeEqual } from 'node:crypto'
import type { Database } from '@/db'
import { auditLog, emailOutbox, formBotEvents, newsletterSubscribers, users, type UserRole } from '@/db/schema'
import { seed } from '@/db/seed'
import { GET as exportCsv } from '@/app/api/admin/newsletter/export/route'
import { GET as oneClickGet, POST as oneClick } from '@/app/api/newsletter/unsubscribe/route'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { publicFormLimits } from '@/lib/forms/guard'
import { consume } from '@/lib/rate-limit'
import { describeEachEngine } from '@/test/db'
import { freshIp, request, signInAs, signOut } from '@/test/session'
import { confirmNewsletterSubscription, subscribeToNewsletter, unsubscribeFromNewsletter } from './actions'
import { exportSubscribers, listSubscribers } from './admin-data'
import { getConfirmationState, newsletterLimits } from './data'
import { confirmMessages, newsletterListQuerySchema, subscribeMessage, unsubscribeMessages } from './schema'
import { hashConfirmToken, newsletterListUnsubscribeHeaders, newsletterOneClickUrl, newsletterUnsubscribeUrl, unsubscribeToken, verifyUnsubscribeToken } from './tokens'

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const uniqueEmail = (label = 'reader') => `${label}-${runId}-${++counter}@example.com`
const newKey = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24)

const thanks = { ok: true, data: null, message: subscribeMessage }

function subscribeForm({ email, source = 'footer', fillMs = 5_000, hp = '', key = newKey() }: { email: string; source?: string; fillMs?: number; hp?: string; key?: string }) {
  const f = new FormData()
  f.set('email', email)
  f.set('source', source)
  f.set('idempotencyKey', key)
  f.set('fillMs', String(fillMs))
  f.set('hp', hp)
  return f
}
const subscribe = (fields: Parameters<typeof subscribeForm>[0]) => subscribeToNewsletter(null, subscribeForm(fields))
const formOf = (values: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(values)) f.set(k, v)
  return f
}
const confirm = (token: string) => confirmNewsletterSubscription(null, formOf({ token }))
const unsubscribeVia = (id: string, token: string) => unsubscribeFromNewsletter(null, formOf({ id, token }))

function oneClickRequest(query: string, body: BodyInit | null = 'List-Unsubscribe=One-Click', headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }) {
  return new Request(`http://localhost/api/newsletter/unsubscribe?${query}`, { method: 'POST', body, headers })
}

describeEachEngine('newsletter', ({ handle }) => {
  const d = (): Database => handle().db
  const people = {} as Record<'admin' | 'editor' | 'candidate', { id: string }>

  const subscriberRow = async (email: string) => (await d().select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0]
  const mailTo = (email: string) => d().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(emailOutbox.createdAt)
  const linkIn = (text: string, path: string) => {
    const match = text.match(new RegExp(`https?://\\S+${path.replace(/[/?]/g, '\\$&')}\\S*`))
    if (!match) throw new Error(`no ${path} link in ${text}`)
    return new URL(match[0])
  }
  const latestToken = async (email: string) => linkIn((await mailTo(email)).at(-1)!.textBody, '/newsletter/confirm?').searchParams.get('token')!
  const botCount = async (reason: 'honeypot' | 'too-fast') =>
    (await d().select({ n: formBotEvents.count }).from(formBotEvents).where(and(eq(formBotEvents.form, 'newsletter'), eq(formBotEvents.reason, reason))))[0]?.n ?? 0
  /** Makes the last confirmation email look `minutes` old. */
  const ageConfirmation = (email: string, minutes: number) =>
    d()
      .update(newsletterSubscribers)
      .set({ confirmSentAt: sql`now() - make_interval(mins => ${minutes})` })
      .where(eq(newsletterSubscribers.email, email))
  async function confirmed(email: string) {
    expect(await subscribe({ email })).toEqual(thanks)
    expect((await confirm(await latestToken(email))).ok).toBe(true)
    return (await subscriberRow(email))!
  }

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
    const [admin] = await d().select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.com'))
    people.admin = admin!
    for (const role of ['editor', 'candidate'] as const satisfies UserRole[]) {
      const [row] = await d()
        .insert(users)
        .values({ email: `${role}-${runId}@example.com`, name: `Pat ${role}`, role })
        .returning({ id: users.id })
      people[role] = row!
    }
  })

  beforeEach(() => {
    signOut()
    freshIp()
    vi.mocked(timingSafeEqual).mockClear()
  })

  describe('subscribing', () => {
    it('stores a new address as pending and queues one confirmation email carrying the confirm and unsubscribe links', async () => {
      const email = uniqueEmail()
      expect(await subscribe({ email: `  ${email.toUpperCase()} `, source: 'home' })).toEqual(thanks)
      const row = (await subscriberRow(email))!
      expect(row).toMatchObject({ status: 'pending', source: 'home', confirmedAt: null, unsubscribedAt: null })
      expect(row.confirmExpiresAt!.getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 120_000)
      expect(row.confirmExpiresAt!.getTime() - Date.now()).toBeLessThan(7 * 24 * 3600_000 + 120_000)

      const mail = await mailTo(email)
      expect(mail).toHaveLength(1)
      expect(mail[0]).toMatchObject({ kind: 'newsletter-confirm', subject: 'Confirm your SkillsU newsletter subscription' })
      const token = linkIn(mail[0]!.textBody, '/newsletter/confirm?').searchParams.get('token')!
      // Only the token's SHA-256 is stored, never the token.
      expect(row.confirmTokenHash).toBe(hashConfirmToken(token))
      expect(JSON.stringify(row)).not.toContain(token)
      const unsubscribeLink = linkIn(mail[0]!.textBody, '/newsletter/unsubscribe?')
      expect(unsubscribeLink.toString()).toBe(newsletterUnsubscribeUrl(row.id))
      expect(unsubscribeLink.searchParams.get('id')).toBe(row.id)
      expect(mail[0]!.htmlBody).toContain(`/newsletter/unsubscribe?id=${row.id}&amp;token=`)
      expect(mail[0]!.htmlBody).toContain('Confirm my subscription')

      const [audit] = await d().select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'newsletter.subscribe')))
      expect(audit).toMatchObject({ actorId: null, entityType: 'newsletter_subscriber', ip: request.ip })
    })

    it('answers the same for a pending address and mails it again only after 10 minutes, with a fresh token', async () => {
      const email = uniqueEmail()
      await subscribe({ email })
      const firstToken = await latestToken(email)
      expect(await subscribe({ email })).toEqual(thanks)
      expect(await mailTo(email)).toHaveLength(1)

      await ageConfirmation(email, 11)
      expect(await subscribe({ email })).toEqual(thanks)
      expect(await mailTo(email)).toHaveLength(2)
      const secondToken = await latestToken(email)
      expect(secondToken).not.toBe(firstToken)
      expect((await subscriberRow(email))!.confirmTokenHash).toBe(hashConfirmToken(secondToken))
      // The older link no longer works.
      expect(await getConfirmationState(firstToken)).toBe('invalid')
      expect(await getConfirmationState(secondToken)).toBe('pending')
    })

    it('answers the same for a confirmed address, changes nothing and sends nothing', async () => {
      const email = uniqueEmail()
      const before = await confirmed(email)
      await ageConfirmation(email, 60)
      expect(await subscribe({ email })).toEqual(thanks)
      const after = (await subscriberRow(email))!
      expect(after.status).toBe('confirmed')
      expect(after.confirmedAt).toEqual(before.confirmedAt)
      expect(await mailTo(email)).toHaveLength(1)
    })

    it('lets an unsubscribed address subscribe again: pending with a new confirmation, then confirmed', async () => {
      const email = uniqueEmail()
      const row = await confirmed(email)
      expect(await unsubscribeVia(row.id, unsubscribeToken(row.id))).toMatchObject({ ok: true })
      expect((await subscriberRow(email))!.status).toBe('unsubscribed')
      const oldToken = await latestToken(email)
      expect(await getConfirmationState(oldToken)).toBe('invalid')

      // Right away: the 10-minute wait is for repeated requests of a pending address only.
      expect(await subscribe({ email })).toEqual(thanks)
      expect((await subscriberRow(email))!.status).toBe('pending')
      expect(await mailTo(email)).toHaveLength(2)
      expect(await confirm(await latestToken(email))).toEqual({ ok: true, data: { state: 'confirmed' }, message: confirmMessages.confirmed })
      const after = (await subscriberRow(email))!
      expect(after).toMatchObject({ status: 'confirmed', unsubscribedAt: null, id: row.id })
      expect(await d().select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'newsletter.resubscribe')))).toHaveLength(1)
    })

    it('refuses a bad address, an address with a line break and an overlong one, storing nothing', async () => {
      for (const [email, message] of [
        ['', 'Enter your email address.'],
        ['not-an-email', 'Enter a valid email address, like name@example.com.'],
        [`victim-${runId}@example.com\r\nBcc: list@example.com`, 'Enter a valid email address, like name@example.com.'],
        [`victim-${runId}@example.com\nBcc: list@example.com`, 'Enter a valid email address, like name@example.com.'],
        [`${'a'.repeat(250)}@example.com`, 'Use at most 254 characters.'],
      ] as const) {
        const result = await subscribe({ email })
        expect(result).toMatchObject({ ok: false, error: 'Please correct the highlighted fields.' })
        expect(!result.ok && result.fieldErrors?.email).toEqual([message])
      }
      expect(await d().select().from(newsletterSubscribers).where(sql`${newsletterSubscribers.email} like ${`victim-${runId}%`}`)).toHaveLength(0)
      expect(await d().select().from(emailOutbox).where(sql`${emailOutbox.toAddress} like ${`victim-${runId}%`}`)).toHaveLength(0)
    })

    it('tells bots (honeypot filled, or faster than 2 s) the same thanks, stores nothing and counts them', async () => {
      const [honeypotBefore, fastBefore] = [await botCount('honeypot'), await botCount('too-fast')]
      const trapped = uniqueEmail('bot')
      expect(await subscribe({ email: trapped, hp: 'http://spam.example' })).toEqual(thanks)
      const fast = uniqueEmail('bot')
      expect(await subscribe({ email: fast, fillMs: 1_500 })).toEqual(thanks)
      expect(await subscriberRow(trapped)).toBeUndefined()
      expect(await subscriberRow(fast)).toBeUndefined()
      expect(await mailTo(trapped)).toHaveLength(0)
      expect(await mailTo(fast)).toHaveLength(0)
      expect(await botCount('honeypot')).toBe(honeypotBefore + 1)
      expect(await botCount('too-fast')).toBe(fastBefore + 1)
    })

    it('answers a replayed submit (same key) with the first answer, storing and mailing once', async () => {
      const email = uniqueEmail()
      const key = newKey()
      const [a, b] = await Promise.all([subscribe({ email, key }), subscribe({ email, key })])
      const c = await subscribe({ email, key })
      expect([a, b, c]).toEqual([thanks, thanks, thanks])
      expect(await d().select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))).toHaveLength(1)
      expect(await mailTo(email)).toHaveLength(1)
    })

    it('creates one row when two different submits race for a new address', async () => {
      const email = uniqueEmail()
      const results = await Promise.all([subscribe({ email }), subscribe({ email })])
      expect(results).toEqual([thanks, thanks])
      expect(await d().select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))).toHaveLength(1)
      expect(await mailTo(email)).toHaveLength(1)
    })

    it('rate-limits per IP and per address with "try again in N minutes", storing nothing', async () => {
      const ip = freshIp()
      await consume(publicFormLimits.newsletter.ip, ip, publicFormLimits.newsletter.ip.points)
      const byIp = uniqueEmail()
      const refused = await subscribe({ email: byIp })
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts\. Please try again in \d+ minutes?\.$/) })
      expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0)
      expect(await subscriberRow(byIp)).toBeUndefined()

      freshIp()
      const byEmail = uniqueEmail()
      for (let i = 0; i < publicFormLimits.newsletter.email.points; i++) expect(await subscribe({ email: byEmail })).toEqual(thanks)
      freshIp()
      expect(await subscribe({ email: byEmail })).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts/) })
      // Five accepted sign-ups inside 10 minutes mailed once.
      expect(await mailTo(byEmail)).toHaveLength(1)
    })
  })

  describe('confirming', () => {
    it('shows the button for a valid link without confirming, then confirms on the POST; a second use says already confirmed', async () => {
      const email = uniqueEmail()
      await subscribe({ email })
      const token = await latestToken(email)
      expect(await getConfirmationState(token)).toBe('pending')
      expect((await subscriberRow(email))!.status).toBe('pending')

      expect(await confirm(token)).toEqual({ ok: true, data: { state: 'confirmed' }, message: confirmMessages.confirmed })
      const row = (await subscriberRow(email))!
      expect(row.status).toBe('confirmed')
      expect(row.confirmedAt).toBeInstanceOf(Date)
      expect(await d().select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'newsletter.confirm')))).toHaveLength(1)

      expect(await confirm(token)).toEqual({ ok: true, data: { state: 'already-confirmed' }, message: confirmMessages.alreadyConfirmed })
      expect(await getConfirmationState(token)).toBe('confirmed')
      expect((await subscriberRow(email))!.confirmedAt).toEqual(row.confirmedAt)
    })

    it('refuses an expired, unknown or malformed token and changes nothing', async () => {
      const email = uniqueEmail()
      await subscribe({ email })
      const token = await latestToken(email)
      await d().update(newsletterSubscribers).set({ confirmExpiresAt: sql`now() - interval '1 minute'` }).where(eq(newsletterSubscribers.email, email))
      expect(await getConfirmationState(token)).toBe('invalid')
      expect(await confirm(token)).toEqual({ ok: false, error: confirmMessages.invalid })
      expect((await subscriberRow(email))!.status).toBe('pending')

      const unknown = 'A'.repeat(43)
      expect(await getConfirmationState(unknown)).toBe('invalid')
      expect(await confirm(unknown)).toEqual({ ok: false, error: confirmMessages.invalid })
      expect(await confirm('short')).toMatchObject({ ok: false, fieldErrors: { token: ['This link is not valid.'] } })
    })

    it('throttles confirmation attempts per IP', async () => {
      const ip = freshIp()
      await consume(newsletterLimits.confirmIp, ip, newsletterLimits.confirmIp.points)
      expect(await confirm('B'.repeat(43))).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts/), retryAfterSeconds: expect.any(Number) })
    })
  })

  describe('unsubscribing', () => {
    it('signs links with an HMAC of the id and compares them in constant time', () => {
      const id = '00000000-0000-4000-8000-000000000001'
      const token = unsubscribeToken(id)
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(unsubscribeToken(id)).toBe(token)
      expect(unsubscribeToken('00000000-0000-4000-8000-000000000002')).not.toBe(token)
      expect(verifyUnsubscribeToken(id, token)).toBe(true)
      expect(vi.mocked(timingSafeEqual)).toHaveBeenCalledTimes(1)
      const forged = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
      expect(verifyUnsubscribeToken(id, forged)).toBe(false)
      expect(vi.mocked(timingSafeEqual)).toHaveBeenCalledTimes(2)
      expect(verifyUnsubscribeToken(id, token.slice(1))).toBe(false)
      expect(newsletterUnsubscribeUrl(id)).toMatch(new RegExp(`/newsletter/unsubscribe\\?id=${id}&token=${token}$`))
      expect(newsletterOneClickUrl(id)).toMatch(new RegExp(`/api/newsletter/unsubscribe\\?id=${id}&token=${token}$`))
      expect(newsletterListUnsubscribeHeaders(id)).toEqual({ 'List-Unsubscribe': `<${newsletterOneClickUrl(id)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
    })

    it('unsubscribes with a valid link, idempotently; a forged or borrowed token changes nothing', async () => {
      const email = uniqueEmail()
      const row = await confirmed(email)
      const other = await confirmed(uniqueEmail())

      const forged = unsubscribeToken(row.id).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
      expect(await unsubscribeVia(row.id, forged)).toEqual({ ok: false, error: unsubscribeMessages.invalid })
      expect(await unsubscribeVia(row.id, unsubscribeToken(other.id))).toEqual({ ok: false, error: unsubscribeMessages.invalid })
      expect((await subscriberRow(email))!.status).toBe('confirmed')

      expect(await unsubscribeVia(row.id, unsubscribeToken(row.id))).toEqual({ ok: true, data: null, message: unsubscribeMessages.done })
      const first = (await subscriberRow(email))!
      expect(first.status).toBe('unsubscribed')
      expect(first.unsubscribedAt).toBeInstanceOf(Date)
      expect(await unsubscribeVia(row.id, unsubscribeToken(row.id))).toEqual({ ok: true, data: null, message: unsubscribeMessages.done })
      expect((await subscriberRow(email))!.unsubscribedAt).toEqual(first.unsubscribedAt)
      expect(await d().select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'newsletter.unsubscribe')))).toHaveLength(1)
      expect((await subscriberRow(other.email))!.status).toBe('confirmed')
    })

    it('answers the RFC 8058 one-click POST: 200 (again 200), 400 for a bad link or body, 429 with Retry-After', async () => {
      const email = uniqueEmail()
      const row = await confirmed(email)
      const query = `id=${row.id}&token=${unsubscribeToken(row.id)}`

      const forged = await oneClick(oneClickRequest(`id=${row.id}&token=${'x'.repeat(43)}`))
      expect(forged.status).toBe(400)
      expect(await oneClick(oneClickRequest(`id=not-a-uuid&token=${unsubscribeToken(row.id)}`)).then((r) => r.status)).toBe(400)
      expect(await oneClick(oneClickRequest(query, 'List-Unsubscribe=Something-Else')).then((r) => r.status)).toBe(400)
      expect((await subscriberRow(email))!.status).toBe('confirmed')

      // No cookie, no CSRF token: the signed link is enough.
      const done = await oneClick(oneClickRequest(query))
      expect(done.status).toBe(200)
      expect(done.headers.get('cache-control')).toBe('no-store')
      expect((await subscriberRow(email))!.status).toBe('unsubscribed')
      const multipart = new FormData()
      multipart.set('List-Unsubscribe', 'One-Click')
      expect(await oneClick(oneClickRequest(query, multipart, {})).then((r) => r.status)).toBe(200)

      // A client without one-click support opens the address: it is sent to the page, nothing changes.
      await d().update(newsletterSubscribers).set({ status: 'confirmed' }).where(eq(newsletterSubscribers.id, row.id))
      const opened = oneClickGet(new Request(`http://localhost/api/newsletter/unsubscribe?${query}&extra=1`))
      expect(opened.status).toBe(303)
      expect(new URL(opened.headers.get('location')!).pathname + new URL(opened.headers.get('location')!).search).toBe(`/newsletter/unsubscribe?${query}`)
      expect((await subscriberRow(email))!.status).toBe('confirmed')

      const ip = freshIp()
      await consume(newsletterLimits.unsubscribeIp, ip, newsletterLimits.unsubscribeIp.points)
      const throttled = await oneClick(oneClickRequest(query))
      expect(throttled.status).toBe(429)
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    })

    it('throttles the unsubscribe button per IP too', async () => {
      const row = await confirmed(uniqueEmail())
      const ip = freshIp()
      await consume(newsletterLimits.unsubscribeIp, ip, newsletterLimits.unsubscribeIp.points)
      expect(await unsubscribeVia(row.id, unsubscribeToken(row.id))).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts/) })
      expect((await subscriberRow(row.email))!.status).toBe('confirmed')
    })
  })

  describe('admin list and CSV', () => {
    const query = (over: Record<string, unknown> = {}) => newsletterListQuerySchema.parse({ q: '', page: 1, ...over })

    it('lists addresses for admins with counts, a status filter, an email search and pages', async () => {
      const label = `list${runId}`
      const pending = uniqueEmail(label)
      await subscribe({ email: pending })
      const sub = await confirmed(uniqueEmail(label))
      const gone = await confirmed(uniqueEmail(label))
      await unsubscribeVia(gone.id, unsubscribeToken(gone.id))
      await d()
        .insert(newsletterSubscribers)
        .values(Array.from({ length: 26 }, (_, i) => ({ email: `page${runId}-${i}@example.com`, status: 'confirmed' as const })))

      await signInAs(people.admin)
      const all = await listSubscribers(query({ q: label }))
      expect(all.total).toBe(3)
      expect(all.subscribers.map((s) => s.email).sort()).toEqual([pending, sub.email, gone.email].sort())
      expect(all.subscribers[0]).not.toHaveProperty('confirmTokenHash')
      const [{ n: confirmedCount } = { n: 0 }] = await d().select({ n: sql<number>`count(*)::int` }).from(newsletterSubscribers).where(eq(newsletterSubscribers.status, 'confirmed'))
      expect(all.counts.confirmed).toBe(confirmedCount)
      expect(all.counts.pending).toBeGreaterThanOrEqual(1)
      expect(all.counts.unsubscribed).toBeGreaterThanOrEqual(1)

      expect((await listSubscribers(query({ q: label, status: 'confirmed' }))).subscribers.map((s) => s.email)).toEqual([sub.email])
      const unsubscribed = await listSubscribers(query({ q: label, status: 'unsubscribed' }))
      expect(unsubscribed.subscribers).toEqual([expect.objectContaining({ email: gone.email, status: 'unsubscribed', unsubscribedAt: expect.any(String) })])
      // A search is a literal: % and _ match themselves.
      expect((await listSubscribers(query({ q: '%' }))).total).toBe(0)

      const first = await listSubscribers(query({ q: `page${runId}` }))
      expect([first.total, first.page, first.pageCount, first.subscribers.length]).toEqual([26, 1, 2, 25])
      const second = await listSubscribers(query({ q: `page${runId}`, page: 2 }))
      expect(second.subscribers).toHaveLength(1)
      expect(second.subscribers[0]!.email).not.toBe(first.subscribers[24]!.email)
      expect((await listSubscribers(query({ q: `page${runId}`, page: 99 }))).page).toBe(2)
    })

    it('refuses the list and the export to editors, candidates and anonymous visitors', async () => {
      await expect(listSubscribers(query())).rejects.toBeInstanceOf(UnauthenticatedError)
      await expect(exportSubscribers(query())).rejects.toBeInstanceOf(UnauthenticatedError)
      expect((await exportCsv(new Request('http://localhost/api/admin/newsletter/export'))).status).toBe(401)
      for (const role of ['editor', 'candidate'] as const) {
        await signInAs(people[role])
        await expect(listSubscribers(query())).rejects.toBeInstanceOf(ForbiddenError)
        await expect(exportSubscribers(query())).rejects.toBeInstanceOf(ForbiddenError)
        const response = await exportCsv(new Request('http://localhost/api/admin/newsletter/export'))
        expect(response.status).toBe(403)
        expect(await response.text()).not.toContain('@example.com')
      }
    })

    it('exports the filtered list as CSV for admins, formula cells neutralized', async () => {
      const label = `csv${runId}`
      const sub = await confirmed(uniqueEmail(label))
      const pending = uniqueEmail(label)
      await subscribe({ email: pending })
      // Not something the form accepts, but the export must be safe for whatever the table holds.
      await d().insert(newsletterSubscribers).values({ email: `=hyperlink-${label}@example.com`, status: 'confirmed' })

      await signInAs(people.admin)
      const response = await exportCsv(new Request(`http://localhost/api/admin/newsletter/export?q=${label}&status=confirmed`))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="newsletter-confirmed-\d{4}-\d{2}-\d{2}\.csv"$/)
      const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
      expect(lines[0]).toBe('Email,Status,Source,Signed up (UTC),Confirmed (UTC),Unsubscribed (UTC)')
      expect(lines).toHaveLength(3)
      expect(lines.some((l) => l.startsWith(`${sub.email},Subscriber,footer,`))).toBe(true)
      expect(lines.some((l) => l.startsWith(`'=hyperlink-${label}@example.com,`))).toBe(true)
      expect(lines.join('\n')).not.toContain(pending)
    })
  })
})
