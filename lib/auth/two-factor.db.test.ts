import { and, eq, isNull } from 'drizzle-orm'
import { decode } from 'next-auth/jwt'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the secret must be there before anything imports it.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'two-factor-db-test-secret-0123456789abcdefghij'
})

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import type { Database } from '@/db'
import { auditLog, emailOutbox, recoveryCodes, users } from '@/db/schema'
import { SecondFactorRequiredError } from '@/lib/auth/errors'
import { env } from '@/lib/env'
import { auditRowsFor, makeUser, userRow } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { cookieJar, request, signInAs, signOut } from '@/test/session'
import { hashPassword } from './password'
import { getCurrentUser, requireRole } from './session'
import { SecondFactorError, verifyCredentials } from './sign-in'
import { currentCode, decryptSecret, encryptSecret, newSecret, verifyCode } from './totp'
import {
  beginTwoFactorAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  resetTwoFactorAction,
} from './two-factor-actions'

const PASSWORD = 'amber lighthouse 93 kettle'
const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const notAllowed = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const step = (at: number) => Math.floor(at / 30_000)

describeEachEngine('two-factor sign-in', ({ handle }) => {
  const d = (): Database => handle().db
  let ipN = 0

  beforeEach(() => {
    signOut()
    cookieJar.reset()
    request.ip = `198.51.100.${(++ipN % 250) + 1}`
  })

  /** A user with a real password and, if asked, two-factor sign-in already on (secret returned). */
  async function person(role: 'candidate' | 'editor' | 'admin', totp = false) {
    const user = await makeUser(d(), role)
    const secret = newSecret()
    await d()
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD), ...(totp ? { totpSecret: encryptSecret(secret), totpEnabledAt: new Date() } : {}) })
      .where(eq(users.id, user.id))
    return { ...user, secret }
  }

  describe('the TOTP arithmetic', () => {
    it('accepts the current code and one step of drift, refuses older steps and replays', () => {
      const secret = newSecret()
      const now = Date.now()
      expect(verifyCode(secret, currentCode(secret, now), null, now)).toBe(step(now))
      expect(verifyCode(secret, currentCode(secret, now - 30_000), null, now)).toBe(step(now) - 1)
      expect(verifyCode(secret, currentCode(secret, now - 90_000), null, now)).toBeNull()
      // The same step again, or an older one, is a replay.
      expect(verifyCode(secret, currentCode(secret, now), step(now), now)).toBeNull()
      expect(verifyCode(secret, 'abcdef', null, now)).toBeNull()
      expect(verifyCode(newSecret(), currentCode(secret, now), null, now)).toBeNull()
    })

    it('stores secrets encrypted, and a tampered ciphertext does not decrypt', () => {
      const secret = newSecret()
      const stored = encryptSecret(secret)
      expect(stored).not.toContain(secret)
      expect(decryptSecret(stored)).toBe(secret)
      const parts = stored.split('.')
      parts[3] = `${parts[3]!.slice(0, -2)}AA`
      expect(() => decryptSecret(parts.join('.'))).toThrow()
    })
  })

  describe('enrolment', () => {
    it('turns on with a confirmed code: ends other sessions, re-issues this one with its second factor, makes 10 codes, audits', async () => {
      const editor = await person('editor')
      await signInAs(editor, undefined, { mfa: false })
      const begun = await beginTwoFactorAction()
      expect(begun.ok).toBe(true)
      if (!begun.ok) return
      expect(begun.data.uri).toMatch(/^otpauth:\/\/totp\/SkillsU:/)
      expect(begun.data.qr.size).toBeGreaterThan(20)
      expect((await userRow(d(), editor.id)).totpPendingSecret).not.toContain(begun.data.secret)

      // A wrong code is refused by the field; nothing is turned on.
      const wrong = await confirmTwoFactorAction({ code: '000000' === currentCode(begun.data.secret) ? '111111' : '000000' })
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining('not right')] } })
      expect(await confirmTwoFactorAction({ code: '12ab' })).toMatchObject({ ok: false, fieldErrors: { code: ['Enter the 6-digit code from your app'] } })
      expect((await userRow(d(), editor.id)).totpEnabledAt).toBeNull()

      const done = await confirmTwoFactorAction({ code: currentCode(begun.data.secret) })
      expect(done).toMatchObject({ ok: true, message: expect.stringContaining('Every other session') })
      if (!done.ok) return
      expect(done.data.recoveryCodes).toHaveLength(10)
      expect(new Set(done.data.recoveryCodes).size).toBe(10)
      const row = await userRow(d(), editor.id)
      expect(row).toMatchObject({ totpPendingSecret: null, sessionVersion: 2 })
      expect(row.totpEnabledAt).not.toBeNull()
      expect(decryptSecret(row.totpSecret!)).toBe(begun.data.secret)
      const stored = await d().select().from(recoveryCodes).where(eq(recoveryCodes.userId, editor.id))
      expect(stored).toHaveLength(10)
      expect(stored.map((c) => c.codeHash)).not.toContain(done.data.recoveryCodes[0])
      expect((await auditRowsFor(d(), editor.id)).map((a) => a.action)).toEqual(['auth.totp_enable'])

      // The re-issued cookie carries the new session version and the second factor.
      const cookie = [...cookieJar.values.entries()].find(([name]) => name.endsWith('next-auth.session-token'))
      const token = await decode({ token: cookie![1].value, secret: env.NEXTAUTH_SECRET! })
      expect(token).toMatchObject({ sub: editor.id, sv: 2, mfa: true })

      // Once on, it cannot be started again.
      await signInAs(editor)
      expect(await beginTwoFactorAction()).toMatchObject({ ok: false, error: expect.stringContaining('already on') })
    })

    it('refuses anonymous callers, and a confirm without a pending secret', async () => {
      expect(await beginTwoFactorAction()).toMatchObject(signInRequired)
      expect(await confirmTwoFactorAction({ code: '123456' })).toMatchObject(signInRequired)
      const candidate = await person('candidate')
      await signInAs(candidate)
      expect(await confirmTwoFactorAction({ code: '123456' })).toMatchObject({ ok: false, error: expect.stringContaining('Start the set-up again') })
    })
  })

  describe('signing in', () => {
    it('asks for a code once the password is right, accepts a current code once, and marks the session', async () => {
      const admin = await person('admin', true)
      await expect(verifyCredentials(admin.email, PASSWORD, request.ip)).rejects.toEqual(new SecondFactorError('required'))
      await expect(verifyCredentials(admin.email, PASSWORD, request.ip, '000000' === currentCode(admin.secret) ? '111111' : '000000')).rejects.toEqual(
        new SecondFactorError('invalid'),
      )
      // A wrong password never reveals whether a code would be asked for.
      expect(await verifyCredentials(admin.email, 'wrong password here', request.ip)).toBeNull()

      const code = currentCode(admin.secret)
      expect(await verifyCredentials(admin.email, PASSWORD, request.ip, code)).toEqual({ id: admin.id, sessionVersion: 1, mfa: true })
      // The same code again is a replay.
      await expect(verifyCredentials(admin.email, PASSWORD, request.ip, code)).rejects.toEqual(new SecondFactorError('invalid'))
      // Accounts without two-factor sign in with the password alone, without the second factor.
      const candidate = await person('candidate')
      expect(await verifyCredentials(candidate.email, PASSWORD, request.ip)).toEqual({ id: candidate.id, sessionVersion: 1, mfa: false })
    })

    it('accepts each recovery code once, audits its use, and counts wrong codes against the sign-in limit', async () => {
      const editor = await person('editor')
      await signInAs(editor, undefined, { mfa: false })
      const begun = await beginTwoFactorAction()
      if (!begun.ok) throw new Error('no enrolment')
      const done = await confirmTwoFactorAction({ code: currentCode(begun.data.secret) })
      if (!done.ok) throw new Error('not confirmed')
      const [first, second] = done.data.recoveryCodes
      expect(await verifyCredentials(editor.email, PASSWORD, request.ip, first!.toUpperCase())).toMatchObject({ id: editor.id, mfa: true })
      await expect(verifyCredentials(editor.email, PASSWORD, request.ip, first!)).rejects.toEqual(new SecondFactorError('invalid'))
      expect(await verifyCredentials(editor.email, PASSWORD, request.ip, ` ${second!.replace('-', '')} `)).toMatchObject({ mfa: true })
      const unused = await d()
        .select()
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, editor.id), isNull(recoveryCodes.usedAt)))
      expect(unused).toHaveLength(8)
      const uses = (await auditRowsFor(d(), editor.id)).filter((a) => a.action === 'auth.recovery_code_used')
      expect(uses).toHaveLength(2)

      // Guessing codes runs into the per-account-and-address limit like guessing passwords.
      let limited = false
      for (let i = 0; i < 12 && !limited; i++) {
        try {
          await verifyCredentials(editor.email, PASSWORD, request.ip, `zzzzz-zzzz${i % 10}`)
        } catch (error) {
          limited = (error as Error).name === 'TooManyAttemptsError'
        }
      }
      expect(limited).toBe(true)
    })
  })

  describe('staff work needs the second factor', () => {
    it('refuses staff-only work from a password-only session, allows it with the second factor', async () => {
      const admin = await person('admin', true)
      await signInAs(admin, undefined, { mfa: false })
      expect(await getCurrentUser()).toMatchObject({ totpEnabled: true, mfa: false })
      await expect(requireRole('admin')).rejects.toBeInstanceOf(SecondFactorRequiredError)
      await expect(requireRole('editor', 'admin')).rejects.toBeInstanceOf(SecondFactorRequiredError)
      // Work open to everyone signed in is not affected.
      await expect(requireRole('candidate', 'trainer', 'editor', 'admin')).resolves.toMatchObject({ id: admin.id })
      await signInAs(admin)
      await expect(requireRole('admin')).resolves.toMatchObject({ id: admin.id, mfa: true })
      // A cookie claiming a second factor for an account without one counts as none.
      const editor = await person('editor')
      vi.mocked((await import('@/lib/auth/session-source')).readSessionClaims).mockResolvedValue({ userId: editor.id, sessionVersion: 1, mfa: true })
      expect(await getCurrentUser()).toMatchObject({ mfa: false })
      await expect(requireRole('editor')).rejects.toBeInstanceOf(SecondFactorRequiredError)
    })
  })

  describe('recovery codes and turning off', () => {
    it('regenerates codes after a current code; the old ones stop working', async () => {
      const candidate = await person('candidate', true)
      await signInAs(candidate)
      expect(await regenerateRecoveryCodesAction({ code: '1234' })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(Array) } })
      const fresh = await regenerateRecoveryCodesAction({ code: currentCode(candidate.secret) })
      expect(fresh).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } })
      if (!fresh.ok) return
      const again = await regenerateRecoveryCodesAction({ code: currentCode(candidate.secret) })
      expect(again).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining('already used')] } })
      expect(await d().select().from(recoveryCodes).where(eq(recoveryCodes.userId, candidate.id))).toHaveLength(10)
      expect((await auditRowsFor(d(), candidate.id)).map((a) => a.action)).toEqual(['auth.recovery_codes_regenerate'])
      expect(await regenerateRecoveryCodesAction({ code: '123456' }).then((r) => r.ok)).toBe(false)
      signOut()
      expect(await regenerateRecoveryCodesAction({ code: '123456' })).toMatchObject(signInRequired)
    })

    it('lets a candidate turn it off with a code, never staff', async () => {
      const candidate = await person('candidate', true)
      await signInAs(candidate)
      expect(await disableTwoFactorAction({ code: 'x' })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(Array) } })
      expect(await disableTwoFactorAction({ code: currentCode(candidate.secret) })).toMatchObject({ ok: true })
      expect(await userRow(d(), candidate.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null })
      expect((await auditRowsFor(d(), candidate.id)).map((a) => a.action)).toEqual(['auth.totp_disable'])

      const admin = await person('admin', true)
      await signInAs(admin)
      expect(await disableTwoFactorAction({ code: currentCode(admin.secret) })).toMatchObject({ ok: false, error: expect.stringContaining('Staff accounts must keep') })
      expect((await userRow(d(), admin.id)).totpEnabledAt).not.toBeNull()
    })
  })

  describe("an admin resets another person's second factor", () => {
    it('clears it, ends their sessions, emails them and audits; never their own; only admins', async () => {
      const admin = await person('admin', true)
      const editor = await person('editor', true)
      await d().insert(recoveryCodes).values({ userId: editor.id, codeHash: 'x'.repeat(64) })

      for (const caller of [null, await person('candidate'), editor]) {
        if (caller) await signInAs(caller)
        else signOut()
        expect(await resetTwoFactorAction({ userId: admin.id })).toMatchObject(caller ? notAllowed : signInRequired)
      }
      expect((await userRow(d(), admin.id)).totpEnabledAt).not.toBeNull()

      await signInAs(admin)
      expect(await resetTwoFactorAction({ userId: 'not-a-uuid' })).toMatchObject({ ok: false, fieldErrors: { userId: ['Choose a user'] } })
      expect(await resetTwoFactorAction({ userId: admin.id })).toMatchObject({ ok: false, error: expect.stringContaining('your own') })
      expect(await resetTwoFactorAction({ userId: editor.id })).toMatchObject({ ok: true, data: { changed: true } })
      expect(await userRow(d(), editor.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: 2 })
      expect(await d().select().from(recoveryCodes).where(eq(recoveryCodes.userId, editor.id))).toHaveLength(0)
      const [audit] = await d().select().from(auditLog).where(and(eq(auditLog.entityId, editor.id), eq(auditLog.action, 'user.totp_reset')))
      expect(audit).toMatchObject({ actorId: admin.id, after: { totp: false, sessionsEnded: true } })
      const [mail] = await d().select().from(emailOutbox).where(and(eq(emailOutbox.userId, editor.id), eq(emailOutbox.kind, 'totp-reset')))
      expect(mail?.subject).toBe('Your two-factor sign-in was reset')
      // Again: nothing to reset.
      expect(await resetTwoFactorAction({ userId: editor.id })).toMatchObject({ ok: true, data: { changed: false } })
    })
  })
})
