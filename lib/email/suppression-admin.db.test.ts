import { eq } from 'drizzle-orm'
import { beforeEach, expect, it, vi } from 'vitest'

vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import type { Database } from '@/db'
import { auditLog, emailSuppressions } from '@/db/schema'
import { makeUser, uniqueEmail } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { request, signInAs, signOut } from '@/test/session'
import { addEmailSuppression, clearEmailSuppression } from './suppression-actions'
import { listSuppressions } from './suppression-admin'
import { suppressAddress } from './suppressions'

describeEachEngine('suppression list admin', ({ handle }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    signOut()
    request.ip = '203.0.113.9'
    await d().delete(emailSuppressions)
  })

  const audit = (email: string) => d().select().from(auditLog).where(eq(auditLog.entityId, email)).orderBy(auditLog.id)

  it('an admin adds a complaint, finds it by search, and clears it; each write audited', async () => {
    const admin = await makeUser(d(), 'admin')
    await signInAs(admin)
    const email = uniqueEmail('complainer')
    await suppressAddress(d(), { email: uniqueEmail('bounced'), reason: 'hard_bounce', detail: '550 no such mailbox' })

    expect(await addEmailSuppression({ email: email.toUpperCase(), reason: 'complaint', detail: 'Reported as spam' })).toMatchObject({ ok: true })
    expect(await addEmailSuppression({ email, reason: 'manual' })).toEqual({ ok: false, error: 'That address is already on the list.' })
    const found = await listSuppressions({ q: email.slice(0, 12), page: 1 })
    expect(found.total).toBe(1)
    expect(found.suppressions[0]).toMatchObject({ email, reason: 'complaint', detail: 'Reported as spam', addedBy: admin.name })
    expect((await listSuppressions({ q: '', page: 1 })).total).toBe(2)

    expect(await clearEmailSuppression({ email })).toMatchObject({ ok: true })
    expect(await d().select().from(emailSuppressions).where(eq(emailSuppressions.email, email))).toHaveLength(0)
    expect(await clearEmailSuppression({ email })).toMatchObject({ ok: false })
    const rows = await audit(email)
    expect(rows.map((r) => r.action)).toEqual(['email_suppression.add', 'email_suppression.clear'])
    expect(rows[1]).toMatchObject({ actorId: admin.id, ip: '203.0.113.9', before: { reason: 'complaint', detail: 'Reported as spam' } })
  })

  it('refuses anyone but an admin, changing nothing', async () => {
    const email = uniqueEmail('kept')
    await suppressAddress(d(), { email, reason: 'manual' })
    expect(await clearEmailSuppression({ email })).toMatchObject({ ok: false, code: 'unauthenticated' })
    for (const role of ['candidate', 'editor'] as const) {
      await signInAs(await makeUser(d(), role))
      expect(await clearEmailSuppression({ email })).toMatchObject({ ok: false, code: 'forbidden' })
      expect(await addEmailSuppression({ email: uniqueEmail('x'), reason: 'manual' })).toMatchObject({ ok: false, code: 'forbidden' })
      await expect(listSuppressions({ q: '', page: 1 })).rejects.toThrow()
    }
    expect(await d().select().from(emailSuppressions)).toHaveLength(1)
    expect(await audit(email)).toHaveLength(0)
  })
})
