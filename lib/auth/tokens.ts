import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { authTokens, type AuthTokenKind } from '@/db/schema'

export const tokenLifetimes: Record<AuthTokenKind, number> = {
  email_verification: 7 * 24 * 60 * 60,
  password_reset: 60 * 60,
  email_change: 24 * 60 * 60,
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new single-use token; the caller mails the returned value, only its hash is stored. */
export async function issueToken(tx: Executor, userId: string, kind: AuthTokenKind, email: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await tx.insert(authTokens).values({
    userId,
    kind,
    email,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(secs => ${tokenLifetimes[kind]})`,
  })
  return token
}

/** Marks a valid token used and returns it, or null when it is unknown, used, expired or of another kind. */
export async function consumeToken(tx: Executor, token: string, kind: AuthTokenKind) {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, sql`now()`)))
    .returning({ userId: authTokens.userId, email: authTokens.email })
  return row ?? null
}
