/**
 * Identity and request helpers for database tests of server actions.
 *
 * Only the session cookie's claims are faked; every check `getCurrentUser()` makes on them (user
 * exists, not disabled, same session version) runs for real. A test file that uses `signInAs`
 * must mock the claims source itself (vi.mock is per file and hoisted):
 *
 *   vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
 *
 * and, when it runs actions that read `cookies()`/`headers()`:
 *
 *   vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
 */
import { eq } from 'drizzle-orm'
import { vi } from 'vitest'
import { db } from '@/db'
import { users } from '@/db/schema'
import { readSessionClaims } from '@/lib/auth/session-source'

function claimsSource() {
  if (!vi.isMockFunction(readSessionClaims)) {
    throw new Error("signInAs needs vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() })) in the test file")
  }
  return vi.mocked(readSessionClaims)
}

/**
 * The cookie now claims this user (with their current session version, unless another is given).
 * Staff sign in with a second factor, as they must in production: an editor or admin without
 * one is given one (an enrolment timestamp) first. `{ mfa: false }` signs in with the password
 * only, to test what such a session is refused.
 */
export async function signInAs(user: { id: string } | string, sessionVersion?: number, options: { mfa?: boolean } = {}) {
  const userId = typeof user === 'string' ? user : user.id
  const [row] = await db
    .select({ sessionVersion: users.sessionVersion, role: users.role, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
  if (!row && sessionVersion === undefined) throw new Error(`signInAs: no user ${userId}`)
  const version = sessionVersion ?? row!.sessionVersion
  const mfa = options.mfa ?? true
  if (mfa && row && (row.role === 'editor' || row.role === 'admin') && !row.totpEnabledAt) {
    await db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, userId))
  }
  claimsSource().mockResolvedValue({ userId, sessionVersion: version, mfa })
  return { userId, sessionVersion: version, mfa }
}

/** No session cookie at all. */
export function signOut() {
  claimsSource().mockResolvedValue(null)
}

/** An in-memory cookie jar standing in for `cookies()` from next/headers. */
export interface CookieJar {
  values: Map<string, { value: string; options?: Record<string, unknown> }>
  set: (name: string, value: string, options?: Record<string, unknown>) => void
  delete: (name: string) => void
  get: (name: string) => { name: string; value: string } | undefined
  /** Every call made, in order, for assertions. */
  log: ({ op: 'set'; name: string; value: string; options?: Record<string, unknown> } | { op: 'delete'; name: string })[]
  reset: () => void
}

export const cookieJar: CookieJar = {
  values: new Map(),
  log: [],
  set(name, value, options) {
    this.values.set(name, { value, options })
    this.log.push({ op: 'set', name, value, options })
  },
  delete(name) {
    this.values.delete(name)
    this.log.push({ op: 'delete', name })
  },
  get(name) {
    const entry = this.values.get(name)
    return entry ? { name, value: entry.value } : undefined
  },
  reset() {
    this.values.clear()
    this.log.length = 0
  },
}

/** The address the fake request comes from (the header the server sets); change it per test. */
export const request = { ip: '203.0.113.7' }

let ipCounter = 0
/** A documentation-range address no other test used, so rate-limit counters start empty. */
export function freshIp() {
  ipCounter++
  request.ip = `198.51.${100 + Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`
  return request.ip
}

/** The `next/headers` module for tests: a request with a client address and the cookie jar above. */
export const nextHeadersMock = {
  cookies: async () => ({
    set: (name: string, value: string, options?: Record<string, unknown>) => cookieJar.set(name, value, options),
    delete: (name: string) => cookieJar.delete(name),
    get: (name: string) => cookieJar.get(name),
  }),
  headers: async () => new Headers({ 'x-skillsu-client-ip': request.ip }),
}
