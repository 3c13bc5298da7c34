import { asc, eq, or } from 'drizzle-orm'
import { beforeEach, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the secret that signs unsubscribe links must be there first.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'consent-db-test-secret-0123456789abcdefghijkl'
})
import type { Database } from '@/db'
import { consentRecords, newsletterSubscribers, users } from '@/db/schema'
import { createAccount, exportAccountData } from '@/lib/accounts/data'
import { unsubscribeFromAlerts } from '@/lib/alerts/data'
import { alertsUnsubscribeToken } from '@/lib/alerts/tokens'
import type { CurrentUser } from '@/lib/auth/session'
import { subscribeInTx, unsubscribe } from '@/lib/newsletter/data'
import { unsubscribeToken } from '@/lib/newsletter/tokens'
import { updateAlertSettings } from '@/lib/profile/data'
import { uniqueEmail } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { consentSources, consentWording } from './consent'

describeEachEngine('consent records', ({ handle }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    await d().delete(consentRecords)
  })

  const recordsFor = (email: string) =>
    d()
      .select({ purpose: consentRecords.purpose, granted: consentRecords.granted, source: consentRecords.source, wording: consentRecords.wording, userId: consentRecords.userId })
      .from(consentRecords)
      .where(eq(consentRecords.email, email))
      .orderBy(asc(consentRecords.id))

  it('a newsletter sign-up stores when, which form and the wording that form shows; unsubscribing stores a withdrawal', async () => {
    const email = uniqueEmail('reader')
    await d().transaction((tx) => subscribeInTx(tx, { email, source: 'home' }))
    expect(await recordsFor(email)).toEqual([{ purpose: 'newsletter', granted: true, source: 'home-newsletter', wording: consentWording('home-newsletter'), userId: null }])

    const [sub] = await d().select({ id: newsletterSubscribers.id }).from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))
    expect(await unsubscribe({ id: sub!.id, token: unsubscribeToken(sub!.id) })).toBe('unsubscribed')
    // A second click changes nothing and records nothing more.
    expect(await unsubscribe({ id: sub!.id, token: unsubscribeToken(sub!.id) })).toBe('unsubscribed')
    const rows = await recordsFor(email)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toEqual({ purpose: 'newsletter', granted: false, source: 'newsletter-unsubscribe', wording: consentSources['newsletter-unsubscribe'].wording, userId: null })
  })

  it('sign-up records alerts and terms; alerts off and on in the dashboard and off from an email link are recorded; the export includes them', async () => {
    const email = uniqueEmail('candidate')
    expect(await createAccount({ name: 'Cara', email, password: 'correct horse battery staple 9' })).toEqual({ ok: true })
    const [user] = await d().select().from(users).where(eq(users.email, email))
    const me: CurrentUser = { id: user!.id, email, name: 'Cara', role: 'candidate', emailVerified: false, sessionVersion: user!.sessionVersion, totpEnabled: false, mfa: false }
    expect((await recordsFor(email)).map((r) => [r.source, r.granted, r.userId])).toEqual([
      ['signup-alerts', true, user!.id],
      ['signup-terms', true, user!.id],
    ])

    await updateAlertSettings(me, { frequency: 'daily', paused: false }) // still on: no record
    await updateAlertSettings(me, { frequency: 'off', paused: false })
    await updateAlertSettings(me, { frequency: 'monthly', paused: true })
    expect(await unsubscribeFromAlerts({ u: user!.id, token: alertsUnsubscribeToken(user!.id) })).toBe('unsubscribed')
    expect(await unsubscribeFromAlerts({ u: user!.id, token: alertsUnsubscribeToken(user!.id) })).toBe('unsubscribed')
    const sources = (await recordsFor(email)).map((r) => [r.source, r.granted])
    expect(sources).toEqual([
      ['signup-alerts', true],
      ['signup-terms', true],
      ['dashboard-alerts-off', false],
      ['dashboard-alerts', true],
      ['alerts-unsubscribe', false],
    ])

    // A newsletter sign-up from the footer with the same address (no user id on it) is theirs too.
    await d().transaction((tx) => subscribeInTx(tx, { email, source: 'footer' }))
    const exported = await exportAccountData(me)
    expect(exported.consents.map((c) => c.source)).toEqual([...sources.map((s) => s[0]), 'footer-newsletter'])
    expect(exported.consents[5]).toMatchObject({ purpose: 'newsletter', granted: true, wording: consentWording('footer-newsletter') })
    expect(exported.consents[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/)
    // Nobody else's rows.
    const others = await d().select().from(consentRecords).where(or(eq(consentRecords.email, 'nobody@example.com')))
    expect(others).toHaveLength(0)
  })
})
