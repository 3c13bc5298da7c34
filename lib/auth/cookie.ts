import 'server-only'
import { encode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { env } from '@/lib/env'
import { sessionMaxAgeSeconds } from './options'

const secure = env.SITE_URL.startsWith('https://')
/** next-auth's own cookie name for this deployment. */
export const sessionCookieName = secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token'

/**
 * Re-issues the caller's session cookie with a new session version, after a change (a new
 * password) that ended every other session; it keeps whether this session passed a second factor. The version comes from the database, never from the client.
 */
export async function reissueSession(userId: string, sessionVersion: number, mfa: boolean) {
  const value = await encode({ token: { sub: userId, sv: sessionVersion, mfa }, secret: env.NEXTAUTH_SECRET!, maxAge: sessionMaxAgeSeconds })
  ;(await cookies()).set(sessionCookieName, value, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: sessionMaxAgeSeconds })
}

export async function clearSession() {
  ;(await cookies()).delete(sessionCookieName)
}
