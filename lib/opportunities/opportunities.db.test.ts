import { asc, eq, sql } from 'drizzle-orm'
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
// The audit writer can be made to fail, to prove each write and its audit row share one transaction.
const auditControl = vi.hoisted(() => ({ fail: false }))
vi.mock('@/lib/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/audit')>()
  return {
    ...real,
    writeAudit: async (...args: Parameters<typeof real.writeAudit>) => {
      if (auditControl.fail) throw new Error('audit log unavailable')
      return real.writeAudit(...args)
    },
  }
})

import { queryRows, type Database } from '@/db'
import { auditLog, opportunities, partners, programs, roles, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { seedOpportunities, seedOpportunityDays, seedPrograms, seedProgramsAndOpportunities } from '@/db/seed/content/programs'
import type { ActionResult } from '@/lib/action-result'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { request, signInAs, signOut } from '@/test/session'
import {
  archiveOpportunity,
  createOpportunity,
  deleteOpportunity,
  deleteOpportunityPermanently,
  publishOpportunity,
  restoreOpportunity,
  unpublishOpportunity,
  updateOpportunity,
  type SavedOpportunity,
} from './actions'
import { conflictMessage, getOpportunityForEdit, listOpportunitiesForAdmin, listOpportunityFormOptions, listTrashedOpportunities } from './admin-data'
import { listLatestOpportunitiesForRole, listPublishedOpportunities } from './data'
import { filterOpportunities, filterOptions } from './filters'
import { dateFromExpiresAt, type OpportunityFormInput } from './schema'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const forbidden = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const runId = Math.random().toString(36).slice(2, 7)
let counter = 0

/** YYYY-MM-DD, `days` from today (UTC). */
function dayFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

describeEachEngine('opportunities', ({ handle }) => {
  const d = (): Database => handle().db
  const people = {} as Record<'editor' | 'admin' | 'candidate' | 'trainer', { id: string }>
  const ids = {} as { accenture: string; backEnd: string; dataEngineer: string; draftRole: string }

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
    // The seed's sample listings and programs are tested on their own; start from none.
    await d().delete(opportunities)
    await d().delete(programs)
    for (const role of ['editor', 'admin', 'candidate', 'trainer'] as const) {
      const [row] = await d()
        .insert(users)
        .values({ email: `${role}-${runId}@example.com`, name: `Test ${role}`, role })
        .returning({ id: users.id })
      people[role] = row!
    }
    const roleId = async (slug: string) => (await d().select({ id: roles.id }).from(roles).where(eq(roles.slug, slug)))[0]!.id
    ids.backEnd = await roleId('back-end-developer')
    ids.dataEngineer = await roleId('data-engineer')
    ids.draftRole = (await d().select({ id: roles.id }).from(roles).where(eq(roles.status, 'draft')))[0]!.id
    ids.accenture = (await d().select({ id: partners.id }).from(partners).where(eq(partners.slug, 'accenture')))[0]!.id
  })

  beforeEach(() => {
    signOut()
    refreshedTags.length = 0
    auditControl.fail = false
  })
  afterEach(() => vi.restoreAllMocks())

  const as = (who: keyof typeof people) => signInAs(people[who])

  function values(over: Partial<OpportunityFormInput> = {}): OpportunityFormInput {
    counter++
    return {
      title: `Back-End Developer ${runId}-${counter}`,
      partnerId: ids.accenture,
      companyName: '',
      roleId: ids.backEnd,
      location: 'London, UK',
      remote: false,
      employmentType: 'full_time',
      description: 'Build and run APIs.',
      applyUrl: `https://example.com/jobs/${runId}-${counter}`,
      expiresOn: dayFromNow(30),
      ...over,
    }
  }

  /** Every opportunity row and the audit log's size: what a refused action must leave as it was. */
  async function state() {
    const rows = await d().select().from(opportunities).orderBy(asc(opportunities.id))
    const [audit] = await queryRows<{ n: number }>(d(), sql`select count(*)::int as n from ${auditLog}`)
    return { rows, audits: audit!.n }
  }

  async function row(id: string) {
    const [r] = await d().select().from(opportunities).where(eq(opportunities.id, id))
    return r
  }

  async function lastAudit(entityId: string) {
    const [a] = await d().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(sql`${auditLog.id} desc`).limit(1)
    return a
  }

  /** A fresh draft made through the action, as an editor. */
  async function draft(over: Partial<OpportunityFormInput> = {}): Promise<SavedOpportunity> {
    await as('editor')
    const result = await createOpportunity(values(over))
    expect(result.ok, JSON.stringify(result)).toBe(true)
    signOut()
    refreshedTags.length = 0
    return (result as { data: SavedOpportunity }).data
  }

  async function published(over: Partial<OpportunityFormInput> = {}): Promise<SavedOpportunity> {
    const created = await draft(over)
    await as('editor')
    const result = await publishOpportunity({ id: created.id, expectedVersion: created.version })
    expect(result.ok, JSON.stringify(result)).toBe(true)
    signOut()
    refreshedTags.length = 0
    return (result as { data: SavedOpportunity }).data
  }

  /** Anonymous, candidate and trainer callers are refused and nothing in the database changes. */
  async function expectRefusedToNonStaff(run: () => Promise<ActionResult<unknown>>) {
    refreshedTags.length = 0
    const before = await state()
    signOut()
    expect(await run()).toEqual(signInRequired)
    for (const who of ['candidate', 'trainer'] as const) {
      await as(who)
      expect(await run()).toEqual(forbidden)
    }
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  }

  /** With the audit log failing, the action fails and its write is rolled back with it. */
  async function expectAtomicWithAudit(who: keyof typeof people, run: () => Promise<ActionResult<unknown>>) {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    refreshedTags.length = 0
    const before = await state()
    await as(who)
    auditControl.fail = true
    const result = await run()
    auditControl.fail = false
    expect(result.ok).toBe(false)
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  }

  // ----------------------------------------------------------------------------------------------
  // create
  // ----------------------------------------------------------------------------------------------

  it('create: an editor creates a draft with a partner; audited; tags refreshed', async () => {
    await as('editor')
    request.ip = '203.0.113.21'
    const input = values()
    const result = await createOpportunity(input)
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), version: 1 }, message: 'Opportunity created as a draft.' })
    const id = (result as { data: SavedOpportunity }).data.id
    const stored = (await row(id))!
    expect(stored).toMatchObject({
      title: input.title,
      partnerId: ids.accenture,
      companyName: 'Accenture',
      roleId: ids.backEnd,
      status: 'draft',
      publishedAt: null,
      version: 1,
      updatedBy: people.editor.id,
      deletedAt: null,
    })
    expect(dateFromExpiresAt(stored.expiresAt!)).toBe(input.expiresOn)
    const audit = await lastAudit(id)
    expect(audit).toMatchObject({ actorId: people.editor.id, action: 'opportunity.create', entityType: 'opportunity', before: null, ip: '203.0.113.21' })
    expect(audit!.after).toMatchObject({ title: input.title, companyName: 'Accenture', status: 'draft' })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
  })

  it('create: an admin creates one for a free-text company, remote, without role or expiry', async () => {
    await as('admin')
    const result = await createOpportunity(values({ partnerId: '', companyName: 'Northwind', roleId: '', location: '', remote: true, expiresOn: '' }))
    expect(result.ok).toBe(true)
    const stored = (await row((result as { data: SavedOpportunity }).data.id))!
    expect(stored).toMatchObject({ partnerId: null, companyName: 'Northwind', roleId: null, remote: true, location: '', expiresAt: null })
    expect(refreshedTags).toEqual(['opportunities'])
  })

  it('create: refused to anonymous, candidate and trainer callers', async () => {
    await expectRefusedToNonStaff(() => createOpportunity(values()))
  })

  it('create: bad input answers by the field and stores nothing', async () => {
    await as('editor')
    const before = await state()
    const cases: [Partial<OpportunityFormInput> | Record<string, unknown>, string, string][] = [
      [{ applyUrl: 'http://example.com/jobs/1' }, 'applyUrl', 'Use a full https:// address, e.g. https://example.com/jobs/42'],
      [{ applyUrl: 'javascript:alert(1)' }, 'applyUrl', 'Use a full https:// address, e.g. https://example.com/jobs/42'],
      [{ applyUrl: '' }, 'applyUrl', 'Enter the address where candidates apply'],
      [{ title: '' }, 'title', 'Enter the job title (at least 2 characters)'],
      [{ title: 'x'.repeat(161) }, 'title', 'Use at most 160 characters'],
      [{ partnerId: '', companyName: '' }, 'companyName', 'Choose a partner or type the company name'],
      [{ partnerId: 'not-a-uuid' }, 'partnerId', 'Choose a company from the list'],
      [{ roleId: 'back-end-developer' }, 'roleId', 'Choose a role from the list'],
      [{ location: '', remote: false }, 'location', 'Enter a location, or tick Remote'],
      [{ employmentType: 'forever' as never }, 'employmentType', 'Choose the employment type'],
      [{ description: '' }, 'description', 'Enter a short description'],
      [{ expiresOn: '2026-02-30' }, 'expiresOn', 'Enter a date (YYYY-MM-DD)'],
      [{ remote: 'yes' as never }, 'remote', 'Say whether the job is remote'],
    ]
    for (const [over, field, message] of cases) {
      const result = await createOpportunity(values(over as Partial<OpportunityFormInput>))
      expect(result.ok, field).toBe(false)
      expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field], JSON.stringify(over)).toContain(message)
    }
    // Checked in the data layer: a date already past, a partner that is gone.
    expect(await createOpportunity(values({ expiresOn: dayFromNow(-1) }))).toMatchObject({ ok: false, fieldErrors: { expiresOn: ['Choose today or a later date'] } })
    expect(await createOpportunity(values({ partnerId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      ok: false,
      fieldErrors: { partnerId: ['That partner is no longer available; choose another'] },
    })
    expect(await createOpportunity(null)).toMatchObject({ ok: false, fieldErrors: { _form: expect.any(Array) } })
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  })

  it('create: extra fields are never written', async () => {
    await as('editor')
    const result = await createOpportunity({ ...values(), status: 'published', publishedAt: new Date().toISOString(), version: 42, updatedBy: people.admin.id, deletedAt: new Date().toISOString() })
    const stored = (await row((result as { data: SavedOpportunity }).data.id))!
    expect(stored).toMatchObject({ status: 'draft', publishedAt: null, version: 1, updatedBy: people.editor.id, deletedAt: null })
  })

  it('create: the audit row is written in the same transaction', async () => {
    await expectAtomicWithAudit('editor', () => createOpportunity(values()))
  })

  // ----------------------------------------------------------------------------------------------
  // update
  // ----------------------------------------------------------------------------------------------

  it('update: an editor saves with the version they started from; audited with before and after', async () => {
    const created = await draft()
    await as('editor')
    const next = values({ roleId: ids.dataEngineer, partnerId: '', companyName: 'Fabrikam', title: 'Data Engineer' })
    const result = await updateOpportunity({ ...next, id: created.id, expectedVersion: 1 })
    expect(result).toEqual({ ok: true, data: { id: created.id, version: 2 }, message: 'Opportunity saved.' })
    expect(await row(created.id)).toMatchObject({ title: 'Data Engineer', companyName: 'Fabrikam', partnerId: null, roleId: ids.dataEngineer, version: 2 })
    const audit = await lastAudit(created.id)
    expect(audit).toMatchObject({ action: 'opportunity.update', actorId: people.editor.id })
    expect(audit!.before).toMatchObject({ companyName: 'Accenture', roleId: ids.backEnd })
    expect(audit!.after).toMatchObject({ title: 'Data Engineer', companyName: 'Fabrikam', roleId: ids.dataEngineer })
    // Both the role it left and the role it joined are refreshed.
    expect(refreshedTags.sort()).toEqual(['opportunities', 'role:back-end-developer', 'role:data-engineer'])
  })

  it('update: an admin may edit too; an unchanged expiry date keeps the stored instant', async () => {
    const created = await draft()
    const instant = new Date(Date.now() + 10 * 86_400_000 + 12_345_000)
    await d().update(opportunities).set({ expiresAt: instant }).where(eq(opportunities.id, created.id))
    const form = await (async () => {
      await as('admin')
      return (await getOpportunityForEdit(created.id))!
    })()
    expect(form.values.expiresOn).toBe(dateFromExpiresAt(instant))
    const result = await updateOpportunity({ ...form.values, description: 'Changed.', id: created.id, expectedVersion: form.version })
    expect(result.ok).toBe(true)
    expect((await row(created.id))!.expiresAt!.getTime()).toBe(instant.getTime())
  })

  it('update: a stale version is a conflict and nothing is overwritten', async () => {
    const created = await draft()
    await as('editor')
    expect((await updateOpportunity({ ...values({ title: 'First save' }), id: created.id, expectedVersion: 1 })).ok).toBe(true)
    refreshedTags.length = 0
    const before = await state()
    await as('admin')
    expect(await updateOpportunity({ ...values({ title: 'Second, stale save' }), id: created.id, expectedVersion: 1 })).toEqual({ ok: false, error: conflictMessage })
    expect(await state()).toEqual(before)
    expect((await row(created.id))!.title).toBe('First save')
    expect(refreshedTags).toEqual([])
  })

  it('update: refused to anonymous, candidate and trainer callers', async () => {
    const created = await draft()
    await expectRefusedToNonStaff(() => updateOpportunity({ ...values(), id: created.id, expectedVersion: 1 }))
  })

  it('update: bad input answers by the field and changes nothing', async () => {
    const created = await draft()
    await as('editor')
    const before = await state()
    expect(await updateOpportunity({ ...values({ applyUrl: 'http://example.com' }), id: created.id, expectedVersion: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { applyUrl: ['Use a full https:// address, e.g. https://example.com/jobs/42'] },
    })
    expect(await updateOpportunity({ ...values(), id: 'nope', expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown opportunity'] } })
    expect(await updateOpportunity({ ...values(), id: created.id, expectedVersion: 'one' })).toMatchObject({ ok: false, fieldErrors: { expectedVersion: expect.any(Array) } })
    expect(await updateOpportunity({ ...values({ expiresOn: dayFromNow(-3) }), id: created.id, expectedVersion: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { expiresOn: ['Choose today or a later date'] },
    })
    expect(await state()).toEqual(before)
  })

  it('update: the audit row is written in the same transaction', async () => {
    const created = await draft()
    await expectAtomicWithAudit('editor', () => updateOpportunity({ ...values(), id: created.id, expectedVersion: 1 }))
  })

  // ----------------------------------------------------------------------------------------------
  // publish, unpublish, archive
  // ----------------------------------------------------------------------------------------------

  it('publish: listed publicly and on its role until unpublished or archived', async () => {
    const created = await draft()
    await as('editor')
    const result = await publishOpportunity({ id: created.id, expectedVersion: 1 })
    expect(result).toMatchObject({ ok: true, data: { id: created.id, version: 2 } })
    expect(await row(created.id)).toMatchObject({ status: 'published', publishedAt: expect.any(Date), version: 2 })
    expect(await lastAudit(created.id)).toMatchObject({ action: 'opportunity.publish', before: expect.objectContaining({ status: 'draft' }), after: expect.objectContaining({ status: 'published' }) })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
    signOut()
    expect((await listPublishedOpportunities()).map((o) => o.id)).toContain(created.id)
    expect((await listLatestOpportunitiesForRole('back-end-developer', 50)).map((o) => o.id)).toContain(created.id)
    expect((await listLatestOpportunitiesForRole(ids.backEnd, 50)).map((o) => o.id)).toContain(created.id)
    expect((await listLatestOpportunitiesForRole('data-engineer', 50)).map((o) => o.id)).not.toContain(created.id)

    await as('admin')
    refreshedTags.length = 0
    expect(await unpublishOpportunity({ id: created.id, expectedVersion: 2 })).toMatchObject({ ok: true, data: { version: 3 } })
    expect(await row(created.id)).toMatchObject({ status: 'draft', publishedAt: null })
    expect(await lastAudit(created.id)).toMatchObject({ action: 'opportunity.unpublish' })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
    expect((await listPublishedOpportunities()).map((o) => o.id)).not.toContain(created.id)

    expect(await publishOpportunity({ id: created.id, expectedVersion: 3 })).toMatchObject({ ok: true })
    refreshedTags.length = 0
    expect(await archiveOpportunity({ id: created.id, expectedVersion: 4 })).toMatchObject({ ok: true, data: { version: 5 } })
    expect(await row(created.id)).toMatchObject({ status: 'archived' })
    expect(await lastAudit(created.id)).toMatchObject({ action: 'opportunity.archive' })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
    expect((await listPublishedOpportunities()).map((o) => o.id)).not.toContain(created.id)
    expect((await listLatestOpportunitiesForRole('back-end-developer', 50)).map((o) => o.id)).not.toContain(created.id)
  })

  it('publish/unpublish/archive: refused to non-staff, with the database unchanged', async () => {
    const created = await draft()
    await expectRefusedToNonStaff(() => publishOpportunity({ id: created.id, expectedVersion: 1 }))
    const live = await published()
    await expectRefusedToNonStaff(() => unpublishOpportunity({ id: live.id, expectedVersion: live.version }))
    await expectRefusedToNonStaff(() => archiveOpportunity({ id: live.id, expectedVersion: live.version }))
  })

  it('publish/unpublish/archive: stale versions conflict; wrong states and bad input are refused', async () => {
    const created = await draft()
    await as('editor')
    const before = await state()
    for (const action of [publishOpportunity, unpublishOpportunity, archiveOpportunity]) {
      expect(await action({ id: created.id, expectedVersion: 7 })).toEqual({ ok: false, error: conflictMessage })
      expect(await action({ id: 'x', expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown opportunity'] } })
      expect(await action({ id: created.id })).toMatchObject({ ok: false, fieldErrors: { expectedVersion: expect.any(Array) } })
    }
    expect(await unpublishOpportunity({ id: created.id, expectedVersion: 1 })).toEqual({ ok: false, error: 'This opportunity is already draft.' })
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  })

  it('publish: an expired opportunity cannot be published', async () => {
    const created = await draft()
    await d()
      .update(opportunities)
      .set({ expiresAt: sql`now() - interval '1 hour'` })
      .where(eq(opportunities.id, created.id))
    await as('editor')
    const before = await state()
    const result = await publishOpportunity({ id: created.id, expectedVersion: 1 })
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Choose a later expiry date') })
    expect(await state()).toEqual(before)
  })

  it('publish/unpublish/archive: the audit row is written in the same transaction', async () => {
    const created = await draft()
    await expectAtomicWithAudit('editor', () => publishOpportunity({ id: created.id, expectedVersion: 1 }))
    const live = await published()
    await expectAtomicWithAudit('editor', () => unpublishOpportunity({ id: live.id, expectedVersion: live.version }))
    await expectAtomicWithAudit('admin', () => archiveOpportunity({ id: live.id, expectedVersion: live.version }))
  })

  // ----------------------------------------------------------------------------------------------
  // trash, restore, permanent delete
  // ----------------------------------------------------------------------------------------------

  it('delete: an editor moves it to the trash; an editor restores it as a draft', async () => {
    const live = await published()
    await as('editor')
    expect(await deleteOpportunity({ id: live.id, expectedVersion: live.version })).toMatchObject({ ok: true, data: { version: live.version + 1 } })
    expect(await row(live.id)).toMatchObject({ deletedAt: expect.any(Date), status: 'published' })
    expect(await lastAudit(live.id)).toMatchObject({ action: 'opportunity.delete', actorId: people.editor.id })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
    expect((await listOpportunitiesForAdmin({})).map((o) => o.id)).not.toContain(live.id)
    expect((await listTrashedOpportunities()).map((o) => o.id)).toContain(live.id)
    expect(await getOpportunityForEdit(live.id)).toBeNull()
    expect((await listPublishedOpportunities()).map((o) => o.id)).not.toContain(live.id)
    // A trashed one cannot be edited or published.
    expect(await updateOpportunity({ ...values(), id: live.id, expectedVersion: live.version + 1 })).toMatchObject({ ok: false, error: expect.stringContaining('trash') })

    refreshedTags.length = 0
    expect(await restoreOpportunity({ id: live.id })).toMatchObject({ ok: true, data: { version: live.version + 2 } })
    expect(await row(live.id)).toMatchObject({ deletedAt: null, status: 'draft', publishedAt: null })
    expect(await lastAudit(live.id)).toMatchObject({ action: 'opportunity.restore' })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
    expect((await listPublishedOpportunities()).map((o) => o.id)).not.toContain(live.id)
  })

  it('delete/restore: refused to non-staff; conflicts and bad input change nothing', async () => {
    const created = await draft()
    await expectRefusedToNonStaff(() => deleteOpportunity({ id: created.id, expectedVersion: 1 }))
    await as('editor')
    const before = await state()
    expect(await deleteOpportunity({ id: created.id, expectedVersion: 9 })).toEqual({ ok: false, error: conflictMessage })
    expect(await deleteOpportunity({ id: 'x', expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown opportunity'] } })
    expect(await restoreOpportunity({ id: created.id })).toEqual({ ok: false, error: 'This opportunity is not in the trash. Reload the page.' })
    expect(await restoreOpportunity({ id: 42 })).toMatchObject({ ok: false, fieldErrors: { id: expect.any(Array) } })
    expect(await state()).toEqual(before)

    expect((await deleteOpportunity({ id: created.id, expectedVersion: 1 })).ok).toBe(true)
    await expectRefusedToNonStaff(() => restoreOpportunity({ id: created.id }))
  })

  it('delete/restore: the audit row is written in the same transaction', async () => {
    const created = await draft()
    await expectAtomicWithAudit('editor', () => deleteOpportunity({ id: created.id, expectedVersion: 1 }))
    await as('editor')
    expect((await deleteOpportunity({ id: created.id, expectedVersion: 1 })).ok).toBe(true)
    await expectAtomicWithAudit('editor', () => restoreOpportunity({ id: created.id }))
  })

  it('permanent delete: admins only, and only from the trash', async () => {
    const created = await draft()
    await as('admin')
    const before = await state()
    expect(await deleteOpportunityPermanently({ id: created.id })).toEqual({
      ok: false,
      error: 'Move the opportunity to the trash first; only items in the trash can be deleted permanently.',
    })
    expect(await state()).toEqual(before)
    expect((await deleteOpportunity({ id: created.id, expectedVersion: 1 })).ok).toBe(true)
    refreshedTags.length = 0

    await expectRefusedToNonStaff(() => deleteOpportunityPermanently({ id: created.id }))
    const trashed = await state()
    await as('editor')
    expect(await deleteOpportunityPermanently({ id: created.id })).toEqual(forbidden)
    expect(await state()).toEqual(trashed)
    await as('admin')
    expect(await deleteOpportunityPermanently({ id: 'x' })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown opportunity'] } })
    await expectAtomicWithAudit('admin', () => deleteOpportunityPermanently({ id: created.id }))

    await as('admin')
    expect(await deleteOpportunityPermanently({ id: created.id })).toMatchObject({ ok: true })
    expect(await row(created.id)).toBeUndefined()
    expect(await lastAudit(created.id)).toMatchObject({ action: 'opportunity.purge', actorId: people.admin.id, after: null, before: expect.objectContaining({ title: expect.any(String) }) })
    expect(refreshedTags).toEqual(['opportunities', 'role:back-end-developer'])
    expect(await deleteOpportunityPermanently({ id: created.id })).toEqual({ ok: false, error: 'This opportunity was already deleted. Reload the page.' })
  })

  // ----------------------------------------------------------------------------------------------
  // public reads
  // ----------------------------------------------------------------------------------------------

  it('public lists: expired, not yet published, draft, archived and trashed opportunities are never listed', async () => {
    const live = await published({ title: 'Live one' })
    const base = { title: 'Hidden', companyName: 'Hidden Co', roleId: ids.backEnd, location: 'Nowhere', description: 'x', applyUrl: 'https://example.com/hidden' }
    const hidden = await d()
      .insert(opportunities)
      .values([
        { ...base, status: 'published', publishedAt: sql`now() - interval '2 days'`, expiresAt: sql`now() - interval '1 minute'` },
        { ...base, status: 'published', publishedAt: sql`now() + interval '1 day'` },
        { ...base, status: 'draft' },
        { ...base, status: 'archived', publishedAt: sql`now() - interval '2 days'` },
        { ...base, status: 'published', publishedAt: sql`now() - interval '2 days'`, deletedAt: sql`now()` },
      ])
      .returning({ id: opportunities.id })
    const listed = (await listPublishedOpportunities()).map((o) => o.id)
    const forRole = (await listLatestOpportunitiesForRole('back-end-developer', 50)).map((o) => o.id)
    expect(listed).toContain(live.id)
    expect(forRole).toContain(live.id)
    for (const h of hidden) {
      expect(listed).not.toContain(h.id)
      expect(forRole).not.toContain(h.id)
    }
  })

  it('public lists: newest first, limited, minimal DTOs; the latest for a role filters by role', async () => {
    const first = await published({ title: 'Older', partnerId: '', companyName: 'Tailspin', remote: true, location: '' })
    const second = await published({ title: 'Newer' })
    const latest = await listLatestOpportunitiesForRole('back-end-developer', 2)
    expect(latest).toHaveLength(2)
    expect(latest[0]!.id).toBe(second.id)
    expect(latest[1]!.id).toBe(first.id)
    expect(Object.keys(latest[0]!).sort()).toEqual(['applyUrl', 'company', 'description', 'employmentType', 'expiresAt', 'id', 'location', 'publishedAt', 'remote', 'role', 'title'].sort())
    expect(latest[0]).toMatchObject({ company: 'Accenture', role: { slug: 'back-end-developer', title: 'Back-End Developer' }, expiresAt: expect.stringMatching(/Z$/) })
    expect(latest[1]).toMatchObject({ company: 'Tailspin', remote: true })
    expect(await listLatestOpportunitiesForRole('no-such-role', 5)).toEqual([])

    const all = await listPublishedOpportunities()
    const options = filterOptions(all)
    expect(options.roles.find((r) => r.slug === 'back-end-developer')?.count).toBeGreaterThanOrEqual(2)
    expect(options.locations[0]).toMatchObject({ value: 'remote', label: 'Remote' })
    expect(filterOpportunities(all, { location: 'remote' }).every((o) => o.remote)).toBe(true)
    expect(filterOpportunities(all, { location: 'london, uk' }).map((o) => o.id)).toContain(second.id)
    expect(filterOpportunities(all, { role: 'data-engineer' }).map((o) => o.id)).not.toContain(second.id)
  })

  it('public lists: a draft role is not linked from its opportunities', async () => {
    const live = await published({ roleId: ids.draftRole })
    const found = (await listPublishedOpportunities()).find((o) => o.id === live.id)
    expect(found?.role).toBeNull()
  })

  // ----------------------------------------------------------------------------------------------
  // admin reads
  // ----------------------------------------------------------------------------------------------

  it('admin reads: staff only; filters by status, role and title', async () => {
    const a = await draft({ title: `Needle ${runId} alpha` })
    const b = await published({ title: `Needle ${runId} beta`, roleId: ids.dataEngineer })
    signOut()
    await expect(listOpportunitiesForAdmin({})).rejects.toBeInstanceOf(UnauthenticatedError)
    await as('candidate')
    await expect(listOpportunitiesForAdmin({})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listTrashedOpportunities()).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getOpportunityForEdit(a.id)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listOpportunityFormOptions()).rejects.toBeInstanceOf(ForbiddenError)

    await as('editor')
    const ids_ = async (f: Parameters<typeof listOpportunitiesForAdmin>[0]) => (await listOpportunitiesForAdmin(f)).map((o) => o.id)
    expect(await ids_({ q: `needle ${runId}` })).toEqual([b.id, a.id])
    expect(await ids_({ q: `needle ${runId}`, status: 'published' })).toEqual([b.id])
    expect(await ids_({ q: `needle ${runId}`, role: ids.backEnd })).toEqual([a.id])
    expect(await ids_({ q: '%' })).toEqual([])
    const options = await listOpportunityFormOptions()
    expect(options.partners.map((p) => p.name)).toContain('Accenture')
    expect(options.roles.map((r) => r.title)).toContain('Back-End Developer')
    expect(await getOpportunityForEdit('not-an-id')).toBeNull()
  })

  // ----------------------------------------------------------------------------------------------
  // seed
  // ----------------------------------------------------------------------------------------------

  it('seed: sample programs and opportunities insert once, published, expiring in 60 days', async () => {
    const first = await d().transaction((tx) => seedProgramsAndOpportunities(tx))
    expect(first).toEqual({ programsInserted: seedPrograms.length, opportunitiesInserted: seedOpportunities.length })
    expect(await d().transaction((tx) => seedProgramsAndOpportunities(tx))).toEqual({ programsInserted: 0, opportunitiesInserted: 0 })
    const rows = await d()
      .select()
      .from(opportunities)
      .where(sql`${opportunities.applyUrl} like 'https://example.com/sample-jobs/%'`)
    expect(rows).toHaveLength(6)
    for (const r of rows) {
      expect(r.status).toBe('published')
      expect(r.roleId).not.toBeNull()
      expect(r.description).toMatch(/^Sample listing for demonstration/)
      const days = (r.expiresAt!.getTime() - r.publishedAt!.getTime()) / 86_400_000
      expect(Math.round(days)).toBe(seedOpportunityDays)
    }
    expect(rows.filter((r) => r.partnerId).length).toBe(3)
    const listed = await listLatestOpportunitiesForRole('back-end-developer', 50)
    expect(listed.map((o) => o.title)).toEqual(expect.arrayContaining(['Back-End Developer (Python)', 'Junior Back-End Developer']))
  })
})
