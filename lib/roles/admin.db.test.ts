import { eq, sql } from 'drizzle-orm'
import { beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { queryRows } from '@/db'
import { auditLog, roleRevisions, roles, roleSlugHistory, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { signInAs, signOut } from '@/test/session'
import { writeAudit } from '@/lib/audit'
import { getRoleForEdit, keptRevisions, listRevisions, listRolesForAdmin } from './admin-data'
import {
  archiveRoleAction,
  createRoleAction,
  publishRoleAction,
  purgeRoleAction,
  restoreRevisionAction,
  restoreRoleAction,
  saveRoleAction,
  trashRoleAction,
  unpublishRoleAction,
} from './actions'
import { findRenamedRole, getPublishedRole } from './data'
import type { RoleContent } from './schema'

vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
vi.mock('@/lib/audit', async (original) => {
  const real = await original<typeof import('@/lib/audit')>()
  return { ...real, writeAudit: vi.fn(real.writeAudit) }
})

describeEachEngine('role CMS', ({ handle }) => {
  const people: Record<'admin' | 'editor' | 'candidate' | 'trainer', string> = { admin: '', editor: '', candidate: '', trainer: '' }
  let backEndId = ''

  beforeAll(async () => {
    await seed(handle().db, { adminPassword: 'correct horse battery staple' })
    for (const role of ['editor', 'candidate', 'trainer'] as const) {
      const [u] = await handle().db.insert(users).values({ email: `${role}@cms.test`, name: `The ${role}`, role }).returning({ id: users.id })
      people[role] = u!.id
    }
    const [admin] = await handle().db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.com'))
    people.admin = admin!.id
    const [r] = await handle().db.select({ id: roles.id }).from(roles).where(eq(roles.slug, 'back-end-developer'))
    backEndId = r!.id
  })
  beforeEach(() => {
    refreshedTags.length = 0
  })

  async function editable(id = backEndId) {
    await signInAs(people.editor)
    const role = await getRoleForEdit(id)
    return role!
  }

  /** A fingerprint of every table the role CMS writes, to prove a refusal changed nothing. */
  async function snapshot() {
    const rows = await queryRows<{ t: string }>(
      handle().db,
      sql`select md5(string_agg(x, '|' order by x)) as t from (
            select md5(r::text) as x from roles r union all select md5(v::text) from role_revisions v
            union all select md5(s::text) from role_skills s union all select md5(h::text) from role_slug_history h
            union all select md5(a::text) from audit_log a) all_rows`,
    )
    return rows[0]!.t
  }

  it('refuses every action to anonymous visitors, candidates and trainers, changing nothing', async () => {
    const role = await editable()
    const calls = [
      () => saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, title: 'Hacked' } }),
      () => publishRoleAction({ id: backEndId, expectedVersion: role.version }),
      () => unpublishRoleAction({ id: backEndId, expectedVersion: role.version }),
      () => archiveRoleAction({ id: backEndId, expectedVersion: role.version }),
      () => trashRoleAction({ id: backEndId }),
      () => restoreRoleAction({ id: backEndId }),
      () => purgeRoleAction({ id: backEndId }),
      () => createRoleAction({ ...role.content, slug: 'hacked-role' }),
      () => restoreRevisionAction({ id: backEndId, expectedVersion: role.version, revisionId: '00000000-0000-4000-8000-000000000000' }),
    ]
    const before = await snapshot()
    for (const who of [null, people.candidate, people.trainer]) {
      if (who) await signInAs(who)
      else signOut()
      for (const call of calls) {
        const result = await call()
        expect(result.ok).toBe(false)
        expect(result.ok ? '' : result.error).toMatch(/sign in|permission/)
      }
    }
    expect(await snapshot()).toBe(before)
    expect(refreshedTags).toEqual([])
  })

  it('lists roles page by page in each order, with the total and the filters', async () => {
    await signInAs(people.editor)
    const [live] = await queryRows<{ n: number }>(handle().db, sql`select count(*)::int as n from roles where deleted_at is null`)
    for (const sort of ['updated', 'title', 'status'] as const) {
      const all = await listRolesForAdmin({ sort, page: 1, pageSize: 1000 })
      expect(all.total).toBe(live!.n)
      expect(all.rows).toHaveLength(live!.n)
      const pages = []
      for (let page = 1; page <= Math.ceil(live!.n / 4); page++) {
        const one = await listRolesForAdmin({ sort, page, pageSize: 4 })
        expect(one.total).toBe(live!.n)
        expect(one.pageCount).toBe(Math.ceil(live!.n / 4))
        pages.push(...one.rows)
      }
      expect(pages.map((r) => r.id)).toEqual(all.rows.map((r) => r.id))
    }
    const titles = (await listRolesForAdmin({ sort: 'title', page: 1, pageSize: 1000 })).rows.map((r) => r.title)
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const updated = (await listRolesForAdmin({ page: 1, pageSize: 1000 })).rows.map((r) => r.updatedAt)
    expect(updated).toEqual([...updated].sort().reverse())
    const drafts = await listRolesForAdmin({ status: 'draft', page: 1 })
    expect(drafts.total).toBe(drafts.rows.length)
    expect(drafts.rows.map((r) => r.slug)).toContain('blockchain-developer')
    expect(drafts.rows.every((r) => r.status === 'draft')).toBe(true)
    const data = await listRolesForAdmin({ category: 'data-ai', q: 'engineer', page: 1 })
    expect(data.rows.length).toBeGreaterThan(0)
    expect(data.rows.every((r) => /engineer/i.test(r.title) || /engineer/.test(r.slug))).toBe(true)
    expect(data.total).toBe(data.rows.length)
    expect((await listRolesForAdmin({ page: 99 })).rows).toHaveLength(0)
    expect((await listRolesForAdmin({ page: 99 })).total).toBe(live!.n)
  })

  it('rejects bad content by the field and saves nothing', async () => {
    const role = await editable()
    const before = await snapshot()
    const bad: [Partial<RoleContent>, string][] = [
      [{ salary: { ...role.content.salary, avg: 200_000, max: 150_000 } }, 'salary.max'],
      [{ salary: { ...role.content.salary, min: 120_000, avg: 110_000 } }, 'salary.min'],
      [{ title: 'x'.repeat(121) }, 'title'],
      [{ slug: 'compare' }, 'slug'],
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ skills: [{ name: 'Python', sharePct: 101, isEmerging: false }] }, 'skills.0.sharePct'],
      [{ overview: '' }, 'overview'],
    ]
    for (const [change, field] of bad) {
      const result = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, ...change } })
      expect(result.ok).toBe(false)
      expect(!result.ok && result.fieldErrors ? Object.keys(result.fieldErrors) : []).toContain(field)
    }
    const duplicate = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, slug: 'data-engineer' } })
    expect(!duplicate.ok && duplicate.fieldErrors?.slug).toEqual(['Another role uses this address'])
    expect(await snapshot()).toBe(before)
  })

  it('keeps a draft of a published role private until it is published', async () => {
    const role = await editable()
    const saved = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, title: 'Backend Engineer', salary: { ...role.content.salary, avg: 112_000 } } })
    expect(saved).toMatchObject({ ok: true, data: { version: role.version + 1 } })
    expect((await getPublishedRole('back-end-developer'))?.title).toBe('Back-End Developer')
    expect(refreshedTags).toEqual([])
    const [audit] = await handle().db.select().from(auditLog).where(eq(auditLog.action, 'role.save'))
    expect(audit).toMatchObject({ actorId: people.editor, entityId: backEndId })

    const published = await publishRoleAction({ id: backEndId, expectedVersion: role.version + 1 })
    expect(published.ok).toBe(true)
    const pub = await getPublishedRole('back-end-developer')
    expect(pub?.title).toBe('Backend Engineer')
    expect(pub?.salary.avg).toBe(112_000)
    expect(refreshedTags).toEqual(expect.arrayContaining(['role:back-end-developer', 'roles', 'sitemap']))
    const [row] = await handle().db.select({ draft: roles.draft }).from(roles).where(eq(roles.id, backEndId))
    expect(row?.draft).toBeNull()
  })

  it('detects a conflict: two saves from the same version, one wins, the other is told and changes nothing', async () => {
    const role = await editable()
    const first = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, summary: 'Tab one wrote this.' } })
    expect(first.ok).toBe(true)
    await signInAs(people.admin)
    const second = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, summary: 'Tab two wrote this.' } })
    expect(second.ok).toBe(false)
    expect(!second.ok && 'conflict' in second && second.conflict).toMatchObject({ version: role.version + 1, updatedBy: 'The editor', content: { summary: 'Tab one wrote this.' } })
    expect((await editable()).content.summary).toBe('Tab one wrote this.')
  })

  it('restores a revision exactly, as a new revision, overwriting nothing', async () => {
    const role = await editable()
    const original = role.content
    const changed = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...original, overview: 'A completely new overview.', qualifications: ['Only one'] } })
    expect(changed.ok).toBe(true)
    const revisions = await listRevisions(backEndId)
    const earlier = revisions.find((r) => r.version === role.version)!
    const restored = await restoreRevisionAction({ id: backEndId, expectedVersion: role.version + 1, revisionId: earlier.id })
    expect(restored).toMatchObject({ ok: true, data: { version: role.version + 2 } })
    expect((await editable()).content).toEqual(original)
    const after = await listRevisions(backEndId)
    expect(after[0]).toMatchObject({ version: role.version + 2, action: 'restore' })
    expect(after.length).toBe(revisions.length + 1)
  })

  it('renames a published role: the old address redirects to the new one', async () => {
    const role = await editable()
    const saved = await saveRoleAction({ id: backEndId, expectedVersion: role.version, content: { ...role.content, slug: 'backend-engineer' } })
    expect(saved.ok).toBe(true)
    expect(await publishRoleAction({ id: backEndId, expectedVersion: role.version + 1 })).toMatchObject({ ok: true })
    expect(await findRenamedRole('back-end-developer')).toBe('backend-engineer')
    expect(await getPublishedRole('back-end-developer')).toBeNull()
    expect((await getPublishedRole('backend-engineer'))?.title).toBeTruthy()
    expect(refreshedTags).toEqual(expect.arrayContaining(['role:back-end-developer', 'role:backend-engineer']))
    const history = await handle().db.select().from(roleSlugHistory)
    expect(history.map((h) => h.slug)).toContain('back-end-developer')
    // Another role cannot take the old address while it redirects.
    const other = await editable((await handle().db.select({ id: roles.id }).from(roles).where(eq(roles.slug, 'data-engineer')))[0]!.id)
    const taken = await saveRoleAction({ id: other.id, expectedVersion: other.version, content: { ...other.content, slug: 'back-end-developer' } })
    expect(!taken.ok && taken.fieldErrors?.slug).toEqual(['Another role uses this address'])
  })

  it('creates a draft, publishes, unpublishes, archives, trashes, restores; only admins purge from the trash', async () => {
    const role = await editable()
    const created = await createRoleAction({ ...role.content, slug: 'platform-engineer', title: 'Platform Engineer' })
    expect(created.ok).toBe(true)
    const id = created.ok ? created.data.id : ''
    expect(await getPublishedRole('platform-engineer')).toBeNull()
    expect(await publishRoleAction({ id, expectedVersion: 1 })).toMatchObject({ ok: true, data: { version: 2 } })
    expect((await getPublishedRole('platform-engineer'))?.title).toBe('Platform Engineer')
    expect(await unpublishRoleAction({ id, expectedVersion: 2 })).toMatchObject({ ok: true })
    expect(await getPublishedRole('platform-engineer')).toBeNull()
    expect(await archiveRoleAction({ id, expectedVersion: 3 })).toMatchObject({ ok: true })

    expect(await purgeRoleAction({ id })).toMatchObject({ ok: false })
    expect(await trashRoleAction({ id })).toMatchObject({ ok: true })
    expect(await purgeRoleAction({ id })).toMatchObject({ ok: false, error: expect.stringMatching(/permission/) })
    expect(await restoreRoleAction({ id })).toMatchObject({ ok: true })
    expect(await trashRoleAction({ id })).toMatchObject({ ok: true })
    await signInAs(people.admin)
    expect(await purgeRoleAction({ id })).toMatchObject({ ok: true })
    expect(await handle().db.select().from(roles).where(eq(roles.id, id))).toEqual([])
    const actions = (await handle().db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['role.create', 'role.publish', 'role.unpublish', 'role.archive', 'role.trash', 'role.restore_from_trash', 'role.purge']))
  })

  it('a trashed role is a 404 for the public', async () => {
    const id = (await handle().db.select({ id: roles.id }).from(roles).where(eq(roles.slug, 'qa-automation-engineer')))[0]!.id
    await signInAs(people.editor)
    expect(await trashRoleAction({ id })).toMatchObject({ ok: true })
    expect(await getPublishedRole('qa-automation-engineer')).toBeNull()
    expect(await restoreRoleAction({ id })).toMatchObject({ ok: true })
    expect(await getPublishedRole('qa-automation-engineer')).not.toBeNull()
  })

  it('writes the audit row in the same transaction: a failing audit leaves no change, a failing write leaves no audit', async () => {
    const count = async (table: typeof auditLog | typeof roleRevisions) => (await handle().db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n
    const draft = await editable((await handle().db.select({ id: roles.id }).from(roles).where(eq(roles.slug, 'blockchain-developer')))[0]!.id)
    const audits = await count(auditLog)
    const revisions = await count(roleRevisions)

    vi.mocked(writeAudit).mockRejectedValueOnce(new Error('audit store down'))
    const noAudit = await saveRoleAction({ id: draft.id, expectedVersion: draft.version, content: { ...draft.content, title: 'Web3 Developer' } })
    expect(noAudit).toMatchObject({ ok: false, error: expect.stringMatching(/Nothing was changed/) })
    expect((await editable(draft.id)).content.title).toBe('Blockchain Developer')
    expect(await count(roleRevisions)).toBe(revisions)

    await handle().db.execute(sql`alter table roles add constraint test_refuse_title check (title <> 'Refused Title')`)
    try {
      const noWrite = await saveRoleAction({ id: draft.id, expectedVersion: draft.version, content: { ...draft.content, title: 'Refused Title' } })
      expect(noWrite.ok).toBe(false)
    } finally {
      await handle().db.execute(sql`alter table roles drop constraint test_refuse_title`)
    }
    expect(await count(auditLog)).toBe(audits)
    expect(await count(roleRevisions)).toBe(revisions)
    expect((await editable(draft.id)).version).toBe(draft.version)
  })

  it(`keeps at most ${keptRevisions} unpublished revisions plus every published one`, async () => {
    const role = await editable((await handle().db.select({ id: roles.id }).from(roles).where(eq(roles.slug, 'product-designer')))[0]!.id)
    let version = role.version
    expect(await publishRoleAction({ id: role.id, expectedVersion: version })).toMatchObject({ ok: true })
    version++
    for (let i = 0; i < keptRevisions + 5; i++) {
      const r = await saveRoleAction({ id: role.id, expectedVersion: version, content: { ...role.content, summary: `Summary ${i}` } })
      expect(r.ok).toBe(true)
      version++
    }
    const revisions = await listRevisions(role.id)
    expect(revisions.filter((r) => !r.published)).toHaveLength(keptRevisions)
    expect(revisions.filter((r) => r.published).length).toBeGreaterThanOrEqual(1)
  }, 120_000)
})
