import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { config, maxBodyBytes, proxy } from './proxy'

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(new URL(path, 'http://localhost:3000'), init)

describe('proxy', () => {
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
