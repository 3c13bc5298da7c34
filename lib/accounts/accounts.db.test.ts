import { and, asc, eq, sql } from 'drizzle-orm'
import { decode } from 'next-auth/jwt'
import { getURLFromRedirectError } from 'next/dist/client/components/redirect'
import { isRedirectError } from 'next/dist/client/components/redirect-error'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the secret must be there before anything imports it.
const { secret } = vi.hoisted(() => {
  const secret = 'accounts-db-test-secret-0123456789abcdefghijklmn'
  process.env.NEXTAUTH_SECRET = secret
  return { secret }
})
// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import { queryRows, type Database } from '@/db'
import type { ActionResult } from '@/lib/action-result'
import { applicationEvents, applicationSkills, auditLog, authTokens, candidateProfiles, emailOutbox, media, newsletterSubscribers, rateLimits, roles, savedRoles, skills, trainerApplications, userSkills, userTargetRoles, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { sessionCookieName } from '@/lib/auth/cookie'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { verifyPassword } from '@/lib/auth/password'
import { isCommonPassword } from '@/lib/auth/password-policy'
import { getCurrentUser, requireRole, requireUser, type CurrentUser } from '@/lib/auth/session'
import { readSessionClaims } from '@/lib/auth/session-source'
import { signInLimits, TooManyAttemptsError, verifyCredentials } from '@/lib/auth/sign-in'
import { hashToken } from '@/lib/auth/tokens'
import { env } from '@/lib/env'
import { saveRole, updateAlertSettings, updateProfile } from '@/lib/profile/data'
import { describeEachEngine } from '@/test/db'
import { cookieJar, freshIp, request, signInAs, signOut } from '@/test/session'
import {
  changeEmailAction,
  changePasswordAction,
  confirmEmail,
  deleteAccountAction,
  forgotPassword,
  resendVerificationEmail,
  resetPasswordWithToken,
  signOutEverywhereAction,
  signUp,
} from './actions'
import { createAccount, exportAccountData, requestEmailChange, requestPasswordReset } from './data'

const PASSWORD = 'violet tangerine harbour 42'
const NEW_PASSWORD = 'quiet meadow lantern 77'
const signUpMessage = 'Check your inbox: we sent a link to confirm your address. You can sign in now.'
const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const tokenPattern = /^[A-Za-z0-9_-]{43}$/

let counter = 0
/** An address no other test uses (the run id keeps it unique across engines and reruns). */
const runId = Math.random().toString(36).slice(2, 7)
function uniqueEmail(tag = 'user') {
  counter++
  return `${tag}-${runId}-${counter}@example.com`
}

/**
 * Runs deleteAccountAction. On success it may answer `ok` or, as it does now, redirect to the
 * sign-in page (Next's redirect() throws); both count as a successful deletion here.
 */
async function deleteAccountVia(confirm: string): Promise<ActionResult<null> | { redirectedTo: string }> {
  const f = new FormData()
  f.append('confirmEmail', confirm)
  try {
    return await deleteAccountAction(null, f)
  } catch (error) {
    if (isRedirectError(error)) return { redirectedTo: getURLFromRedirectError(error)! }
    throw error
  }
}

function expectDeleted(outcome: Awaited<ReturnType<typeof deleteAccountVia>>) {
  if ('redirectedTo' in outcome) expect(outcome.redirectedTo).toBe('/login?deleted=1')
  else expect(outcome).toEqual({ ok: true, data: null, message: 'Your account and its data were deleted.' })
}

function form(fields: Record<string, string>) {
  const f = new FormData()
  for (const [key, value] of Object.entries(fields)) f.append(key, value)
  return f
}

/** The token in a mailed link such as `http://localhost:3000/verify-email?token=XYZ` (text body). */
function linkToken(textBody: string, path: '/verify-email' | '/reset-password') {
  const prefix = new URL(path, env.SITE_URL).toString()
  const line = textBody.split('\n').find((l) => l.includes(`${prefix}?token=`))
  expect(line, `a ${path} link in:\n${textBody}`).toBeDefined()
  const token = line!.slice(line!.indexOf('?token=') + '?token='.length).trim()
  expect(token).toMatch(tokenPattern)
  return token
}

describeEachEngine('accounts', ({ handle }) => {
  const d = (): Database => handle().db

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
  })

  beforeEach(() => {
    freshIp()
    cookieJar.reset()
    signOut()
  })

  async function userByEmail(email: string) {
    const [row] = await d().select().from(users).where(eq(users.email, email))
    return row
  }
  async function userById(id: string) {
    const [row] = await d().select().from(users).where(eq(users.id, id))
    return row
  }

  async function mails(to: string, kind?: string) {
    return d()
      .select()
      .from(emailOutbox)
      .where(kind ? and(eq(emailOutbox.toAddress, to), eq(emailOutbox.kind, kind)) : eq(emailOutbox.toAddress, to))
      .orderBy(asc(emailOutbox.createdAt))
  }

  async function lastMail(to: string, kind: string) {
    const all = await mails(to, kind)
    expect(all.length, `a ${kind} mail to ${to}`).toBeGreaterThan(0)
    return all.at(-1)!
  }

  /** A candidate created through the data layer, as sign-up does it. */
  async function createCandidate(over: { name?: string; role?: string; email?: string } = {}) {
    const email = over.email ?? uniqueEmail('cand')
    const name = over.name ?? `Candidate ${counter}`
    expect(await createAccount({ name, email, password: PASSWORD, role: over.role })).toEqual({ ok: true })
    const row = await userByEmail(email)
    expect(row).toBeDefined()
    return row!
  }

  async function signedIn(user: { id: string }): Promise<CurrentUser> {
    await signInAs(user)
    const me = await getCurrentUser()
    expect(me?.id).toBe(user.id)
    return me!
  }

  async function count(table: string, where = 'true') {
    const [row] = await queryRows<{ n: number }>(d(), sql.raw(`select count(*)::int as n from "${table}" where ${where}`))
    return row!.n
  }

  /** One hash per table of the public schema: any write anywhere changes it. */
  async function fingerprint() {
    const tables = await queryRows<{ table_name: string }>(
      d(),
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
    const out: Record<string, string> = {}
    for (const { table_name } of tables) {
      const [row] = await queryRows<{ h: string }>(d(), sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table_name}" t`))
      out[table_name] = row!.h
    }
    return out
  }

  /** Every text-like column of every public table that still mentions `needle` (case-insensitive). */
  async function mentions(needle: string) {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      d(),
      sql`select c.table_name, c.column_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
           where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
           order by c.table_name, c.column_name`,
    )
    expect(columns.length).toBeGreaterThan(20)
    const pattern = `%${needle.replace(/[%_\\]/g, '\\$&')}%`
    const found: string[] = []
    for (const { table_name, column_name } of columns) {
      const [row] = await queryRows<{ n: number }>(d(), sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${pattern}`)
      if (row!.n > 0) found.push(`${table_name}.${column_name}: ${row!.n}`)
    }
    return found
  }

  // ---------------------------------------------------------------------------------------------
  describe('sign-up', () => {
    it('creates a candidate with a hashed password, a profile, a target role and a verification mail', async () => {
      const email = uniqueEmail('signup')
      const result = await signUp(null, form({ name: '  Ada Lovelace ', email: `  ${email.toUpperCase()} `, password: PASSWORD, role: 'back-end-developer' }))
      expect(result).toEqual({ ok: true, data: null, message: signUpMessage })

      const user = await userByEmail(email.toLowerCase())
      expect(user).toMatchObject({ name: 'Ada Lovelace', role: 'candidate', emailVerifiedAt: null, disabledAt: null, sessionVersion: 1 })
      expect(user!.email).toBe(email.toLowerCase())
      expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      expect(await verifyPassword(user!.passwordHash!, PASSWORD)).toBe(true)
      expect(await verifyPassword(user!.passwordHash!, NEW_PASSWORD)).toBe(false)

      const profiles = await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, user!.id))
      expect(profiles).toHaveLength(1)
      expect(profiles[0]).toMatchObject({ headline: '', bio: '', isPublic: false, alertFrequency: 'weekly', alertsPausedAt: null })

      const targets = await d()
        .select({ slug: roles.slug, position: userTargetRoles.position })
        .from(userTargetRoles)
        .innerJoin(roles, eq(roles.id, userTargetRoles.roleId))
        .where(eq(userTargetRoles.userId, user!.id))
      expect(targets).toEqual([{ slug: 'back-end-developer', position: 0 }])

      const outbox = await mails(user!.email)
      expect(outbox).toHaveLength(1)
      expect(outbox[0]).toMatchObject({ kind: 'email_verification', userId: user!.id, status: 'queued', subject: 'Confirm your email address' })
      expect(outbox[0]!.textBody).toContain(`${new URL('/verify-email', env.SITE_URL)}?token=`)
      const token = linkToken(outbox[0]!.textBody, '/verify-email')
      expect(outbox[0]!.htmlBody).toContain(`/verify-email?token=${token}`)

      // Only the token's hash is stored, valid for 7 days.
      const [stored] = await d().select().from(authTokens).where(eq(authTokens.userId, user!.id))
      expect(stored).toMatchObject({ kind: 'email_verification', email: user!.email, tokenHash: hashToken(token), usedAt: null })
      expect(await count('auth_tokens', `token_hash = '${token}'`)).toBe(0)
      expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000)

      expect(await count('audit_log', `action = 'user.signup' and actor_id = '${user!.id}' and entity_id = '${user!.id}'`)).toBe(1)
    })

    it('ignores a draft role slug (and an unknown one)', async () => {
      for (const role of ['blockchain-developer', 'no-such-role']) {
        const email = uniqueEmail('draft')
        expect(await signUp(null, form({ name: 'Drafty', email, password: PASSWORD, role }))).toEqual({ ok: true, data: null, message: signUpMessage })
        const user = await userByEmail(email)
        expect(user).toBeDefined()
        expect(await d().select().from(userTargetRoles).where(eq(userTargetRoles.userId, user!.id))).toEqual([])
      }
    })

    it('uses the common-password list as the tests assume', () => {
      expect(isCommonPassword('password123')).toBe(true)
      expect(isCommonPassword('qwertyuiop')).toBe(true)
      expect(isCommonPassword('PassWord123')).toBe(true)
      expect(isCommonPassword(PASSWORD)).toBe(false)
      expect(isCommonPassword(NEW_PASSWORD)).toBe(false)
    })

    it.each<{ label: string; override: Record<string, string>; field: string }>([
      { label: 'a malformed email', override: { email: 'not-an-email' }, field: 'email' },
      { label: 'an empty email', override: { email: '   ' }, field: 'email' },
      { label: 'a 7-character password', override: { password: 'abcdefg' }, field: 'password' },
      { label: 'a 129-character password', override: { password: 'x'.repeat(129) }, field: 'password' },
      { label: 'a common password (password123)', override: { password: 'password123' }, field: 'password' },
      { label: 'a common password (qwertyuiop)', override: { password: 'qwertyuiop' }, field: 'password' },
      { label: 'an empty name', override: { name: '  ' }, field: 'name' },
      { label: 'markup in the name', override: { name: '<script>x</script>' }, field: 'name' },
    ])('refuses $label with a field error and stores nothing', async ({ override, field }) => {
      const email = uniqueEmail('bad')
      const before = await fingerprint()
      const result = await signUp(null, form({ name: 'Bad Input', email, password: PASSWORD, ...override }))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0)
      const after = await fingerprint()
      // A refused common password used one sign-up attempt of the address's budget; nothing else moved.
      delete before.rate_limits
      delete after.rate_limits
      expect(after).toEqual(before)
      expect(await userByEmail(email)).toBeUndefined()
    })

    it('accepts a 128-character password, the maximum', async () => {
      const email = uniqueEmail('long')
      const long = 'correct horse '.repeat(10).slice(0, 128)
      expect(long).toHaveLength(128)
      expect((await signUp(null, form({ name: 'Long Pass', email, password: long }))).ok).toBe(true)
      expect(await verifyPassword((await userByEmail(email))!.passwordHash!, long)).toBe(true)
    })

    it('never writes extra form fields (role=admin, userId, emailVerifiedAt, sessionVersion)', async () => {
      const victim = await createCandidate()
      const email = uniqueEmail('extra')
      const result = await signUp(
        null,
        form({ name: 'Mallory', email, password: PASSWORD, role: 'admin', userId: victim.id, id: victim.id, emailVerifiedAt: '2020-01-01T00:00:00Z', sessionVersion: '99', disabledAt: '' }),
      )
      expect(result).toEqual({ ok: true, data: null, message: signUpMessage })
      const user = await userByEmail(email)
      expect(user).toMatchObject({ role: 'candidate', emailVerifiedAt: null, sessionVersion: 1, disabledAt: null })
      expect(user!.id).not.toBe(victim.id)
      // `role` is only ever a target-role slug, and there is no published role called "admin".
      expect(await d().select().from(userTargetRoles).where(eq(userTargetRoles.userId, user!.id))).toEqual([])
      expect(await userById(victim.id)).toEqual(victim)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('no account enumeration', () => {
    it('answers a sign-up for an existing address exactly like a new one, and changes nothing of the owner', async () => {
      const owner = await createCandidate({ name: 'Original Name' })
      const ownerProfile = await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, owner.id))
      const ownerTokens = await count('auth_tokens', `user_id = '${owner.id}'`)
      const usersBefore = await count('users')

      const existing = await signUp(null, form({ name: 'Impostor', email: owner.email.toUpperCase(), password: NEW_PASSWORD, role: 'data-engineer' }))
      const fresh = await signUp(null, form({ name: 'Newcomer', email: uniqueEmail('new'), password: NEW_PASSWORD, role: 'data-engineer' }))
      expect(existing).toEqual(fresh)
      expect(existing).toEqual({ ok: true, data: null, message: signUpMessage })

      expect(await userById(owner.id)).toEqual(owner) // same hash, name, role, version, timestamps
      expect(await verifyPassword(owner.passwordHash!, PASSWORD)).toBe(true)
      expect(await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, owner.id))).toEqual(ownerProfile)
      expect(await d().select().from(userTargetRoles).where(eq(userTargetRoles.userId, owner.id))).toEqual([])
      expect(await count('auth_tokens', `user_id = '${owner.id}'`)).toBe(ownerTokens)
      expect(await count('users')).toBe(usersBefore + 1) // only the newcomer

      const notice = await mails(owner.email, 'signup_existing')
      expect(notice).toHaveLength(1)
      expect(notice[0]).toMatchObject({ userId: null, subject: 'Someone tried to create an account with your address' })
      expect(notice[0]!.textBody).not.toContain('token=')
    })

    it('answers a password-reset request the same for known and unknown addresses; only the known one gets mail', async () => {
      const known = await createCandidate()
      const unknown = uniqueEmail('nobody')
      const a = await forgotPassword(null, form({ email: known.email }))
      const b = await forgotPassword(null, form({ email: unknown }))
      expect(a).toEqual(b)
      expect(a).toEqual({ ok: true, data: null, message: 'If an account uses that address, we sent it a link to choose a new password. It works for one hour.' })
      expect(await mails(known.email, 'password_reset')).toHaveLength(1)
      expect(await mails(unknown)).toEqual([])
      expect(await count('auth_tokens', `email = '${unknown}'`)).toBe(0)
    })

    it('sends no reset link to a disabled account, and still answers the same', async () => {
      const user = await createCandidate()
      await d().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
      const result = await forgotPassword(null, form({ email: user.email }))
      expect(result).toEqual(await forgotPassword(null, form({ email: uniqueEmail('nobody') })))
      expect(await mails(user.email, 'password_reset')).toEqual([])
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('email verification', () => {
    it('confirms the address once; the same link then fails; a bogus link fails with a message', async () => {
      const user = await createCandidate()
      const token = linkToken((await lastMail(user.email, 'email_verification')).textBody, '/verify-email')

      expect(await confirmEmail(null, form({ token }))).toEqual({ ok: true, data: null, message: 'Your email address is confirmed.' })
      const verified = await userById(user.id)
      expect(verified!.emailVerifiedAt).toBeInstanceOf(Date)
      expect(await count('auth_tokens', `token_hash = '${hashToken(token)}' and used_at is not null`)).toBe(1)

      const again = await confirmEmail(null, form({ token }))
      expect(again).toEqual({ ok: false, error: 'This link has expired or was already used.' })
      expect((await userById(user.id))!.emailVerifiedAt).toEqual(verified!.emailVerifiedAt)

      const bogus = await confirmEmail(null, form({ token: 'A'.repeat(43) }))
      expect(bogus).toEqual({ ok: false, error: 'This link has expired or was already used.' })
      const malformed = await confirmEmail(null, form({ token: 'abc' }))
      expect(malformed).toMatchObject({ ok: false, fieldErrors: { token: ['This link is not valid'] } })
    })

    it('does not accept a password-reset token as a verification link', async () => {
      const user = await createCandidate()
      await requestPasswordReset(user.email)
      const resetToken = linkToken((await lastMail(user.email, 'password_reset')).textBody, '/reset-password')
      expect((await confirmEmail(null, form({ token: resetToken }))).ok).toBe(false)
      expect((await userById(user.id))!.emailVerifiedAt).toBeNull()
    })

    it('resends a verification link to a signed-in, unverified user, three times an hour', async () => {
      const user = await createCandidate()
      await signInAs(user)
      for (let i = 0; i < 3; i++) {
        expect(await resendVerificationEmail()).toEqual({ ok: true, data: null, message: `We sent a new confirmation link to ${user.email}.` })
      }
      const sent = await mails(user.email, 'email_verification')
      expect(sent).toHaveLength(4)
      const refused = await resendVerificationEmail()
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts\. Please try again in \d+ minutes?\.$/) })
      expect(await mails(user.email, 'email_verification')).toHaveLength(4)
      // The newest link works.
      expect((await confirmEmail(null, form({ token: linkToken(sent.at(-1)!.textBody, '/verify-email') }))).ok).toBe(true)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('password reset', () => {
    async function resetToken(email: string) {
      return linkToken((await lastMail(email, 'password_reset')).textBody, '/reset-password')
    }

    it('works once, ends every session, and makes earlier reset links useless', async () => {
      const user = await createCandidate()
      await requestPasswordReset(user.email)
      const earlier = await resetToken(user.email)
      expect(await forgotPassword(null, form({ email: user.email }))).toMatchObject({ ok: true })
      const later = await resetToken(user.email)
      expect(later).not.toBe(earlier)

      const done = await resetPasswordWithToken(null, form({ token: later, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))
      expect(done).toEqual({ ok: true, data: null, message: 'Your password was changed. Sign in with the new one.' })
      const after = await userById(user.id)
      expect(after!.sessionVersion).toBe(user.sessionVersion + 1)
      expect(await verifyPassword(after!.passwordHash!, NEW_PASSWORD)).toBe(true)
      expect(await verifyPassword(after!.passwordHash!, PASSWORD)).toBe(false)
      expect(await verifyCredentials(user.email, NEW_PASSWORD, request.ip)).toEqual({ id: user.id, sessionVersion: after!.sessionVersion, mfa: false })
      expect(await count('audit_log', `action = 'user.password_reset' and entity_id = '${user.id}'`)).toBe(1)

      // The old session is over.
      await signInAs(user, user.sessionVersion)
      expect(await getCurrentUser()).toBeNull()

      for (const token of [later, earlier]) {
        const again = await resetPasswordWithToken(null, form({ token, password: 'another fine passphrase', confirm: 'another fine passphrase' }))
        expect(again).toMatchObject({ ok: false, fieldErrors: { token: ['This link has expired or was already used. Ask for a new one.'] } })
      }
      expect(await userById(user.id)).toEqual(after)
      expect(await count('auth_tokens', `user_id = '${user.id}' and kind = 'password_reset' and used_at is null`)).toBe(0)
    })

    it('expires after one hour', async () => {
      const user = await createCandidate()
      await requestPasswordReset(user.email)
      const token = await resetToken(user.email)
      const [stored] = await d().select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)))
      expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(60 * 60 * 1000)

      // 61 minutes later.
      await d()
        .update(authTokens)
        .set({ createdAt: sql`${authTokens.createdAt} - interval '61 minutes'`, expiresAt: sql`${authTokens.expiresAt} - interval '61 minutes'` })
        .where(eq(authTokens.id, stored!.id))
      const late = await resetPasswordWithToken(null, form({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))
      expect(late).toMatchObject({ ok: false, fieldErrors: { token: [expect.stringContaining('expired')] } })
      expect(await userById(user.id)).toEqual(user)
    })

    it('still works 59 minutes after it was sent', async () => {
      const user = await createCandidate()
      await requestPasswordReset(user.email)
      const token = await resetToken(user.email)
      await d()
        .update(authTokens)
        .set({ expiresAt: sql`${authTokens.expiresAt} - interval '59 minutes'` })
        .where(eq(authTokens.tokenHash, hashToken(token)))
      expect((await resetPasswordWithToken(null, form({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).ok).toBe(true)
    })

    it('refuses a common or mismatched new password without using up the link', async () => {
      const user = await createCandidate()
      await requestPasswordReset(user.email)
      const token = await resetToken(user.email)
      expect(await resetPasswordWithToken(null, form({ token, password: 'password123', confirm: 'password123' }))).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } })
      expect(await resetPasswordWithToken(null, form({ token, password: NEW_PASSWORD, confirm: 'something else' }))).toMatchObject({
        ok: false,
        fieldErrors: { confirm: ['The passwords do not match'] },
      })
      expect(await userById(user.id)).toEqual(user)
      expect((await resetPasswordWithToken(null, form({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).ok).toBe(true)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('rate limits', () => {
    it('refuses the 11th sign-up from one address within an hour, and stores nothing for it', async () => {
      const ip = freshIp()
      for (let i = 0; i < 10; i++) {
        expect(await signUp(null, form({ name: `Burst ${i}`, email: uniqueEmail('burst'), password: PASSWORD }))).toMatchObject({ ok: true })
      }
      const email = uniqueEmail('burst')
      const refused = await signUp(null, form({ name: 'Burst 11', email, password: PASSWORD }))
      expect(refused.ok).toBe(false)
      if (refused.ok) return
      const minutes = Number(/^Too many attempts\. Please try again in (\d+) minutes?\.$/.exec(refused.error)?.[1])
      expect(minutes).toBe(60)
      expect(refused.retryAfterSeconds).toBeGreaterThan(59 * 60)
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60 * 60)
      expect(await userByEmail(email)).toBeUndefined()
      expect(await mails(email)).toEqual([])
      // The counter lives in the database.
      const [row] = await d().select().from(rateLimits).where(eq(rateLimits.key, `signup-ip:${ip}`))
      expect(row!.points).toBeGreaterThanOrEqual(11)

      // Another address is not affected.
      freshIp()
      expect((await signUp(null, form({ name: 'Elsewhere', email, password: PASSWORD }))).ok).toBe(true)
      expect(await userByEmail(email)).toBeDefined()
    })

    it('refuses the 4th reset request for one address within an hour', async () => {
      const user = await createCandidate()
      for (let i = 0; i < 3; i++) {
        freshIp() // even from different addresses
        expect((await forgotPassword(null, form({ email: user.email }))).ok).toBe(true)
      }
      freshIp()
      const refused = await forgotPassword(null, form({ email: user.email }))
      expect(refused).toMatchObject({ ok: false, error: 'Too many attempts. Please try again in 60 minutes.', retryAfterSeconds: expect.any(Number) })
      expect(await mails(user.email, 'password_reset')).toHaveLength(3)
      // The limit is per address: another account asks without trouble.
      const other = await createCandidate()
      expect((await forgotPassword(null, form({ email: other.email }))).ok).toBe(true)
      expect(await mails(other.email, 'password_reset')).toHaveLength(1)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('sign-in (verifyCredentials)', () => {
    it('accepts the right password and refuses a wrong one or an unknown address', async () => {
      const user = await createCandidate()
      expect(await verifyCredentials(user.email, PASSWORD, request.ip)).toEqual({ id: user.id, sessionVersion: 1, mfa: false })
      expect(await verifyCredentials(user.email, NEW_PASSWORD, request.ip)).toBeNull()
      expect(await verifyCredentials(uniqueEmail('ghost'), PASSWORD, request.ip)).toBeNull()
    })

    it('stops a guesser at one address after 10 failures, but not the owner signing in from another', async () => {
      const user = await createCandidate()
      const attacker = freshIp()
      for (let i = 0; i < signInLimits.accountAndIp.points; i++) {
        expect(await verifyCredentials(user.email, `wrong guess ${i}`, attacker)).toBeNull()
      }
      const error = await verifyCredentials(user.email, PASSWORD, attacker).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(TooManyAttemptsError)
      const retry = (error as TooManyAttemptsError).retryAfterSeconds
      expect(retry).toBeGreaterThan(0)
      expect(retry).toBeLessThanOrEqual(15 * 60)
      expect((error as Error).message).toBe(`rate_limited:${retry}`)

      const owner = freshIp()
      expect(await verifyCredentials(user.email, PASSWORD, owner)).toEqual({ id: user.id, sessionVersion: 1, mfa: false })
      // The owner's success does not unlock the guesser's address.
      await expect(verifyCredentials(user.email, PASSWORD, attacker)).rejects.toBeInstanceOf(TooManyAttemptsError)
      // The failures were counted in the database (per account+address, per account, per address).
      const keys = (await d().select({ key: rateLimits.key, points: rateLimits.points }).from(rateLimits)).filter((r) => r.key.includes(attacker))
      expect(keys).toEqual(expect.arrayContaining([{ key: `signin-acct-ip:${user.email}|${attacker}`, points: 10 }, { key: `signin-ip:${attacker}`, points: 10 }]))
    })

    it('a success clears the failures counted for that account at that address', async () => {
      const user = await createCandidate()
      const ip = freshIp()
      for (let i = 0; i < 9; i++) expect(await verifyCredentials(user.email, 'nope nope', ip)).toBeNull()
      expect(await verifyCredentials(user.email, PASSWORD, ip)).not.toBeNull()
      for (let i = 0; i < 9; i++) expect(await verifyCredentials(user.email, 'nope nope', ip)).toBeNull()
      expect(await verifyCredentials(user.email, PASSWORD, ip)).not.toBeNull()
    })

    it('refuses a disabled user even with the right password', async () => {
      const user = await createCandidate()
      await d().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
      expect(await verifyCredentials(user.email, PASSWORD, request.ip)).toBeNull()
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('sessions (getCurrentUser)', () => {
    it('re-reads the user row on every call: role from the row; disabled, signed out everywhere or deleted means no session', async () => {
      const user = await createCandidate()
      await signInAs(user)
      expect(await getCurrentUser()).toEqual({ id: user.id, email: user.email, name: user.name, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false })

      // React's cache() is not in effect outside a request: the next call sees a change made meanwhile.
      await d().update(users).set({ name: 'Renamed' }).where(eq(users.id, user.id))
      expect((await getCurrentUser())?.name).toBe('Renamed')

      await d().update(users).set({ role: 'trainer' }).where(eq(users.id, user.id))
      expect((await getCurrentUser())?.role).toBe('trainer')
      await expect(requireRole('candidate')).rejects.toBeInstanceOf(ForbiddenError)
      await expect(requireRole('trainer')).resolves.toMatchObject({ id: user.id })
      await d().update(users).set({ role: 'admin' }).where(eq(users.id, user.id))
      expect((await getCurrentUser())?.role).toBe('admin')
      await d().update(users).set({ role: 'candidate' }).where(eq(users.id, user.id))

      await d().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
      expect(await getCurrentUser()).toBeNull()
      await expect(requireUser()).rejects.toBeInstanceOf(UnauthenticatedError)
      await d().update(users).set({ disabledAt: null }).where(eq(users.id, user.id))
      expect((await getCurrentUser())?.id).toBe(user.id)

      expect(await signOutEverywhereAction()).toEqual({ ok: true, data: null, message: 'You were signed out on every device.' })
      expect((await userById(user.id))!.sessionVersion).toBe(2)
      expect(cookieJar.log).toEqual([{ op: 'delete', name: sessionCookieName }])
      expect(await count('audit_log', `action = 'user.signed_out_everywhere' and entity_id = '${user.id}'`)).toBe(1)
      expect(await getCurrentUser()).toBeNull() // the old cookie (version 1)
      await signInAs(user, 2)
      expect((await getCurrentUser())?.sessionVersion).toBe(2) // a new sign-in

      await d().delete(users).where(eq(users.id, user.id))
      expect(await getCurrentUser()).toBeNull()
    })

    it('refuses odd claims: a future session version, a malformed id, no cookie', async () => {
      const user = await createCandidate()
      await signInAs(user, 2)
      expect(await getCurrentUser()).toBeNull()
      vi.mocked(readSessionClaims).mockResolvedValue({ userId: `${user.id}' or '1'='1`, sessionVersion: 1, mfa: true })
      expect(await getCurrentUser()).toBeNull()
      signOut()
      expect(await getCurrentUser()).toBeNull()
      await expect(requireUser()).rejects.toThrow('Please sign in to continue.')
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('change password', () => {
    it('needs the current password; nothing changes without it', async () => {
      const user = await createCandidate()
      await signInAs(user)
      const wrong = await changePasswordAction(null, form({ currentPassword: 'not my password', password: NEW_PASSWORD, confirm: NEW_PASSWORD }))
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ['Your current password is not correct'] } })
      const common = await changePasswordAction(null, form({ currentPassword: PASSWORD, password: 'qwertyuiop', confirm: 'qwertyuiop' }))
      expect(common).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('too common')] } })
      const mismatch = await changePasswordAction(null, form({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }))
      expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirm: ['The passwords do not match'] } })
      expect(await userById(user.id)).toEqual(user)
      expect(cookieJar.log).toEqual([])
      expect(await count('audit_log', `action = 'user.password_changed' and entity_id = '${user.id}'`)).toBe(0)
    })

    it('changes the password, moves the session version on and re-issues this session cookie', async () => {
      const user = await createCandidate()
      await signInAs(user)
      const result = await changePasswordAction(null, form({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))
      expect(result).toEqual({ ok: true, data: null, message: 'Your password was changed. Every other session has been signed out.' })

      const after = await userById(user.id)
      expect(after!.sessionVersion).toBe(2)
      expect(await verifyPassword(after!.passwordHash!, NEW_PASSWORD)).toBe(true)
      expect(await verifyPassword(after!.passwordHash!, PASSWORD)).toBe(false)
      expect(await count('audit_log', `action = 'user.password_changed' and entity_id = '${user.id}'`)).toBe(1)

      expect(sessionCookieName).toBe(env.SITE_URL.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token')
      expect(cookieJar.log).toHaveLength(1)
      const set = cookieJar.log[0]!
      expect(set).toMatchObject({ op: 'set', name: sessionCookieName, options: { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 30 * 24 * 60 * 60 } })
      const claims = await decode({ token: cookieJar.get(sessionCookieName)!.value, secret })
      expect(claims).toMatchObject({ sub: user.id, sv: 2 })

      // The old cookie is refused; the re-issued one is accepted.
      await signInAs(user, 1)
      expect(await getCurrentUser()).toBeNull()
      vi.mocked(readSessionClaims).mockResolvedValue({ userId: claims!.sub!, sessionVersion: claims!.sv as number, mfa: false })
      expect(await getCurrentUser()).toMatchObject({ id: user.id, sessionVersion: 2 })
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('change email', () => {
    it('needs the current password, and a different address', async () => {
      const user = await createCandidate()
      await signInAs(user)
      const target = uniqueEmail('moved')
      const wrong = await changeEmailAction(null, form({ email: target, currentPassword: 'not my password' }))
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ['Your current password is not correct'] } })
      const same = await changeEmailAction(null, form({ email: user.email.toUpperCase(), currentPassword: PASSWORD }))
      expect(same).toMatchObject({ ok: false, fieldErrors: { email: ['That is already your address'] } })
      expect(await mails(target)).toEqual([])
      expect(await mails(user.email, 'email_change_notice')).toEqual([])
      expect(await count('auth_tokens', `user_id = '${user.id}' and kind = 'email_change'`)).toBe(0)
      expect(await userById(user.id)).toEqual(user)
    })

    it('mails a link to the new address and a notice to the old one; following it moves and verifies the address', async () => {
      const user = await createCandidate()
      await signInAs(user)
      const target = uniqueEmail('moved')
      const result = await changeEmailAction(null, form({ email: target.toUpperCase(), currentPassword: PASSWORD }))
      expect(result).toEqual({ ok: true, data: null, message: `We sent a confirmation link to ${target}. Your address changes when you follow it.` })
      expect(await userById(user.id)).toEqual(user) // nothing changes until the link is followed

      const confirmation = await mails(target)
      expect(confirmation).toHaveLength(1)
      expect(confirmation[0]).toMatchObject({ kind: 'email_change', userId: user.id })
      const notice = await mails(user.email, 'email_change_notice')
      expect(notice).toHaveLength(1)
      expect(notice[0]!.textBody).not.toContain('token=')

      const token = linkToken(confirmation[0]!.textBody, '/verify-email')
      expect(await confirmEmail(null, form({ token }))).toEqual({ ok: true, data: null, message: 'Your email address is confirmed.' })
      const moved = await userById(user.id)
      expect(moved!.email).toBe(target)
      expect(moved!.emailVerifiedAt).toBeInstanceOf(Date)
      expect(moved!.sessionVersion).toBe(user.sessionVersion)
      expect(await getCurrentUser()).toMatchObject({ email: target, emailVerified: true })
      const [audit] = await d().select().from(auditLog).where(and(eq(auditLog.action, 'user.email_changed'), eq(auditLog.entityId, user.id)))
      expect(audit).toMatchObject({ actorId: user.id, before: { email: user.email }, after: { email: target } })

      // The link works once.
      expect((await confirmEmail(null, form({ token }))).ok).toBe(false)
      // The old address no longer signs in; the new one does.
      expect(await verifyCredentials(user.email, PASSWORD, request.ip)).toBeNull()
      expect(await verifyCredentials(target, PASSWORD, request.ip)).toMatchObject({ id: user.id })
    })

    it('refuses the change when the new address was taken by another account meanwhile', async () => {
      const user = await createCandidate()
      await signInAs(user)
      const target = uniqueEmail('contested')
      expect((await changeEmailAction(null, form({ email: target, currentPassword: PASSWORD }))).ok).toBe(true)
      const token = linkToken((await lastMail(target, 'email_change')).textBody, '/verify-email')
      const squatter = await createCandidate({ email: target })

      const result = await confirmEmail(null, form({ token }))
      expect(result).toEqual({ ok: false, error: 'That address now belongs to another account.' })
      expect(await userById(user.id)).toEqual(user)
      expect(await userById(squatter.id)).toEqual(squatter)
      expect(await count('audit_log', `action = 'user.email_changed' and entity_id = '${user.id}'`)).toBe(0)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('anonymous callers', () => {
    it('are refused by every signed-in action, and nothing in the database changes', async () => {
      const bystander = await createCandidate()
      signOut()
      const before = await fingerprint()
      expect(await resendVerificationEmail()).toEqual(signInRequired)
      expect(await changePasswordAction(null, form({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual(signInRequired)
      expect(await changeEmailAction(null, form({ email: uniqueEmail('anon'), currentPassword: PASSWORD }))).toEqual(signInRequired)
      expect(await signOutEverywhereAction()).toEqual(signInRequired)
      expect(await deleteAccountVia(bystander.email)).toEqual(signInRequired)
      expect(await fingerprint()).toEqual(before)
      expect(cookieJar.log).toEqual([])
    })

    it('are refused too when the cookie names a user that was disabled', async () => {
      const user = await createCandidate()
      await signInAs(user)
      await d().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
      const before = await fingerprint()
      expect(await changePasswordAction(null, form({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual(signInRequired)
      expect(await deleteAccountVia(user.email)).toEqual(signInRequired)
      expect(await signOutEverywhereAction()).toEqual(signInRequired)
      expect(await fingerprint()).toEqual(before)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('delete account', () => {
    /** A candidate with something in every personal table. */
    async function busyCandidate(name: string) {
      const user = await createCandidate({ name, role: 'data-engineer' })
      const me = await signedIn(user)
      expect(
        await updateProfile(me, {
          name,
          headline: 'Data wrangler',
          location: 'Lisbon',
          yearsExperience: 4,
          bio: `Write to me at ${user.email}`,
          skills: ['Python', 'SQL', 'Underwater Welding'],
          targetRoles: ['data-engineer', 'back-end-developer'],
          isPublic: true,
        }),
      ).toEqual({ ok: true })
      expect(await saveRole(me, 'devops-engineer')).toEqual({ ok: true })
      await updateAlertSettings(me, { frequency: 'daily', paused: true })
      // Verified, with a pending email change, a reset link and a sign-up attempt by someone else.
      expect((await confirmEmail(null, form({ token: linkToken((await lastMail(user.email, 'email_verification')).textBody, '/verify-email') }))).ok).toBe(true)
      expect(await requestEmailChange(me, uniqueEmail('pending'), PASSWORD)).toEqual({ ok: true })
      await requestPasswordReset(user.email)
      expect(await createAccount({ name: 'Someone Else', email: user.email, password: NEW_PASSWORD })).toEqual({ ok: true })
      return (await userById(user.id))!
    }

    it('refuses a wrong confirmation and changes nothing', async () => {
      const user = await busyCandidate(`Wrong Confirm ${counter}`)
      await signInAs(user)
      const before = await fingerprint()
      const result = await deleteAccountVia(uniqueEmail('other'))
      expect(result).toMatchObject({ ok: false, fieldErrors: { confirmEmail: ['Type your email address exactly to confirm'] } })
      expect(await fingerprint()).toEqual(before)
      expect(cookieJar.log).toEqual([])
    })

    it('removes the user and every row of theirs, leaves no copy of the address anywhere, and clears the cookie', async () => {
      const name = `Zebulon Quarrington ${runId}`
      const user = await busyCandidate(name)
      const bystander = await busyCandidate(`Bystander ${runId}`)
      const bystanderRows = async () => ({
        user: await userById(bystander.id),
        profile: await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, bystander.id)),
        skills: await d().select().from(userSkills).where(eq(userSkills.userId, bystander.id)).orderBy(userSkills.skillId),
        targets: await d().select().from(userTargetRoles).where(eq(userTargetRoles.userId, bystander.id)).orderBy(userTargetRoles.position),
        saved: await d().select().from(savedRoles).where(eq(savedRoles.userId, bystander.id)),
        tokens: await count('auth_tokens', `user_id = '${bystander.id}'`),
        mail: await count('email_outbox', `to_address = '${bystander.email}'`),
      })
      const bystanderBefore = await bystanderRows()
      expect(await count('audit_log', `actor_id = '${user.id}'`)).toBeGreaterThan(0)
      expect(await mentions(user.email)).not.toEqual([])

      await signInAs(user)
      expectDeleted(await deleteAccountVia(`  ${user.email.toUpperCase()} `))
      expect(cookieJar.log).toEqual([{ op: 'delete', name: sessionCookieName }])
      expect(await getCurrentUser()).toBeNull()

      expect(await userById(user.id)).toBeUndefined()
      for (const table of ['candidate_profiles', 'user_skills', 'user_target_roles', 'saved_roles', 'auth_tokens', 'email_outbox']) {
        expect(await count(table, `user_id = '${user.id}'`), table).toBe(0)
      }
      expect(await count('email_outbox', `to_address = '${user.email}'`)).toBe(0)
      expect(await count('audit_log', `actor_id = '${user.id}'`)).toBe(0)
      // What happened is kept, without the actor.
      expect(await count('audit_log', `action = 'user.deleted' and actor_id is null and entity_id = '${user.id}'`)).toBe(1)
      expect(await count('audit_log', `action = 'user.signup' and actor_id is null and entity_id = '${user.id}'`)).toBe(1)

      // No column of any table mentions the address or the name any more.
      expect(await mentions(user.email)).toEqual([])
      expect(await mentions(name)).toEqual([])
      // The skill the user created is shared content; the roles and skills are untouched.
      expect(await count('skills', `slug = 'python'`)).toBe(1)

      expect(await bystanderRows()).toEqual(bystanderBefore)
    })
  })

  // ---------------------------------------------------------------------------------------------
  // Regressions: each setup runs as its own test; the property that was once broken is asserted after it.
  describe('delete account: regressions', () => {
    const seen: {
      rateLimitMentions?: string[]
      earlierAddressMentions?: string[]
      newAddressMentions?: string[]
      auditBefore?: unknown
      auditAfter?: unknown
      punctuation?: { outcome: unknown; stillThere: boolean }
    } = {}

    it('setup: an account that asked for a reset link and failed a sign-in is deleted', async () => {
      const user = await createCandidate()
      expect((await forgotPassword(null, form({ email: user.email }))).ok).toBe(true)
      expect(await verifyCredentials(user.email, 'a wrong guess', request.ip)).toBeNull()
      await signInAs(user)
      expectDeleted(await deleteAccountVia(user.email))
      expect(await userById(user.id)).toBeUndefined()
      seen.rateLimitMentions = await mentions(user.email)
    })
    it('fixed: rate-limit counters keep the address of a deleted account', () => {
      expect(seen.rateLimitMentions).toEqual([])
    })

    it('setup: an account that changed its address is deleted', async () => {
      const user = await createCandidate({ name: `Mover ${runId}` })
      await signInAs(user)
      const target = uniqueEmail('newhome')
      expect((await changeEmailAction(null, form({ email: target, currentPassword: PASSWORD }))).ok).toBe(true)
      expect((await confirmEmail(null, form({ token: linkToken((await lastMail(target, 'email_change')).textBody, '/verify-email') }))).ok).toBe(true)
      expectDeleted(await deleteAccountVia(target))
      expect(await userById(user.id)).toBeUndefined()
      seen.newAddressMentions = await mentions(target)
      seen.earlierAddressMentions = await mentions(user.email)
      expect(seen.newAddressMentions).toEqual([])
    })
    it('fixed: the earlier address of a deleted account survives (email_outbox, audit_log)', () => {
      expect(seen.earlierAddressMentions).toEqual([])
    })

    it("setup: a user named like a fragment of another user's audit row is deleted", async () => {
      // Another user's email change is on record.
      const other = await createCandidate()
      await signInAs(other)
      const target = uniqueEmail('example-move')
      expect((await changeEmailAction(null, form({ email: target, currentPassword: PASSWORD }))).ok).toBe(true)
      expect((await confirmEmail(null, form({ token: linkToken((await lastMail(target, 'email_change')).textBody, '/verify-email') }))).ok).toBe(true)
      const [before] = await d().select().from(auditLog).where(and(eq(auditLog.action, 'user.email_changed'), eq(auditLog.entityId, other.id)))
      expect(before).toMatchObject({ before: { email: other.email }, after: { email: target } })
      seen.auditBefore = before

      // "example" occurs in that row (both addresses are @example.com).
      const user = await createCandidate({ name: 'example' })
      await signInAs(user)
      expectDeleted(await deleteAccountVia(user.email))
      expect(await userById(user.id)).toBeUndefined()
      const [after] = await d().select().from(auditLog).where(eq(auditLog.id, before!.id))
      seen.auditAfter = after
    })
    it("fixed: deleting an account rewrites other users' audit rows", () => {
      expect(seen.auditAfter).toEqual(seen.auditBefore)
    })

    it('setup: a user whose name is a JSON punctuation character asks for deletion', async () => {
      const other = await createCandidate()
      await signInAs(other)
      const target = uniqueEmail('colon')
      expect((await changeEmailAction(null, form({ email: target, currentPassword: PASSWORD }))).ok).toBe(true)
      expect((await confirmEmail(null, form({ token: linkToken((await lastMail(target, 'email_change')).textBody, '/verify-email') }))).ok).toBe(true)

      // The sign-up form accepts ":" as a name.
      const email = uniqueEmail('colon-name')
      expect((await signUp(null, form({ name: ':', email, password: PASSWORD }))).ok).toBe(true)
      const user = (await userByEmail(email))!
      await signInAs(user)
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      try {
        seen.punctuation = { outcome: await deleteAccountVia(user.email), stillThere: !!(await userById(user.id)) }
      } finally {
        logged.mockRestore()
      }
    })
    it('fixed: an account named ":" cannot be deleted once any audit row has a before/after value', () => {
      expect(seen.punctuation?.stillThere).toBe(false)
      expectDeleted(seen.punctuation!.outcome as Awaited<ReturnType<typeof deleteAccountVia>>)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('data export', () => {
    it("returns the profile, skills, target and saved roles and alert settings, and only the caller's", async () => {
      const a = await createCandidate({ name: 'Exporter A' })
      const b = await createCandidate({ name: 'Exporter B' })
      const meA = await signedIn(a)
      await updateProfile(meA, { name: 'Exporter A', headline: 'Head A', location: 'Porto', yearsExperience: 3, bio: 'Bio A', skills: ['Python', 'Docker'], targetRoles: ['data-engineer', 'devops-engineer'], isPublic: false })
      await saveRole(meA, 'back-end-developer')
      await updateAlertSettings(meA, { frequency: 'monthly', paused: true })
      const meB = await signedIn(b)
      await updateProfile(meB, { name: 'Exporter B', headline: 'Head B', location: 'Oslo', yearsExperience: 9, bio: 'Bio B', skills: ['Figma', 'Bespoke Skill Of B'], targetRoles: ['product-designer'], isPublic: true })
      await saveRole(meB, 'front-end-developer')

      const data = await exportAccountData(meA)
      const [profileRow] = await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, a.id))
      expect(data.account).toEqual({ name: 'Exporter A', email: a.email, role: 'candidate', emailVerifiedAt: null, createdAt: a.createdAt })
      expect(data.profile).toMatchObject({ headline: 'Head A', location: 'Porto', yearsExperience: 3, bio: 'Bio A', isPublic: false, skills: ['Docker', 'Python'] })
      expect(data.profile!.targetRoles.map((r) => r.slug)).toEqual(['data-engineer', 'devops-engineer'])
      expect(data.savedRoles.map((r) => r.slug)).toEqual(['back-end-developer'])
      expect(data.alerts).toEqual({ frequency: 'monthly', pausedAt: profileRow!.alertsPausedAt })
      expect(data.alerts!.pausedAt).not.toBeNull()

      const text = JSON.stringify(data)
      for (const foreign of [b.email, 'Exporter B', 'Head B', 'Oslo', 'Bio B', 'Figma', 'Bespoke Skill Of B', 'product-designer', 'front-end-developer', b.id]) {
        expect(text).not.toContain(foreign)
      }
      const dataB = await exportAccountData(meB)
      expect(dataB.profile!.skills).toEqual(['Bespoke Skill Of B', 'Figma'])
      expect(JSON.stringify(dataB)).not.toContain(a.email)

      // The skills listed are the user's rows, counted by hand.
      const own = await d().select({ name: skills.name }).from(userSkills).innerJoin(skills, eq(skills.id, userSkills.skillId)).where(eq(userSkills.userId, a.id))
      expect(data.profile!.skills).toEqual(own.map((s) => s.name).sort())
    })

    it("includes the caller's trainer applications (with skills, roles and timeline) and newsletter subscription; deletion removes them with the CV", async () => {
      const a = await createCandidate({ name: 'Applicant A' })
      const b = await createCandidate({ name: 'Applicant B' })
      const [skill] = await d().select({ id: skills.id, name: skills.name }).from(skills).limit(1)
      const [cv] = await d()
        .insert(media)
        .values({ bytes: new TextEncoder().encode('%PDF-1.7 test'), mimeType: 'application/pdf', byteSize: 13, sha256: 'a'.repeat(64) })
        .returning({ id: media.id })
      const apps = await d()
        .insert(trainerApplications)
        .values(
          [a, b].map((u, i) => ({
            userId: u.id,
            fullName: `Applicant ${'AB'[i]}`,
            email: u.email,
            country: 'PT',
            languages: ['English'],
            offers: ['coaching'],
            yearsExperience: 7,
            headline: `Headline ${'AB'[i]}`,
            bio: 'Bio',
            motivation: 'Motivation',
            availability: 'Weekends',
            cvMediaId: i === 0 ? cv!.id : null,
            cvFileName: i === 0 ? 'cv.pdf' : null,
          })),
        )
        .returning({ id: trainerApplications.id })
      await d().insert(applicationSkills).values({ applicationId: apps[0]!.id, skillId: skill!.id })
      await d().insert(applicationEvents).values({ applicationId: apps[0]!.id, toStatus: 'submitted' })
      await d().insert(newsletterSubscribers).values([{ email: a.email, status: 'confirmed' }, { email: b.email, status: 'pending' }])

      const meA = await signedIn(a)
      const data = await exportAccountData(meA)
      expect(data.trainerApplications).toHaveLength(1)
      expect(data.trainerApplications[0]).toMatchObject({ headline: 'Headline A', status: 'submitted', skills: [skill!.name], cv_file_name: 'cv.pdf' })
      expect(data.trainerApplications[0]!.timeline).toMatchObject([{ status: 'submitted' }])
      expect(data.newsletter).toMatchObject({ status: 'confirmed' })
      expect(JSON.stringify(data)).not.toContain('Headline B')

      await signInAs(a)
      expectDeleted(await deleteAccountVia(a.email))
      expect(await d().select().from(trainerApplications).where(eq(trainerApplications.userId, a.id))).toEqual([])
      expect(await d().select().from(media).where(eq(media.id, cv!.id))).toEqual([])
      expect(await d().select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, a.email))).toEqual([])
      // Another person's application and subscription stay.
      expect(await d().select().from(trainerApplications).where(eq(trainerApplications.userId, b.id))).toHaveLength(1)
      expect(await d().select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, b.email))).toHaveLength(1)
    })
  })
})
