import 'server-only'
import { getServerSession } from 'next-auth'
import { authOptions } from './options'

/** What the session cookie claims: a user id and the session version it was issued with. Nothing else is trusted from it. */
export interface SessionClaims {
  userId: string
  sessionVersion: number
  /** The sign-in passed a second factor (TOTP or a recovery code). */
  mfa: boolean
}

export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions)
  const user = session?.user as { id?: unknown; sv?: unknown; mfa?: unknown } | undefined
  if (typeof user?.id !== 'string' || typeof user.sv !== 'number') return null
  return { userId: user.id, sessionVersion: user.sv, mfa: user.mfa === true }
}
