import 'server-only'
import { eq } from 'drizzle-orm'
import { cache } from 'react'
import { db } from '@/db'
import { users, type UserRole } from '@/db/schema'
import { setRequestUser } from '@/lib/observability/request-context'
import { ForbiddenError, SecondFactorRequiredError, UnauthenticatedError } from './errors'
import { readSessionClaims } from './session-source'
import { staffRoles } from './staff-roles'

export interface CurrentUser {
  id: string
  email: string
  name: string
  role: UserRole
  emailVerified: boolean
  sessionVersion: number
  /** Two-factor sign-in is set up for this account. */
  totpEnabled: boolean
  /** This session passed the second factor (and the account still has one). */
  mfa: boolean
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The signed-in user, re-read from the database once per request. A cookie whose user is gone,
 * disabled, or signed out everywhere (a newer session_version) counts as no session at all, and
 * the role always comes from the row, never from the token.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims()
  if (!claims || !uuid.test(claims.userId)) return null
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1)
  if (!row || row.disabledAt || row.sessionVersion !== claims.sessionVersion) return null
  setRequestUser(row.id) // the request's access log line names the user
  const totpEnabled = !!row.totpEnabledAt
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: !!row.emailVerifiedAt,
    sessionVersion: row.sessionVersion,
    totpEnabled,
    mfa: totpEnabled && claims.mfa,
  }
})

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) throw new UnauthenticatedError()
  return user
}

/**
 * The signed-in user if their role is allowed. Work only staff may do (every role allowed is a
 * staff role) also needs a session that passed two-factor sign-in.
 */
export async function requireRole(...allowed: UserRole[]): Promise<CurrentUser> {
  const user = await requireUser()
  if (!allowed.includes(user.role)) throw new ForbiddenError()
  if (!user.mfa && allowed.every((role) => staffRoles.includes(role))) throw new SecondFactorRequiredError()
  return user
}
