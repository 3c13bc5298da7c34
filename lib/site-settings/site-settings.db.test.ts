import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import type { Database } from '@/db'
import { auditLog, siteSettings } from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { request, signInAs, signOut } from '@/test/session'
import { failCommitsAfterAudit, fingerprint, makeUser } from '@/lib/users/test-helpers'
import { saveSiteSettingsAction } from './actions'
import { getSiteSettings, getSiteSettingsForEdit, saveSiteSettings, settingsConflictMessage, settingsFromStored } from './data'
import { siteSettingsDefaults, type SiteSettings, type SiteSettingsInput } from './schema'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const notAllowed = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const savedMessage = 'The site settings were saved. Public pages show them from now on.'

type Caller = 'anonymous' | 'candidate' | 'trainer' | 'editor'

function settings(over: Partial<SiteSettingsInput> = {}): SiteSettingsInput {
  return structuredClone({ ...siteSettingsDefaults, ...over })
}

describeEachEngine('site settings', ({ handle }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    signOut()
    refreshedTags.length = 0
    request.ip = '203.0.113.7'
    await d().delete(siteSettings)
    await d().delete(auditLog).where(eq(auditLog.entityType, 'site_settings'))
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  async function asAdmin() {
    const admin = await makeUser(d(), 'admin')
    await signInAs(admin)
    return admin
  }

  async function storedRow() {
    const [row] = await d().select().from(siteSettings)
    return row
  }

  const settingsAudit = () => d().select().from(auditLog).where(eq(auditLog.entityType, 'site_settings')).orderBy(auditLog.id)

  // ---------------------------------------------------------------------------------------------
  describe('getSiteSettings', () => {
    it('answers the hard-coded copy while no row exists, for anyone', async () => {
      expect(await storedRow()).toBeUndefined()
      expect(await getSiteSettings()).toEqual(siteSettingsDefaults)
      expect(siteSettingsDefaults.hero.heading).toBe('Know the role. Close the skill gap. Get hired.')
      expect(siteSettingsDefaults.ctas.bookDemo.title).toBe('Have questions?')
    })

    it('answers what was saved, and a default for any stored field that is missing or invalid', async () => {
      await d()
        .insert(siteSettings)
        .values({ id: 1, version: 3, content: { siteName: 'SkillsU Labs', teamEmail: 'not an email', hero: { heading: 'New heading', text: 42 }, ctas: { newsletter: { title: 'News' } }, junk: true } })
      const read = await getSiteSettings()
      expect(read.siteName).toBe('SkillsU Labs')
      expect(read.teamEmail).toBe('')
      expect(read.hero).toEqual({ eyebrow: siteSettingsDefaults.hero.eyebrow, heading: 'New heading', text: siteSettingsDefaults.hero.text })
      expect(read.ctas.newsletter).toEqual(siteSettingsDefaults.ctas.newsletter)
      expect(read).not.toHaveProperty('junk')
      expect(settingsFromStored(null)).toEqual(siteSettingsDefaults)
      expect(settingsFromStored([1, 2])).toEqual(siteSettingsDefaults)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('saveSiteSettingsAction', () => {
    it('lets an admin save: row id 1 with version 1, audited, cache tag refreshed, public read updated', async () => {
      const admin = await asAdmin()
      request.ip = '198.51.100.40'
      const input = settings({
        siteName: '  SkillsU Europe ',
        teamEmail: ' Team@SkillsU.example ',
        postalAddress: '1 Example Street\nBerlin',
        socialLinks: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/company/skillsu' }],
        hero: { eyebrow: '', heading: 'Learn what pays', text: 'Line one.\n\nLine two.' },
      })
      expect(await saveSiteSettingsAction({ settings: input, expectedVersion: 0 })).toEqual({ ok: true, data: { version: 1 }, message: savedMessage })
      expect(refreshedTags).toEqual(['site-settings'])

      const row = await storedRow()
      expect(row).toMatchObject({ id: 1, version: 1, updatedBy: admin.id })
      const expected: SiteSettings = {
        ...siteSettingsDefaults,
        siteName: 'SkillsU Europe',
        teamEmail: 'team@skillsu.example',
        postalAddress: '1 Example Street\nBerlin',
        socialLinks: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/company/skillsu' }],
        hero: { eyebrow: '', heading: 'Learn what pays', text: 'Line one.\n\nLine two.' },
      }
      expect(row!.content).toEqual(expected)
      expect(await getSiteSettings()).toEqual(expected)
      expect(await getSiteSettingsForEdit()).toMatchObject({ settings: expected, version: 1, updatedBy: admin.name })

      const audit = await settingsAudit()
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ actorId: admin.id, action: 'site_settings.save', entityId: '1', ip: '198.51.100.40' })
      // Only what changed, old and new.
      expect(audit[0]!.before).toEqual({ version: 0, siteName: 'SkillsU', teamEmail: '', postalAddress: '', socialLinks: [], hero: siteSettingsDefaults.hero })
      expect(audit[0]!.after).toEqual({ version: 1, siteName: 'SkillsU Europe', teamEmail: 'team@skillsu.example', postalAddress: expected.postalAddress, socialLinks: expected.socialLinks, hero: expected.hero })

      // The next save goes from version 1 to 2.
      refreshedTags.length = 0
      const next = { ...expected, ctas: { ...expected.ctas, partnerships: { title: 'Partner with SkillsU', text: 'Write to us.' } } }
      expect(await saveSiteSettingsAction({ settings: next, expectedVersion: 1 })).toEqual({ ok: true, data: { version: 2 }, message: savedMessage })
      expect((await storedRow())!.version).toBe(2)
      expect((await settingsAudit()).at(-1)!.after).toEqual({ version: 2, ctas: next.ctas })
      expect(refreshedTags).toEqual(['site-settings'])
    })

    it('saves nothing when nothing changed', async () => {
      await asAdmin()
      expect((await saveSiteSettingsAction({ settings: settings(), expectedVersion: 0 })).ok).toBe(true)
      refreshedTags.length = 0
      const before = await fingerprint(d())
      expect(await saveSiteSettingsAction({ settings: settings(), expectedVersion: 1 })).toEqual({ ok: true, data: { version: 1 }, message: 'Nothing changed since the last save.' })
      expect(await fingerprint(d())).toEqual(before)
      expect(refreshedTags).toEqual([])
    })

    it('refuses a save from a stale version and keeps the other save', async () => {
      await asAdmin()
      expect((await saveSiteSettingsAction({ settings: settings({ siteName: 'First' }), expectedVersion: 0 })).ok).toBe(true)
      expect((await saveSiteSettingsAction({ settings: settings({ siteName: 'Second' }), expectedVersion: 1 })).ok).toBe(true)
      refreshedTags.length = 0
      const before = await fingerprint(d())
      for (const stale of [0, 1, 3]) {
        expect(await saveSiteSettingsAction({ settings: settings({ siteName: 'Stale' }), expectedVersion: stale })).toEqual({ ok: false, error: settingsConflictMessage })
      }
      expect(await fingerprint(d())).toEqual(before)
      expect((await getSiteSettings()).siteName).toBe('Second')
      expect(refreshedTags).toEqual([])
      expect(await saveSiteSettings(settings({ siteName: 'Stale' }) as SiteSettings, 1)).toEqual({ ok: false, error: settingsConflictMessage, conflict: { version: 2 } })
    })

    it('lets only one of two simultaneous saves from the same version win, first save included', async () => {
      await asAdmin()
      for (const expectedVersion of [0, 1]) {
        const results = await Promise.all(
          ['Left', 'Right'].map((siteName) => saveSiteSettingsAction({ settings: settings({ siteName: `${siteName} ${expectedVersion}` }), expectedVersion })),
        )
        expect(results.filter((r) => r.ok)).toHaveLength(1)
        expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: settingsConflictMessage }])
        const row = await storedRow()
        expect(row!.version).toBe(expectedVersion + 1)
        expect((await settingsAudit()).length).toBe(expectedVersion + 1)
      }
    })

    it.each<Caller>(['anonymous', 'candidate', 'trainer', 'editor'])('is refused to %s with the database unchanged', async (caller) => {
      if (caller === 'anonymous') signOut()
      else await signInAs(await makeUser(d(), caller))
      const before = await fingerprint(d())
      expect(await saveSiteSettingsAction({ settings: settings({ siteName: 'Hijacked' }), expectedVersion: 0 })).toEqual(caller === 'anonymous' ? signInRequired : notAllowed)
      expect(await fingerprint(d())).toEqual(before)
      expect(refreshedTags).toEqual([])
      await expect(getSiteSettingsForEdit()).rejects.toBeInstanceOf(caller === 'anonymous' ? UnauthenticatedError : ForbiddenError)
    })

    it.each<{ label: string; input: Partial<SiteSettingsInput>; field: string }>([
      { label: 'an empty site name', input: { siteName: '   ' }, field: 'settings.siteName' },
      { label: 'a malformed team email', input: { teamEmail: 'team at skillsu' }, field: 'settings.teamEmail' },
      { label: 'an http social link', input: { socialLinks: [{ label: 'X', url: 'http://x.com/skillsu' }] }, field: 'settings.socialLinks.0.url' },
      { label: 'a javascript: social link', input: { socialLinks: [{ label: 'X', url: 'javascript:alert(1)' }] }, field: 'settings.socialLinks.0.url' },
      { label: 'a social link with credentials', input: { socialLinks: [{ label: 'X', url: 'https://user:pw@x.com/' }] }, field: 'settings.socialLinks.0.url' },
      { label: 'a social link without a label', input: { socialLinks: [{ label: '', url: 'https://x.com/skillsu' }] }, field: 'settings.socialLinks.0.label' },
      {
        label: 'seven social links',
        input: { socialLinks: Array.from({ length: 7 }, (_, i) => ({ label: `L${i}`, url: `https://l${i}.example.com/` })) },
        field: 'settings.socialLinks',
      },
      { label: 'a duplicate social link', input: { socialLinks: [{ label: 'A', url: 'https://a.example.com/' }, { label: 'B', url: 'https://A.example.com/' }] }, field: 'settings.socialLinks' },
      { label: 'a 121-character hero heading', input: { hero: { ...siteSettingsDefaults.hero, heading: 'x'.repeat(121) } }, field: 'settings.hero.heading' },
      { label: 'a line break in the site name', input: { siteName: 'Skills\nU' }, field: 'settings.siteName' },
      { label: 'an empty call-to-action text', input: { ctas: { ...siteSettingsDefaults.ctas, newsletter: { title: 'News', text: '' } } }, field: 'settings.ctas.newsletter.text' },
    ])('answers $label with a field error and stores nothing', async ({ input, field }) => {
      await asAdmin()
      const before = await fingerprint(d())
      const result = await saveSiteSettingsAction({ settings: settings(input), expectedVersion: 0 })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error).toBe('Please correct the highlighted fields.')
      expect(Object.keys(result.fieldErrors ?? {})).toEqual([field])
      expect(await fingerprint(d())).toEqual(before)
      expect(refreshedTags).toEqual([])
    })

    it('answers a missing or malformed version and a non-object with errors, storing nothing', async () => {
      await asAdmin()
      const before = await fingerprint(d())
      for (const input of [{ settings: settings() }, { settings: settings(), expectedVersion: '0' }, { settings: settings(), expectedVersion: -1 }, { expectedVersion: 0 }, 'x', null]) {
        expect(await saveSiteSettingsAction(input)).toMatchObject({ ok: false, error: 'Please correct the highlighted fields.' })
      }
      expect(await fingerprint(d())).toEqual(before)
    })

    it('stores only the fields of the schema', async () => {
      await asAdmin()
      const input = { ...settings(), isAdmin: true, hero: { ...siteSettingsDefaults.hero, script: '<script>' }, socialLinks: [{ label: 'A', url: 'https://a.example.com/', onclick: 'x' }] }
      expect((await saveSiteSettingsAction({ settings: input, expectedVersion: 0, version: 99 })).ok).toBe(true)
      const row = await storedRow()
      expect(row!.version).toBe(1)
      expect(row!.content).toEqual({ ...siteSettingsDefaults, socialLinks: [{ label: 'A', url: 'https://a.example.com/' }] })
    })

    it('writes the audit row in the same transaction: a failure after it leaves neither', async () => {
      await asAdmin()
      expect((await saveSiteSettingsAction({ settings: settings({ siteName: 'Kept' }), expectedVersion: 0 })).ok).toBe(true)
      await failCommitsAfterAudit(d(), 'site_settings', `new.content->>'siteName' = 'Fail After Audit'`)
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      refreshedTags.length = 0
      const before = await fingerprint(d())

      expect(await saveSiteSettingsAction({ settings: settings({ siteName: 'Fail After Audit' }), expectedVersion: 1 })).toEqual({
        ok: false,
        error: 'Something went wrong on our side. Nothing was changed; please try again.',
      })
      expect(String((logged.mock.calls[0]?.[1] as Error)?.cause ?? logged.mock.calls[0]?.[1])).toContain('forced failure after the audit insert')
      expect(await fingerprint(d())).toEqual(before)
      expect((await settingsAudit()).map((a) => (a.after as { siteName?: string }).siteName)).toEqual(['Kept'])
      expect((await getSiteSettings()).siteName).toBe('Kept')
      expect(refreshedTags).toEqual([])

      // The first save (an insert) is covered the same way.
      await d().delete(siteSettings)
      await d().delete(auditLog).where(eq(auditLog.entityType, 'site_settings'))
      expect(await saveSiteSettingsAction({ settings: settings({ siteName: 'Fail After Audit' }), expectedVersion: 0 })).toMatchObject({ ok: false })
      expect(await storedRow()).toBeUndefined()
      expect(await settingsAudit()).toEqual([])
    })
  })
})
