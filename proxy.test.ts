import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { personalPathPrefixes, publicPathSource } from '@/lib/security/csp'
import { config, handleRequest, maxBodyBytes, proxy } from './proxy'

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(new URL(path, 'http://localhost:3000'), init)
const local = { siteUrl: 'http://localhost:3000', dev: false }
const secure = { siteUrl: 'https://skillsu.example', dev: false }

/** The request headers the proxy hands on to Next (NextResponse.next encodes them as x-middleware-request-*). */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`)
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]

describe('proxy', () => {
  it('keeps a safe X-Request-Id, replaces an unsafe one, and sends it on (to the request and the response)', () => {
    const kept = proxy(req('/trainers', { headers: { 'x-request-id': 'edge-0123456789abcdef' } }))
    expect(kept.headers.get('x-request-id')).toBe('edge-0123456789abcdef')
    for (const sent of [undefined, 'short', 'has spaces and "quotes" in it', 'x'.repeat(200)]) {
      const response = proxy(req('/dashboard', { headers: { cookie: 'next-auth.session-token=abc', ...(sent ? { 'x-request-id': sent } : {}) } }))
      const id = response.headers.get('x-request-id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(forwarded(response, 'x-request-id')).toBe(id)
    }
    expect(proxy(req('/trainers/apply', { method: 'POST', headers: { 'content-length': String(20 * 1024 * 1024) } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a declared body larger than any endpoint takes with a real 413', async () => {
    const response = proxy(req('/trainers/apply', { method: 'POST', headers: { 'content-length': String(20 * 1024 * 1024) } }))
    expect(response.status).toBe(413)
    expect(await response.text()).toMatch(/Payload Too Large/)
  })

  it('lets a body within the limit through, on public and personal paths', () => {
    expect(proxy(req('/partnerships', { method: 'POST', headers: { 'content-length': String(maxBodyBytes) } })).status).toBe(200)
    expect(proxy(req('/', { method: 'POST', headers: { 'content-length': '120' } })).headers.get('x-middleware-next')).toBe('1')
  })

  it('sends visitors without a session cookie from personal pages to sign-in, keeping where they were going', () => {
    const response = proxy(req('/dashboard/applications?x=1'))
    expect(response.status).toBe(307)
    const location = new URL(response.headers.get('location')!)
    expect(location.pathname).toBe('/login')
    expect(location.searchParams.get('callbackUrl')).toBe('/dashboard/applications?x=1')
    expect(proxy(req('/admin')).status).toBe(307)
  })

  it('only redirects early: a session cookie passes (the data layer checks it), public pages always pass', () => {
    expect(proxy(req('/admin', { headers: { cookie: 'next-auth.session-token=abc' } })).headers.get('x-middleware-next')).toBe('1')
    expect(proxy(req('/trainers')).headers.get('x-middleware-next')).toBe('1')
    expect(proxy(req('/administrator')).headers.get('x-middleware-next')).toBe('1')
  })

  it('runs on pages and actions but not on static files', () => {
    const matcher = new RegExp(`^${config.matcher[0]!.replace('/((?!', '/(?!').replace(').*)', ').*')}$`)
    expect(matcher.test('/trainers/apply')).toBe(true)
    expect(matcher.test('/_next/static/chunks/app.js')).toBe(false)
  })
})

describe('proxy: Content-Security-Policy of personal pages', () => {
  const signedIn = { cookie: 'next-auth.session-token=abc' }

  it('gives every personal page a strict policy with a nonce and strict-dynamic, and hands both to Next', () => {
    for (const path of ['/login', '/signup', '/forgot-password', '/reset-password?token=x', '/verify-email', '/dashboard', '/dashboard/profile', '/admin', '/admin/roles/1']) {
      const response = handleRequest(req(path, { headers: signedIn }), local)
      const policy = response.headers.get('content-security-policy')
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/)
      expect(/script-src [^;]*/.exec(policy!)![0], path).not.toContain('unsafe')
      expect(policy).not.toContain('unsafe-eval')
      for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(directive)
      // Next reads the nonce from the request's CSP header; x-nonce is there for the app's own code.
      expect(forwarded(response, 'content-security-policy'), path).toBe(policy)
      expect(forwarded(response, 'x-nonce'), path).toBe(nonceOf(policy))
    }
  })

  it('makes a fresh nonce for every request', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => nonceOf(handleRequest(req('/login'), local).headers.get('content-security-policy'))))
    expect(nonces.size).toBe(20)
  })

  it('never echoes a nonce or a policy the client sent', () => {
    const response = handleRequest(
      req('/login', { headers: { 'x-nonce': 'attacker', 'content-security-policy': "script-src 'nonce-attacker'" } }),
      local,
    )
    expect(response.headers.get('content-security-policy')).not.toContain('attacker')
    expect(forwarded(response, 'x-nonce')).not.toBe('attacker')
    expect(forwarded(response, 'content-security-policy')).not.toContain('attacker')
  })

  it('leaves public pages to the fixed policy of next.config.ts, and drops a client-sent nonce there too', () => {
    for (const path of ['/', '/roles/back-end-developer', '/trainers/apply', '/partnerships', '/administrator', '/login-help']) {
      expect(handleRequest(req(path), local).headers.get('content-security-policy'), path).toBeNull()
    }
    const response = handleRequest(req('/roles', { headers: { 'x-nonce': 'attacker', 'content-security-policy': "script-src 'nonce-attacker'" } }), local)
    expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull()
    expect(response.headers.get('x-middleware-override-headers')).not.toMatch(/x-nonce|content-security-policy/)
  })

  it('next.config.ts sends the public policy to every path but the personal ones', () => {
    // path-to-regexp turns the source into this regular expression (the custom group is kept as written).
    const source = new RegExp(`^${publicPathSource.slice(1).replace(/^\(/, '/(')}$`)
    for (const path of ['/', '/roles/x', '/administrator', '/login-help', '/api/health']) expect(source.test(path), path).toBe(true)
    for (const prefix of personalPathPrefixes) {
      expect(source.test(`/${prefix}`), prefix).toBe(false)
      expect(source.test(`/${prefix}/x`), prefix).toBe(false)
    }
  })

  it('adds Strict-Transport-Security and upgrade-insecure-requests only when the site is served over HTTPS', () => {
    expect(handleRequest(req('/'), local).headers.get('strict-transport-security')).toBeNull()
    expect(handleRequest(req('/login'), local).headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
    expect(handleRequest(req('/'), secure).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
    expect(handleRequest(req('/login'), secure).headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    expect(handleRequest(req('/admin'), secure).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
  })

  it('allows eval only under next dev', () => {
    expect(handleRequest(req('/login'), { ...local, dev: true }).headers.get('content-security-policy')).toContain("'unsafe-eval'")
  })
})

describe('proxy: server actions from another site', () => {
  const action = (origin: string | undefined, extra: Record<string, string> = {}) =>
    handleRequest(
      req('/partnerships', { method: 'POST', headers: { host: 'localhost:3000', 'next-action': 'abc', ...(origin ? { origin } : {}), ...extra } }),
      secure,
    )

  it('refuses a POST whose Origin is a foreign site with a 403', async () => {
    const response = action('https://evil.example')
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/another site/)
    expect(action('null').status).toBe(403)
    expect(action('https://skillsu.example.evil.example').status).toBe(403)
  })

  it('lets the same host and the site\'s public host through, and requests without Origin (not from a browser)', () => {
    expect(action('http://localhost:3000').headers.get('x-middleware-next')).toBe('1')
    expect(action('https://skillsu.example').headers.get('x-middleware-next')).toBe('1')
    expect(action(undefined).headers.get('x-middleware-next')).toBe('1')
  })

  it('leaves route handlers and GETs alone', () => {
    expect(handleRequest(req('/api/auth/callback/credentials', { method: 'POST', headers: { origin: 'https://evil.example' } }), secure).status).toBe(200)
    expect(handleRequest(req('/partnerships', { headers: { origin: 'https://evil.example' } }), secure).status).toBe(200)
  })
})

describe('proxy: bodies and next-auth inputs that would crash or flood a handler', () => {
  it('refuses a chunked body (no Content-Length) with a 411 before any handler reads it', async () => {
    const response = handleRequest(req('/api/auth/callback/credentials', { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }), local)
    expect(response.status).toBe(411)
    expect(await response.text()).toMatch(/Length Required/)
    expect(handleRequest(req('/signup', { method: 'POST', headers: { 'transfer-encoding': 'chunked', 'content-length': '10' } }), local).status).toBe(200)
  })

  it("drops a callbackUrl next-auth would answer with a 500 (query or cookie) and clears the cookie", () => {
    const query = handleRequest(req('/api/auth/session?callbackUrl=javascript%3Aalert(1)&x=1'), local)
    expect(new URL(query.headers.get('x-middleware-rewrite')!).search).toBe('?x=1')
    const cookie = handleRequest(req('/api/auth/session', { headers: { cookie: 'a=1; next-auth.callback-url=%252F%252Fevil.example; b=2' } }), local)
    expect(forwarded(cookie, 'cookie')).toBe('a=1; b=2')
    expect(cookie.headers.get('set-cookie')).toMatch(/next-auth\.callback-url=;/)
    // http(s) addresses and paths are next-auth's to judge (its redirect callback keeps them on this site).
    for (const ok of ['https://evil.example', '/dashboard', '//evil.example']) {
      const response = handleRequest(req(`/api/auth/signin?callbackUrl=${encodeURIComponent(ok)}`, { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(ok)}` } }), local)
      expect(response.headers.get('x-middleware-rewrite')).toBeNull()
      expect(response.headers.get('set-cookie')).toBeNull()
    }
  })
})
