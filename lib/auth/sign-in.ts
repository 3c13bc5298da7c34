import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db'
import { users } from '@/db/schema'
import { check, consume, reset, type Limit } from '@/lib/rate-limit'
import { hashPassword, verifyPassword } from './password'

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

// Verifying against a real hash when the account does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined

export async function verifyCredentials(email: string, password: string, ip: string): Promise<{ id: string; sessionVersion: number } | null> {
  const keys = { accountAndIp: `${email}|${ip}`, account: email, ip }
  for (const name of ['accountAndIp', 'account', 'ip'] as const) {
    const state = await check(signInLimits[name], keys[name])
    if (!state.ok) throw new TooManyAttemptsError(state.retryAfterSeconds)
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .limit(1)
  dummyHash ??= hashPassword('not-a-real-password-for-timing')
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password)
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    await Promise.all((['accountAndIp', 'account', 'ip'] as const).map((name) => consume(signInLimits[name], keys[name])))
    return null
  }
  await reset(signInLimits.accountAndIp, keys.accountAndIp)
  return { id: user.id, sessionVersion: user.sessionVersion }
}
