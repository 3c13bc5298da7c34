import { encode } from 'next-auth/jwt'
import postgres from 'postgres'
import { e2eAuthSecret } from '../playwright.config'

/**
 * Real session cookies for HTTP tests: the same signed, encrypted JWT next-auth issues at sign-in,
 * made with the e2e server's secret, for users the test creates in PostgreSQL (DATABASE_URL, as
 * in CI: the embedded database belongs to the server process). The server still checks every
 * claim against the database (user exists, not disabled, same session version, second factor).
 */
export const sessionCookieName = 'next-auth.session-token'

export async function mintSessionCookie(claims: { userId: string; sessionVersion?: number; mfa?: boolean }): Promise<string> {
  const token = { sub: claims.userId, sv: claims.sessionVersion ?? 1, mfa: claims.mfa ?? true }
  const value = await encode({ token, secret: e2eAuthSecret, maxAge: 60 * 60 })
  return `${sessionCookieName}=${value}`
}

export type TestRole = 'candidate' | 'trainer' | 'editor' | 'admin'

/**
 * A user of the given role, created straight in the database (staff with a second factor set
 * up, as /admin requires), and a cookie for them.
 */
export async function createUserWithCookie(role: TestRole, options: { mfa?: boolean } = {}) {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@e2e.example`
    const staff = role === 'editor' || role === 'admin'
    const [row] = await sql<{ id: string }[]>`
      insert into users (email, name, role, email_verified_at, totp_enabled_at)
      values (${email}, ${`E2E ${role}`}, ${role}, now(), ${staff ? sql`now()` : null})
      returning id`
    const cookie = await mintSessionCookie({ userId: row!.id, mfa: options.mfa ?? staff })
    return { id: row!.id, email, cookie }
  } finally {
    await sql.end()
  }
}
