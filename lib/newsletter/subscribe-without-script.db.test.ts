import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the secret that signs form tickets must be there first.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'newsletter-no-script-test-secret-0123456789abcdef'
})
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import type { Database } from '@/db'
import { emailOutbox, formBotEvents, newsletterSubscribers } from '@/db/schema'
import { issueFormTicket } from '@/lib/forms/ticket'
import { describeEachEngine } from '@/test/db'
import { freshIp } from '@/test/session'
import { subscribeToNewsletter } from './actions'
import { subscribeMessage, subscribeTicketMessage } from './schema'

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const uniqueEmail = (label: string) => `${label}-${runId}-${++counter}@example.com`
const thanks = { ok: true, data: null, message: subscribeMessage }

/** The form as a browser without JavaScript sends it: the guard's hidden fields empty. */
function plainForm(fields: Record<string, string>) {
  const form = new FormData()
  for (const [key, value] of Object.entries({ source: 'footer', idempotencyKey: '', fillMs: '', hp: '', ...fields })) form.set(key, value)
  return form
}

describeEachEngine('newsletter sign-up without JavaScript', ({ handle }) => {
  const d = (): Database => handle().db
  const subscriberRows = (email: string) => d().select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))
  const mailTo = (email: string) => d().select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))
  const botCount = async (reason: 'honeypot' | 'too-fast') =>
    (await d().select({ n: formBotEvents.count }).from(formBotEvents).where(and(eq(formBotEvents.form, 'newsletter'), eq(formBotEvents.reason, reason))))[0]?.n ?? 0

  beforeEach(() => {
    freshIp()
  })

  describe('first submit', () => {
    it('is answered with a ticket for a second submit, the address kept, nothing stored or mailed', async () => {
      const email = uniqueEmail('first')
      const result = await subscribeToNewsletter(null, plainForm({ email }))
      expect(result).toMatchObject({ ok: true, message: subscribeTicketMessage, email })
      expect(result.ticket).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/)
      expect(await subscriberRows(email)).toHaveLength(0)
      expect(await mailTo(email)).toHaveLength(0)
    })

    it('explains a bad address next to the field and keeps what was typed', async () => {
      const result = await subscribeToNewsletter(null, plainForm({ email: 'not-an-address' }))
      expect(result).toMatchObject({ ok: false, email: 'not-an-address', fieldErrors: { email: ['Enter a valid email address, like name@example.com.'] } })
      expect(result.ticket).toBeUndefined()
    })

    it('thanks a bot that fills the honeypot, counts it and gives it no ticket', async () => {
      const before = await botCount('honeypot')
      const email = uniqueEmail('bot')
      expect(await subscribeToNewsletter(null, plainForm({ email, hp: 'https://spam.example' }))).toEqual(thanks)
      expect(await botCount('honeypot')).toBe(before + 1)
      expect(await subscriberRows(email)).toHaveLength(0)
    })
  })

  describe('second submit, with the ticket', () => {
    it('subscribes once, however often the ticket is sent (its key makes the submit idempotent)', async () => {
      const email = uniqueEmail('second')
      const ticket = issueFormTicket('newsletter', Date.now() - 5_000)
      const results = await Promise.all([subscribeToNewsletter(null, plainForm({ email, ticket })), subscribeToNewsletter(null, plainForm({ email, ticket }))])
      expect(results).toEqual([thanks, thanks])
      expect(await subscribeToNewsletter(null, plainForm({ email, ticket }))).toEqual(thanks)
      expect((await subscriberRows(email)).map((r) => r.status)).toEqual(['pending'])
      expect(await mailTo(email)).toHaveLength(1)
    })

    it('takes a ticket sent back at once for a bot (faster than a person): thanks, nothing stored', async () => {
      const before = await botCount('too-fast')
      const email = uniqueEmail('fast')
      const first = await subscribeToNewsletter(null, plainForm({ email }))
      expect(await subscribeToNewsletter(null, plainForm({ email, ticket: first.ticket! }))).toEqual(thanks)
      expect(await botCount('too-fast')).toBe(before + 1)
      expect(await subscriberRows(email)).toHaveLength(0)
    })

    it('asks again for a forged, altered or expired ticket, storing nothing', async () => {
      const email = uniqueEmail('forged')
      const [issued, key] = issueFormTicket('newsletter', Date.now() - 5_000).split('.')
      for (const ticket of [`${issued}.${key}.${'x'.repeat(43)}`, issueFormTicket('demo', Date.now() - 5_000), issueFormTicket('newsletter', Date.now() - 2 * 24 * 60 * 60 * 1000), 'nonsense']) {
        const result = await subscribeToNewsletter(null, plainForm({ email, ticket }))
        expect(result, ticket).toMatchObject({ ok: true, message: subscribeTicketMessage })
        expect(result.ticket).not.toBe(ticket)
      }
      expect(await subscriberRows(email)).toHaveLength(0)
    })
  })
})
