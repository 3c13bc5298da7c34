import 'server-only'
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { db } from '@/db'
import { recoveryCodes, users } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { metrics } from '@/lib/observability/metrics'
import { check, consume, reset, type Limit } from '@/lib/rate-limit'
import { hashPassword, verifyPassword } from './password'
import { decryptSecret, hashRecoveryCode, normaliseRecoveryCode, verifyCode } from './totp'

/**
 * Failed sign-ins are counted three ways. Per account and address: a guesser is stopped after 10
 * tries, and the owner, signing in from elsewhere, is not. Per account overall: a distributed
 * guess is stopped too, but only for 15 minutes, so a stranger cannot lock the owner out for long.
 * Per address: one machine trying many accounts.
 */
export const signInLimits = {
  accountAndIp: { name: 'signin-acct-ip', points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  account: { name: 'signin-acct', points: 50, durationSeconds: 60 * 60, blockSeconds: 15 * 60 },
  ip: { name: 'signin-ip', points: 100, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} satisfies Record<string, Limit>

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate_limited:${retryAfterSeconds}`)
    this.name = 'TooManyAttemptsError'
  }
}

/** The password was right; the account has two-factor sign-in and no (or a wrong) code came with it. */
export class SecondFactorError extends Error {
  constructor(readonly reason: 'required' | 'invalid') {
    super(`second_factor_${reason}`)
    this.name = 'SecondFactorError'
  }
}

// Verifying against a real hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined

export async function verifyCredentials(
  email: string,
  password: string,
  ip: string,
  code?: string,
): Promise<{ id: string; sessionVersion: number; mfa: boolean } | null> {
  const keys = { accountAndIp: `${email}|${ip}`, account: email, ip }
  for (const name of ['accountAndIp', 'account', 'ip'] as const) {
    const state = await check(signInLimits[name], keys[name])
    if (!state.ok) throw new TooManyAttemptsError(state.retryAfterSeconds)
  }
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1)
  dummyHash ??= hashPassword('not-a-real-password-for-timing')
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password)
  const fail = () => (metrics().signInFailures.inc(), Promise.all((['accountAndIp', 'account', 'ip'] as const).map((name) => consume(signInLimits[name], keys[name]))))
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    await fail()
    return null
  }
  let mfa = false
  if (user.totpEnabledAt && user.totpSecret) {
    if (!code?.trim()) throw new SecondFactorError('required')
    // A wrong code counts like a wrong password, so codes cannot be guessed faster than passwords.
    if (!(await acceptSecondFactor(user.id, user.totpSecret, user.totpLastStep, code.trim(), ip))) {
      await fail()
      throw new SecondFactorError('invalid')
    }
    mfa = true
  }
  await reset(signInLimits.accountAndIp, keys.accountAndIp)
  return { id: user.id, sessionVersion: user.sessionVersion, mfa }
}

/**
 * A TOTP code (each time step accepted once: the update only wins if the step is newer than the
 * last one used) or an unused recovery code (marked used in the same statement, and audited).
 */
async function acceptSecondFactor(userId: string, storedSecret: string, lastStep: number | null, code: string, ip: string): Promise<boolean> {
  if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
    const step = verifyCode(decryptSecret(storedSecret), code.replace(/\s/g, ''), lastStep)
    if (step === null) return false
    const won = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id })
    return won.length === 1
  }
  if (!normaliseRecoveryCode(code)) return false
  return db.transaction(async (tx) => {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id })
    if (used.length !== 1) return false
    await writeAudit(tx, { actorId: userId, action: 'auth.recovery_code_used', entityType: 'user', entityId: userId, ip })
    return true
  })
}
