import 'server-only'
import { eq } from 'drizzle-orm'
import { cache } from 'react'
import { db } from '@/db'
import { users, type UserRole } from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from './errors'
import { readSessionClaims } from './session-source'

export interface CurrentUser {
  id: string
  email: string
  name: string
  role: UserRole
  emailVerified: boolean
  sessionVersion: number
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
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1)
  if (!row || row.disabledAt || row.sessionVersion !== claims.sessionVersion) return null
  return { id: row.id, email: row.email, name: row.name, role: row.role, emailVerified: !!row.emailVerifiedAt, sessionVersion: row.sessionVersion }
})

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) throw new UnauthenticatedError()
  return user
}

export async function requireRole(...allowed: UserRole[]): Promise<CurrentUser> {
  const user = await requireUser()
  if (!allowed.includes(user.role)) throw new ForbiddenError()
  return user
}
