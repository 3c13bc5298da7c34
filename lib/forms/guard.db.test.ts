import { and, eq, sql } from 'drizzle-orm'
import { beforeEach, expect, it, vi } from 'vitest'

// test/session reads the session source; mock it too, or the two mocks wait on each other.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import { db } from '@/db'
import { formBotEvents, formSubmissions, rateLimits } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { describeEachEngine } from '@/test/db'
import { freshIp } from '@/test/session'
import { guardedSubmit, minimumFillMs } from './guard'
import { formGuardSchema } from './schema'

const keyOf = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24)
const human = (key = keyOf()) => formGuardSchema.parse({ idempotencyKey: key, fillMs: '60000', hp: '' })
const thanks = ok({ id: 'thanks' }, 'Thank you!')

/** A stand-in record table: the guard's `run` writes one row per stored submit into form_bot_events' sibling. */
async function storedCount(key: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(formSubmissions).where(eq(formSubmissions.key, key))
  return row!.n
}

describeEachEngine('public form guard', () => {
  let runs = 0
  beforeEach(() => {
    runs = 0
    freshIp()
  })
  const run = (result: ActionResult<{ id: string }> = ok({ id: 'record-1' }, 'Stored.')) => async () => {
    runs++
    return result
  }

  it('stores a person\'s submit once and answers a replay of the same key with the first answer', async () => {
    const guard = human()
    const first = await guardedSubmit({ form: 'partnership', guard, email: 'a@example.com', thanks, run: run() })
    expect(first).toEqual({ ok: true, data: { id: 'record-1' }, message: 'Stored.' })
    const replay = await guardedSubmit({ form: 'partnership', guard, email: 'a@example.com', thanks, run: run(ok({ id: 'record-2' }, 'Other.')) })
    expect(replay).toEqual(first)
    expect(runs).toBe(1)
    expect(await storedCount(guard.idempotencyKey)).toBe(1)
  })

  it('makes two racing submits with one key store one record, both getting the same answer', async () => {
    const guard = human()
    let n = 0
    const slowRun = async () => {
      n++
      await new Promise((r) => setTimeout(r, 50))
      return ok({ id: `record-${n}` }, 'Stored.')
    }
    const [a, b] = await Promise.all([
      guardedSubmit({ form: 'demo', guard, email: 'race@example.com', thanks, run: slowRun }),
      guardedSubmit({ form: 'demo', guard, email: 'race@example.com', thanks, run: slowRun }),
    ])
    expect(n).toBe(1)
    expect(a).toEqual(b)
    expect(a.ok).toBe(true)
  })

  it('tells a bot that filled the honeypot "thanks", stores nothing and counts it', async () => {
    const guard = formGuardSchema.parse({ idempotencyKey: keyOf(), fillMs: '60000', hp: 'http://spam.example' })
    expect(await guardedSubmit({ form: 'newsletter', guard, email: 'bot@example.com', thanks, run: run() })).toEqual(thanks)
    expect(runs).toBe(0)
    expect(await storedCount(guard.idempotencyKey)).toBe(0)
    const [row] = await db.select().from(formBotEvents).where(and(eq(formBotEvents.form, 'newsletter'), eq(formBotEvents.reason, 'honeypot')))
    expect(row!.count).toBeGreaterThanOrEqual(1)
  })

  it('treats a submit faster than a person, or one with no fill time at all, as a bot', async () => {
    for (const fillMs of [String(minimumFillMs.demo - 1), undefined, 'not-a-number']) {
      const guard = formGuardSchema.parse({ idempotencyKey: keyOf(), fillMs, hp: '' })
      expect(await guardedSubmit({ form: 'demo', guard, email: 'fast@example.com', thanks, run: run() })).toEqual(thanks)
    }
    expect(runs).toBe(0)
    const [row] = await db.select().from(formBotEvents).where(and(eq(formBotEvents.form, 'demo'), eq(formBotEvents.reason, 'too-fast')))
    expect(row!.count).toBe(3)
  })

  it('refuses a malformed idempotency key with a message', () => {
    const parsed = formGuardSchema.safeParse({ idempotencyKey: 'short', fillMs: '60000' })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]!.message).toBe('Reload the page and try again.')
  })

  it('limits submits per IP and per address, with when to try again', async () => {
    const limits = { ip: { name: 't-ip', points: 3, durationSeconds: 600 }, email: { name: 't-email', points: 2, durationSeconds: 600 } }
    // Per address: the third submit about the same address is refused, whatever the IP.
    for (let i = 0; i < 2; i++) expect((await guardedSubmit({ form: 'newsletter', guard: human(), email: 'same@example.com', thanks, run: run(), limits, ip: `198.51.100.${i}` })).ok).toBe(true)
    const byEmail = await guardedSubmit({ form: 'newsletter', guard: human(), email: 'same@example.com', thanks, run: run(), limits, ip: '198.51.100.9' })
    expect(byEmail).toMatchObject({ ok: false, error: 'Too many attempts. Please try again in 10 minutes.' })
    expect(byEmail.ok || byEmail.retryAfterSeconds).toBeGreaterThan(500)
    // Per IP: the fourth from one address is refused, whatever the email.
    for (let i = 0; i < 3; i++) await guardedSubmit({ form: 'newsletter', guard: human(), email: `ip${i}@example.com`, thanks, run: run(), limits, ip: '198.51.100.77' })
    const byIp = await guardedSubmit({ form: 'newsletter', guard: human(), email: 'other@example.com', thanks, run: run(), limits, ip: '198.51.100.77' })
    expect(byIp).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts\. Please try again in \d+ minutes?\.$/) })
    await db.delete(rateLimits)
  })

  it('releases the key when the submit is refused, so the corrected form can be sent with it', async () => {
    const guard = human()
    const refused = await guardedSubmit({ form: 'partnership', guard, email: 'fix@example.com', thanks, run: run(fail('Please correct the highlighted fields.', { fieldErrors: { company: ['Enter a company.'] } })) })
    expect(refused.ok).toBe(false)
    expect(await storedCount(guard.idempotencyKey)).toBe(0)
    expect((await guardedSubmit({ form: 'partnership', guard, email: 'fix@example.com', thanks, run: run() })).ok).toBe(true)
  })

  it('rolls back the claim with the record when storing throws', async () => {
    const guard = human()
    await expect(
      guardedSubmit({
        form: 'demo',
        guard,
        email: 'boom@example.com',
        thanks,
        run: async () => {
          throw new Error('database went away')
        },
      }),
    ).rejects.toThrow('database went away')
    expect(await storedCount(guard.idempotencyKey)).toBe(0)
  })

  it('keeps keys per form: the same key on two forms is two submits', async () => {
    const key = keyOf()
    await guardedSubmit({ form: 'partnership', guard: human(key), email: 'x@example.com', thanks, run: run() })
    await guardedSubmit({ form: 'demo', guard: human(key), email: 'x@example.com', thanks, run: run() })
    expect(runs).toBe(2)
  })
})
