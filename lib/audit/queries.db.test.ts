import { beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))

import { eq } from 'drizzle-orm'
import type { Database } from '@/db'
import { auditLog, users } from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { fingerprint, makeUser } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { signInAs, signOut } from '@/test/session'
import { auditPageSize, auditQuerySchema, listAuditEntityTypes, listAuditEntries, type AuditQuery } from './queries'

const q = (over: Partial<AuditQuery> = {}): AuditQuery => ({ actor: '', page: 1, ...over })

describeEachEngine('audit log queries', ({ handle }) => {
  const d = (): Database => handle().db
  let type = ''
  let n = 0

  beforeEach(() => {
    signOut()
    // Each test writes rows of its own entity type, so filters by type isolate them.
    type = `test_${++n}_${Math.random().toString(36).slice(2, 6)}`
  })

  async function row(values: Partial<typeof auditLog.$inferInsert> & { createdAt?: Date }) {
    const [r] = await d()
      .insert(auditLog)
      .values({ action: `${type}.edit`, entityType: type, ...values })
      .returning()
    return r!
  }

  async function asAdmin() {
    const admin = await makeUser(d(), 'admin')
    await signInAs(admin)
    return admin
  }

  it('lists rows newest first with the actor, and tells a deleted user from the system', async () => {
    const admin = await asAdmin()
    const editor = await makeUser(d(), 'editor', { name: 'Edna Editor' })
    const gone = await makeUser(d(), 'candidate')
    const t = (m: number) => new Date(Date.UTC(2024, 5, 1, 12, m))
    const byEditor = await row({ actorId: editor.id, entityId: 'r1', before: { title: 'Old' }, after: { title: 'New' }, ip: '198.51.100.1', createdAt: t(1) })
    const bySystem = await row({ actorId: null, entityId: 'r2', createdAt: t(2) })
    const byDeletedViaRequest = await row({ actorId: gone.id, entityId: 'r3', ip: '198.51.100.2', createdAt: t(3) })
    const sameTime = await row({ actorId: admin.id, entityId: 'r4', createdAt: t(3) })
    // The account is deleted: its rows lose the actor (on delete set null).
    await d().delete(users).where(eq(users.id, gone.id))

    const list = await listAuditEntries(q({ entityType: type }))
    expect(list).toMatchObject({ total: 4, page: 1, pageCount: 1 })
    expect(list.entries.map((e) => e.id)).toEqual([sameTime.id, byDeletedViaRequest.id, bySystem.id, byEditor.id])
    expect(list.entries.find((e) => e.id === byEditor.id)).toEqual({
      id: byEditor.id,
      createdAt: t(1).toISOString(),
      actor: { kind: 'user', name: 'Edna Editor', email: editor.email },
      action: `${type}.edit`,
      entityType: type,
      entityId: 'r1',
      ip: '198.51.100.1',
      before: { title: 'Old' },
      after: { title: 'New' },
    })
    expect(list.entries.find((e) => e.id === bySystem.id)!.actor).toEqual({ kind: 'system' })
    expect(list.entries.find((e) => e.id === byDeletedViaRequest.id)!.actor).toEqual({ kind: 'deleted' })
  })

  it("shows a deleted account's own rows (sign-up, deletion) as a deleted user", async () => {
    await asAdmin()
    const userId = '11111111-1111-4111-8111-111111111111'
    await d().insert(auditLog).values([
      { actorId: null, action: 'user.signup', entityType: 'user', entityId: userId },
      { actorId: null, action: 'user.deleted', entityType: 'user', entityId: userId },
    ])
    const list = await listAuditEntries(q({ entityType: 'user' }))
    const mine = list.entries.filter((e) => e.entityId === userId)
    expect(mine.map((e) => [e.action, e.actor.kind])).toEqual([
      ['user.deleted', 'deleted'],
      ['user.signup', 'deleted'],
    ])
  })

  it('filters by actor email (part of it, any case), entity type and an inclusive range of days', async () => {
    await asAdmin()
    const ann = await makeUser(d(), 'editor', { email: `ann.${type}@example.com` })
    const ben = await makeUser(d(), 'editor', { email: `ben.${type}@example.com` })
    const day = (d: number, h = 12) => new Date(Date.UTC(2024, 0, d, h))
    const a1 = await row({ actorId: ann.id, createdAt: day(10, 0) })
    const a2 = await row({ actorId: ann.id, createdAt: day(11, 23) })
    const b1 = await row({ actorId: ben.id, createdAt: day(12) })
    const other = await row({ actorId: ann.id, entityType: `${type}_other`, createdAt: day(11) })

    const ids = async (over: Partial<AuditQuery>) => (await listAuditEntries(q(over))).entries.map((e) => e.id)
    expect(await ids({ actor: `ANN.${type.toUpperCase()}` })).toEqual([a2.id, other.id, a1.id])
    expect(await ids({ actor: `ann.${type}`, entityType: type })).toEqual([a2.id, a1.id])
    expect(await ids({ entityType: type, from: '2024-01-11' })).toEqual([b1.id, a2.id])
    expect(await ids({ entityType: type, to: '2024-01-11' })).toEqual([a2.id, a1.id])
    expect(await ids({ entityType: type, from: '2024-01-11', to: '2024-01-11' })).toEqual([a2.id])
    expect(await ids({ entityType: type, from: '2024-01-12', to: '2024-01-10' })).toEqual([])
    expect(await ids({ entityType: type, actor: 'nobody-at-all' })).toEqual([])
    // LIKE wildcards are searched for literally.
    expect(await ids({ entityType: type, actor: '%' })).toEqual([])
  })

  it('paginates', async () => {
    await asAdmin()
    await d()
      .insert(auditLog)
      .values(Array.from({ length: auditPageSize + 3 }, (_, i) => ({ action: `${type}.edit`, entityType: type, entityId: String(i), createdAt: new Date(Date.UTC(2023, 0, 1, 0, i)) })))
    const p1 = await listAuditEntries(q({ entityType: type }))
    const p2 = await listAuditEntries(q({ entityType: type, page: 2 }))
    expect(p1).toMatchObject({ total: auditPageSize + 3, pageCount: 2, page: 1 })
    expect(p1.entries).toHaveLength(auditPageSize)
    expect(p1.entries[0]!.entityId).toBe(String(auditPageSize + 2))
    expect(p2.entries.map((e) => e.entityId)).toEqual(['2', '1', '0'])
    expect((await listAuditEntries(q({ entityType: type, page: 50 }))).page).toBe(2)
  })

  it('lists the entity types present, once each, sorted', async () => {
    await asAdmin()
    await row({})
    await row({})
    const types = await listAuditEntityTypes()
    expect(types.filter((t) => t === type)).toEqual([type])
    expect(types).toEqual([...types].sort())
  })

  it.each(['anonymous', 'candidate', 'trainer', 'editor'] as const)('is refused to %s, and reading writes nothing', async (caller) => {
    if (caller !== 'anonymous') await signInAs(await makeUser(d(), caller))
    const before = await fingerprint(d())
    const error = caller === 'anonymous' ? UnauthenticatedError : ForbiddenError
    await expect(listAuditEntries(q())).rejects.toBeInstanceOf(error)
    await expect(listAuditEntityTypes()).rejects.toBeInstanceOf(error)
    expect(await fingerprint(d())).toEqual(before)
  })

  describe('auditQuerySchema', () => {
    it('reads the URL filters and drops malformed ones', () => {
      expect(auditQuerySchema.parse({ actor: ' ann ', entityType: 'user', from: '2024-02-29', to: '2024-03-01', page: '3' })).toEqual({
        actor: 'ann',
        entityType: 'user',
        from: '2024-02-29',
        to: '2024-03-01',
        page: 3,
      })
      expect(auditQuerySchema.parse({ actor: 'x'.repeat(300), entityType: "user' or 1=1", from: '2023-02-29', to: 'yesterday', page: '-1' })).toEqual({
        actor: '',
        entityType: undefined,
        from: undefined,
        to: undefined,
        page: 1,
      })
    })
  })
})
