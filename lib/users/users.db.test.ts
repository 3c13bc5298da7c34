import { eq, inArray } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import type { Database } from '@/db'
import { auditLog, users } from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { getCurrentUser } from '@/lib/auth/session'
import { readSessionClaims } from '@/lib/auth/session-source'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { request, signInAs, signOut } from '@/test/session'
import { changeUserRoleAction, disableUserAction, enableUserAction } from './actions'
import { lastAdminMessage, listUsers, roleConflictMessage } from './data'
import { usersPageSize } from './schema'
import { auditRowsFor, failCommitsAfterAudit, fingerprint, makeUser, retireAllAdmins, uniqueEmail, userRow } from './test-helpers'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const notAllowed = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const somethingWrong = { ok: false, error: 'Something went wrong on our side. Nothing was changed; please try again.' }

type Caller = 'anonymous' | 'candidate' | 'trainer' | 'editor'

describeEachEngine('users admin', ({ handle, engine }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    signOut()
    refreshedTags.length = 0
    request.ip = '203.0.113.7'
    // Each test makes its own admins; older ones must not count as "another active admin".
    await retireAllAdmins(d())
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  /** Signs in as a fresh user of the role (or nobody), returning what the refusal looks like. */
  async function signInAsCaller(caller: Caller) {
    if (caller === 'anonymous') {
      signOut()
      return signInRequired
    }
    await signInAs(await makeUser(d(), caller))
    return notAllowed
  }

  // ---------------------------------------------------------------------------------------------
  describe('listUsers', () => {
    it('lists minimal DTOs, searches name and email, filters by role and status, and paginates', async () => {
      const admin = await makeUser(d(), 'admin')
      const tag = `zed${Date.now()}`
      const alice = await makeUser(d(), 'editor', { name: `Alice ${tag}` })
      const bob = await makeUser(d(), 'candidate', { email: uniqueEmail(`bob-${tag}`), disabled: true })
      await signInAs(admin)

      const byName = await listUsers({ q: `alice ${tag.toUpperCase()}`, page: 1 })
      expect(byName.users).toEqual([{ id: alice.id, name: alice.name, email: alice.email, role: 'editor', emailVerified: false, disabled: false, totp: false, createdAt: alice.createdAt.toISOString() }])
      expect(Object.keys(byName.users[0]!).sort()).toEqual(['createdAt', 'disabled', 'email', 'emailVerified', 'id', 'name', 'role', 'totp'])
      expect(byName).toMatchObject({ total: 1, page: 1, pageCount: 1 })

      expect((await listUsers({ q: `bob-${tag}`, page: 1 })).users.map((u) => u.id)).toEqual([bob.id])
      expect((await listUsers({ q: tag, role: 'candidate', page: 1 })).users.map((u) => u.id)).toEqual([bob.id])
      expect((await listUsers({ q: tag, status: 'disabled', page: 1 })).users.map((u) => u.id)).toEqual([bob.id])
      expect((await listUsers({ q: tag, status: 'active', page: 1 })).users.map((u) => u.id)).toEqual([alice.id])
      expect((await listUsers({ q: tag, role: 'admin', page: 1 })).users).toEqual([])
      // LIKE wildcards are searched for literally.
      expect((await listUsers({ q: '%', page: 1 })).users).toEqual([])

      const many = `page${Date.now()}`
      for (let i = 0; i < usersPageSize + 2; i++) await makeUser(d(), 'candidate', { name: `Pager ${many} ${i}` })
      const p1 = await listUsers({ q: many, page: 1 })
      const p2 = await listUsers({ q: many, page: 2 })
      expect(p1).toMatchObject({ total: usersPageSize + 2, pageCount: 2, page: 1 })
      expect(p1.users).toHaveLength(usersPageSize)
      expect(p2.users).toHaveLength(2)
      expect(new Set([...p1.users, ...p2.users].map((u) => u.id)).size).toBe(usersPageSize + 2)
      // Past the end: the last page.
      expect((await listUsers({ q: many, page: 99 })).page).toBe(2)
    })

    it.each<Caller>(['anonymous', 'candidate', 'trainer', 'editor'])('is refused to %s', async (caller) => {
      await signInAsCaller(caller)
      await expect(listUsers({ q: '', page: 1 })).rejects.toBeInstanceOf(caller === 'anonymous' ? UnauthenticatedError : ForbiddenError)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('changeUserRoleAction', () => {
    it('lets an admin promote a candidate to editor, audited with the IP, sessions kept', async () => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate')
      await signInAs(admin)
      request.ip = '198.51.100.23'

      const result = await changeUserRoleAction({ userId: target.id, role: 'editor', expectedRole: 'candidate' })
      expect(result).toEqual({ ok: true, data: { id: target.id, role: 'editor', disabled: false }, message: 'The role is now Editor.' })
      const row = await userRow(d(), target.id)
      expect(row.role).toBe('editor')
      expect(row.sessionVersion).toBe(1)

      const audit = await auditRowsFor(d(), target.id)
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({
        actorId: admin.id,
        action: 'user.change_role',
        entityType: 'user',
        before: { role: 'candidate' },
        after: { role: 'editor', sessionsEnded: false },
        ip: '198.51.100.23',
      })
      expect(JSON.stringify(audit[0])).not.toContain('argon2')
      expect(refreshedTags).toEqual([])

      // The promoted user's open session now sees the new role (read from the row).
      await signInAs(target.id, 1)
      expect((await getCurrentUser())?.role).toBe('editor')
    })

    it('ends the open sessions of a demoted user', async () => {
      const admin = await makeUser(d(), 'admin')
      const editor = await makeUser(d(), 'editor')
      await signInAs(editor)
      expect(await getCurrentUser()).not.toBeNull()

      await signInAs(admin)
      expect(await changeUserRoleAction({ userId: editor.id, role: 'candidate', expectedRole: 'editor' })).toMatchObject({ ok: true, data: { role: 'candidate' } })
      expect(await userRow(d(), editor.id)).toMatchObject({ role: 'candidate', sessionVersion: 2 })
      expect((await auditRowsFor(d(), editor.id))[0]).toMatchObject({ after: { role: 'candidate', sessionsEnded: true } })

      vi.mocked(readSessionClaims).mockResolvedValue({ userId: editor.id, sessionVersion: 1, mfa: true })
      expect(await getCurrentUser()).toBeNull()
    })

    it.each<Caller>(['anonymous', 'candidate', 'trainer', 'editor'])('is refused to %s with the database unchanged', async (caller) => {
      await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate')
      const refusal = await signInAsCaller(caller)
      const before = await fingerprint(d())
      for (const role of ['admin', 'editor'] as const) {
        expect(await changeUserRoleAction({ userId: target.id, role, expectedRole: 'candidate' })).toEqual(refusal)
      }
      expect(await fingerprint(d())).toEqual(before)
    })

    it('refuses an editor promoting themselves to admin', async () => {
      const editor = await makeUser(d(), 'editor')
      await signInAs(editor)
      const before = await fingerprint(d())
      expect(await changeUserRoleAction({ userId: editor.id, role: 'admin', expectedRole: 'editor' })).toEqual(notAllowed)
      expect(await fingerprint(d())).toEqual(before)
    })

    it.each<{ label: string; input: unknown; fields: string[] }>([
      { label: 'an unknown role', input: { role: 'superuser', expectedRole: 'candidate' }, fields: ['role'] },
      { label: 'a malformed user id', input: { userId: "1' or '1'='1", role: 'editor', expectedRole: 'candidate' }, fields: ['userId'] },
      { label: 'missing role fields', input: {}, fields: ['expectedRole', 'role'] },
      { label: 'a null user id', input: { userId: null, role: 'editor', expectedRole: 'candidate' }, fields: ['userId'] },
      { label: 'a non-object', input: 'admin', fields: ['_form'] },
    ])('answers $label with field errors and stores nothing', async ({ input, fields }) => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate')
      await signInAs(admin)
      const before = await fingerprint(d())
      const body = typeof input === 'object' && input !== null ? { userId: target.id, ...input } : input
      const result = await changeUserRoleAction(body)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error).toBe('Please correct the highlighted fields.')
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(fields)
      expect(await fingerprint(d())).toEqual(before)
    })

    it('writes only the role: extra fields are dropped', async () => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate')
      await signInAs(admin)
      const result = await changeUserRoleAction({ userId: target.id, role: 'trainer', expectedRole: 'candidate', email: 'taken@example.com', passwordHash: 'x', sessionVersion: 99, disabledAt: null })
      expect(result.ok).toBe(true)
      const row = await userRow(d(), target.id)
      expect(row).toMatchObject({ role: 'trainer', email: target.email, passwordHash: target.passwordHash, sessionVersion: 1 })
    })

    it('refuses to overwrite a role someone else changed meanwhile', async () => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate')
      await d().update(users).set({ role: 'trainer' }).where(eq(users.id, target.id))
      await signInAs(admin)
      const before = await fingerprint(d())
      expect(await changeUserRoleAction({ userId: target.id, role: 'editor', expectedRole: 'candidate' })).toEqual({ ok: false, error: roleConflictMessage })
      expect(await fingerprint(d())).toEqual(before)
    })

    it('answers an unknown user and a no-op change without writing', async () => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'editor')
      await signInAs(admin)
      const before = await fingerprint(d())
      expect(await changeUserRoleAction({ userId: '00000000-0000-4000-8000-000000000000', role: 'editor', expectedRole: 'candidate' })).toEqual({
        ok: false,
        error: 'This user no longer exists.',
      })
      expect(await changeUserRoleAction({ userId: target.id, role: 'editor', expectedRole: 'editor' })).toEqual({
        ok: true,
        data: { id: target.id, role: 'editor', disabled: false },
        message: 'Nothing to change.',
      })
      expect(await fingerprint(d())).toEqual(before)
    })

    describe('the last active admin', () => {
      it('cannot demote themselves when they are the only admin', async () => {
        const admin = await makeUser(d(), 'admin')
        await signInAs(admin)
        const before = await fingerprint(d())
        for (const role of ['editor', 'trainer', 'candidate'] as const) {
          expect(await changeUserRoleAction({ userId: admin.id, role, expectedRole: 'admin' })).toEqual({ ok: false, error: lastAdminMessage, fieldErrors: { role: [lastAdminMessage] } })
        }
        expect(await fingerprint(d())).toEqual(before)
        expect(await getCurrentUser()).toMatchObject({ id: admin.id, role: 'admin' })
      })

      it('can demote themselves when another admin is active, which ends their own session', async () => {
        const first = await makeUser(d(), 'admin')
        const second = await makeUser(d(), 'admin')
        await signInAs(first)
        expect(await changeUserRoleAction({ userId: first.id, role: 'editor', expectedRole: 'admin' })).toMatchObject({ ok: true, data: { role: 'editor' } })
        expect(await userRow(d(), first.id)).toMatchObject({ role: 'editor', sessionVersion: 2 })
        expect(await getCurrentUser()).toBeNull()

        // Now the second is the last one.
        await signInAs(second)
        const before = await fingerprint(d())
        expect(await changeUserRoleAction({ userId: second.id, role: 'candidate', expectedRole: 'admin' })).toMatchObject({ ok: false, error: lastAdminMessage })
        expect(await fingerprint(d())).toEqual(before)
      })

      it('does not count disabled admins, and a disabled admin can be demoted', async () => {
        const active = await makeUser(d(), 'admin')
        const dormant = await makeUser(d(), 'admin', { disabled: true })
        await signInAs(active)
        expect(await changeUserRoleAction({ userId: active.id, role: 'editor', expectedRole: 'admin' })).toMatchObject({ ok: false, error: lastAdminMessage })
        expect(await changeUserRoleAction({ userId: dormant.id, role: 'candidate', expectedRole: 'admin' })).toMatchObject({ ok: true, data: { role: 'candidate', disabled: true } })
      })

      it('survives two admins demoting each other at the same moment: one of them stays admin', async () => {
        const a = await makeUser(d(), 'admin')
        const b = await makeUser(d(), 'admin')
        // Both signed in with their second factor.
        await d().update(users).set({ totpEnabledAt: new Date() }).where(inArray(users.id, [a.id, b.id]))
        // The first session lookup is A's, the second B's.
        vi.mocked(readSessionClaims).mockResolvedValueOnce({ userId: a.id, sessionVersion: 1, mfa: true }).mockResolvedValueOnce({ userId: b.id, sessionVersion: 1, mfa: true })
        const both = () =>
          Promise.all([
            changeUserRoleAction({ userId: b.id, role: 'editor', expectedRole: 'admin' }),
            changeUserRoleAction({ userId: a.id, role: 'editor', expectedRole: 'admin' }),
          ])
        let results: Awaited<ReturnType<typeof both>>
        if (engine === 'postgres') {
          // Make the two transactions overlap for sure: another connection holds back every audit
          // insert until both are inside their transaction (waiting on a lock), then lets go.
          const client = handle().client as import('postgres').Sql
          let running: ReturnType<typeof both> | undefined
          await client.begin(async (tx) => {
            await tx`lock table audit_log in share row exclusive mode`
            running = both()
            for (let i = 0; i < 200; i++) {
              const [row] = await tx`select count(*)::int as n from pg_locks where not granted`
              if ((row!.n as number) >= 2) break
              await new Promise((r) => setTimeout(r, 25))
            }
          })
          results = await running!
        } else {
          results = await both()
        }
        expect(results.filter((r) => r.ok)).toHaveLength(1)
        const admins = await d().select({ id: users.id }).from(users).where(eq(users.role, 'admin'))
        expect(admins.filter((x) => x.id === a.id || x.id === b.id)).toHaveLength(1)
        expect(await d().select().from(auditLog).where(eq(auditLog.action, 'user.change_role'))).toSatisfy((rows: { entityId: string | null }[]) => rows.filter((r) => r.entityId === a.id || r.entityId === b.id).length === 1)
      })
    })

    it('writes the audit row in the same transaction: a failure after it leaves neither', async () => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate', { name: 'Fail After Audit' })
      await failCommitsAfterAudit(d(), 'users', `new.name = 'Fail After Audit'`)
      await signInAs(admin)
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      const before = await fingerprint(d())

      expect(await changeUserRoleAction({ userId: target.id, role: 'editor', expectedRole: 'candidate' })).toEqual(somethingWrong)
      expect(await disableUserAction({ userId: target.id })).toEqual(somethingWrong)

      // It failed at commit, after the audit insert (the trigger saw the row), not before.
      expect(String((logged.mock.calls[0]?.[1] as Error)?.cause ?? logged.mock.calls[0]?.[1])).toContain('forced failure after the audit insert')
      expect(await auditRowsFor(d(), target.id)).toEqual([])
      expect(await userRow(d(), target.id)).toMatchObject({ role: 'candidate', disabledAt: null, sessionVersion: 1 })
      expect(await fingerprint(d())).toEqual(before)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('disableUserAction and enableUserAction', () => {
    it('disables a user: their open session is refused on its next request, and they can be enabled again', async () => {
      const admin = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'editor')
      const claims = await signInAs(target)
      expect(await getCurrentUser()).toMatchObject({ id: target.id })

      await signInAs(admin)
      request.ip = '198.51.100.99'
      expect(await disableUserAction({ userId: target.id })).toEqual({
        ok: true,
        data: { id: target.id, role: 'editor', disabled: true },
        message: 'The account is disabled; its open sessions end on their next request.',
      })
      const row = await userRow(d(), target.id)
      expect(row.disabledAt).toBeInstanceOf(Date)
      expect(row.sessionVersion).toBe(2)
      expect((await auditRowsFor(d(), target.id)).map((a) => [a.actorId, a.action, a.before, a.after, a.ip])).toEqual([
        [admin.id, 'user.disable', { disabled: false }, { disabled: true }, '198.51.100.99'],
      ])

      // The user's next request, with the cookie they already had: no session.
      vi.mocked(readSessionClaims).mockResolvedValue(claims)
      expect(await getCurrentUser()).toBeNull()
      // Even with the new session version, a disabled account has none.
      vi.mocked(readSessionClaims).mockResolvedValue({ userId: target.id, sessionVersion: 2, mfa: true })
      expect(await getCurrentUser()).toBeNull()

      await signInAs(admin)
      expect(await enableUserAction({ userId: target.id })).toEqual({
        ok: true,
        data: { id: target.id, role: 'editor', disabled: false },
        message: 'The account is enabled again.',
      })
      expect(await userRow(d(), target.id)).toMatchObject({ disabledAt: null, sessionVersion: 2 })
      expect((await auditRowsFor(d(), target.id)).map((a) => a.action)).toEqual(['user.disable', 'user.enable'])
      // The old cookie stays ended; a new sign-in (the current version) works.
      vi.mocked(readSessionClaims).mockResolvedValue(claims)
      expect(await getCurrentUser()).toBeNull()
      vi.mocked(readSessionClaims).mockResolvedValue({ userId: target.id, sessionVersion: 2, mfa: true })
      expect(await getCurrentUser()).toMatchObject({ id: target.id, role: 'editor' })
    })

    it('does nothing for an account already in the asked state', async () => {
      const admin = await makeUser(d(), 'admin')
      const active = await makeUser(d(), 'candidate')
      const disabled = await makeUser(d(), 'candidate', { disabled: true })
      await signInAs(admin)
      const before = await fingerprint(d())
      expect(await enableUserAction({ userId: active.id })).toMatchObject({ ok: true, message: 'Nothing to change.' })
      expect(await disableUserAction({ userId: disabled.id })).toMatchObject({ ok: true, message: 'Nothing to change.' })
      expect(await fingerprint(d())).toEqual(before)
    })

    it.each<Caller>(['anonymous', 'candidate', 'trainer', 'editor'])('are refused to %s with the database unchanged', async (caller) => {
      await makeUser(d(), 'admin')
      const active = await makeUser(d(), 'candidate')
      const disabled = await makeUser(d(), 'candidate', { disabled: true })
      const refusal = await signInAsCaller(caller)
      const before = await fingerprint(d())
      expect(await disableUserAction({ userId: active.id })).toEqual(refusal)
      expect(await enableUserAction({ userId: disabled.id })).toEqual(refusal)
      expect(await fingerprint(d())).toEqual(before)
    })

    it('answer bad input with field errors and store nothing', async () => {
      const admin = await makeUser(d(), 'admin')
      await signInAs(admin)
      const before = await fingerprint(d())
      for (const action of [disableUserAction, enableUserAction]) {
        for (const input of [{}, { userId: 'not-a-uuid' }, { userId: 42 }, null]) {
          const result = await action(input)
          expect(result).toMatchObject({ ok: false, error: 'Please correct the highlighted fields.' })
        }
        expect(await action({ userId: '00000000-0000-4000-8000-000000000000' })).toEqual({ ok: false, error: 'This user no longer exists.' })
      }
      expect(await fingerprint(d())).toEqual(before)
    })

    it('never disables the last active admin, themselves included', async () => {
      const admin = await makeUser(d(), 'admin')
      await makeUser(d(), 'admin', { disabled: true })
      await signInAs(admin)
      const before = await fingerprint(d())
      expect(await disableUserAction({ userId: admin.id })).toEqual({ ok: false, error: lastAdminMessage })
      expect(await fingerprint(d())).toEqual(before)
      expect(await getCurrentUser()).toMatchObject({ id: admin.id })
    })

    it('lets an admin disable another admin while one stays active; a disabled admin can no longer act', async () => {
      const first = await makeUser(d(), 'admin')
      const second = await makeUser(d(), 'admin')
      const target = await makeUser(d(), 'candidate')
      const secondClaims = await signInAs(second)
      await signInAs(first)
      expect(await disableUserAction({ userId: second.id })).toMatchObject({ ok: true, data: { role: 'admin', disabled: true } })
      // Now `first` is the last active admin.
      expect(await disableUserAction({ userId: first.id })).toEqual({ ok: false, error: lastAdminMessage })

      vi.mocked(readSessionClaims).mockResolvedValue(secondClaims)
      const before = await fingerprint(d())
      expect(await disableUserAction({ userId: target.id })).toEqual(signInRequired)
      expect(await changeUserRoleAction({ userId: first.id, role: 'candidate', expectedRole: 'admin' })).toEqual(signInRequired)
      expect(await fingerprint(d())).toEqual(before)
    })
  })
})
