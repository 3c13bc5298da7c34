import { describe, expect, it } from 'vitest'
import { createNonce, isPersonalPath, personalContentSecurityPolicy, publicContentSecurityPolicy } from './csp'

describe('Content-Security-Policy classes', () => {
  it('public pages: self and inline scripts, everything else locked down, no eval', () => {
    expect(publicContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    )
    expect(publicContentSecurityPolicy({ https: true })).toMatch(/; upgrade-insecure-requests$/)
    expect(publicContentSecurityPolicy({ dev: true })).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval';")
  })

  it('personal pages: only the nonce and what it loads', () => {
    const policy = personalContentSecurityPolicy('abc123')
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy.replace(/style-src [^;]*;/, '')).not.toContain('unsafe-inline')
  })

  it('makes unguessable, distinct nonces', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce))
    expect(nonces.size).toBe(100)
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })

  it('knows which paths are personal, by whole path segment', () => {
    for (const p of ['/login', '/signup', '/forgot-password', '/reset-password', '/verify-email', '/dashboard', '/dashboard/x', '/admin', '/admin/roles/1']) expect(isPersonalPath(p), p).toBe(true)
    for (const p of ['/', '/roles', '/administrator', '/login-help', '/api/auth/session', '/trainers/apply']) expect(isPersonalPath(p), p).toBe(false)
  })
})
