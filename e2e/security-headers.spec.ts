import { createHash } from 'node:crypto'
import type { Page, Response } from '@playwright/test'
import { expect, test } from './test'
import { admin, signInAsAdmin, takeRecoveryCode } from './auth'

/**
 * Security headers and the two Content-Security-Policy classes (SECURITY.md), enforced in Chromium:
 * every page below renders, hydrates and works with its policy, and the browser reports no violation.
 */

const publicPages = ['/', '/roles/back-end-developer', '/trainers/apply', '/partnerships']
const directives = ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]
const scriptSrc = (policy: string) => /script-src ([^;]*)/.exec(policy)?.[1] ?? ''

/** Collects CSP violations: the DOM event (from an init script, which CSP does not govern) and console reports. */
async function watchViolations(page: Page) {
  const seen: string[] = []
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) seen.push(message.text())
  })
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))]
}

/** React attached to the page: the scripts ran and hydrated the server HTML. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.locator('main').evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactFiber'))), { message: 'React hydrated <main>' })
    .toBe(true)
}

function expectBaseHeaders(response: Response) {
  const headers = response.headers()
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['permissions-policy']).toContain('camera=()')
  expect(headers['permissions-policy']).toContain('interest-cohort=()')
  expect(headers['x-frame-options']).toBe('DENY')
  // The e2e site is plain http://: no HSTS (proxy.test.ts covers https).
  expect(headers['strict-transport-security']).toBeUndefined()
}

function expectPublicPolicy(response: Response) {
  const policy = response.headers()['content-security-policy']!
  expect(policy, response.url()).toBeTruthy()
  expect(scriptSrc(policy)).toBe("'self' 'unsafe-inline'")
  expect(policy).not.toContain('nonce-')
  expect(policy).not.toContain('unsafe-eval')
  for (const d of directives) expect(policy).toContain(d)
}

function expectPersonalPolicy(response: Response) {
  const policy = response.headers()['content-security-policy']!
  expect(policy, response.url()).toBeTruthy()
  expect(scriptSrc(policy)).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/)
  expect(policy).not.toContain('unsafe-eval')
  for (const d of directives) expect(policy).toContain(d)
  return nonceOf(policy)!
}

test.describe('public pages: cached, self + unsafe-inline scripts', () => {
  for (const path of publicPages) {
    test(`${path} has the public policy and works with it`, async ({ page }) => {
      const violations = await watchViolations(page)
      const response = (await page.goto(path))!
      expect(response.status()).toBe(200)
      expectBaseHeaders(response)
      expectPublicPolicy(response)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectHydrated(page)
      expect(await violations()).toEqual([])
    })
  }

  test('a client-side navigation from a public page works, and static files carry nosniff and SRI hashes', async ({ page, request }) => {
    const violations = await watchViolations(page)
    await page.goto('/')
    await expectHydrated(page)
    await page.getByRole('banner').getByRole('link', { name: 'Partnerships' }).first().click()
    await page.waitForURL((url) => url.pathname === '/partnerships')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await violations()).toEqual([])

    // experimental.sri: Next hashes the scripts it bootstraps the page with (its runtime and the
    // framework); the browser refuses any whose bytes differ. Each hash matches the file served.
    const html = await (await request.get('/')).text()
    const hashed = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"[^>]*\sintegrity="(sha256-[^"]+)"|<script[^>]*\sintegrity="(sha256-[^"]+)"[^>]*\ssrc="([^"]+\.js)"/g)].map(
      (m) => ({ src: (m[1] ?? m[4])!, integrity: (m[2] ?? m[3])! }),
    )
    expect(hashed.length).toBeGreaterThanOrEqual(2)
    expect(hashed.some(({ src }) => /turbopack-/.test(src)), 'the Turbopack runtime is hashed').toBe(true)
    for (const { src, integrity } of hashed) {
      const file = await request.get(src)
      expect(file.status()).toBe(200)
      expect(file.headers()['x-content-type-options']).toBe('nosniff')
      expect(`sha256-${createHash('sha256').update(await file.body()).digest('base64')}`, src).toBe(integrity)
    }
  })
})

test.describe('personal pages: per-request nonce and strict-dynamic', () => {
  test('/login has the strict policy, Next stamps the nonce on its scripts, and signing in works', async ({ page }) => {
    const violations = await watchViolations(page)
    const response = (await page.goto('/login?callbackUrl=/dashboard'))!
    expectBaseHeaders(response)
    const nonce = expectPersonalPolicy(response)
    const html = await response.text()
    expect(html).toContain(`nonce="${nonce}"`)
    // Every script element in the page has the nonce (inline data scripts included).
    const scripts = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g)].map(([tag]) => tag)
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)

    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await expectHydrated(page)
    await page.getByRole('main').getByLabel('Email').fill(admin.email)
    await page.getByLabel('Password').fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // The admin has two-factor sign-in (e2e/staff.setup.ts): the form asks for a code.
    await page.getByLabel('Authentication code').fill(takeRecoveryCode())
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard')
    await expect(page.getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible()
    expect(await violations()).toEqual([])
  })

  test('/signup has the strict policy and its form validates in the browser', async ({ page }) => {
    const violations = await watchViolations(page)
    const response = (await page.goto('/signup'))!
    expectBaseHeaders(response)
    expectPersonalPolicy(response)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectHydrated(page)
    expect(await violations()).toEqual([])
  })

  test('signed in as admin: /admin, /admin/roles and /dashboard work under the strict policy', async ({ page }) => {
    const violations = await watchViolations(page)
    await signInAsAdmin(page, '/admin')

    const nonces = new Set<string>()
    for (const path of ['/admin', '/admin/roles', '/dashboard']) {
      const response = (await page.goto(path))!
      expect(response.status(), path).toBe(200)
      expect(new URL(page.url()).pathname, 'still signed in').toBe(path)
      expectBaseHeaders(response)
      nonces.add(expectPersonalPolicy(response))
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible()
      await expectHydrated(page)
    }
    expect(nonces.size).toBe(3)

    // Client-side navigation under strict-dynamic: the admin nav loads the next page's chunks.
    await page.goto('/admin')
    await expectHydrated(page)
    await page.getByRole('link', { name: 'Roles', exact: true }).filter({ visible: true }).first().click()
    await page.waitForURL((url) => url.pathname === '/admin/roles')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await violations()).toEqual([])
  })

  test('two requests get two nonces, and a nonce or policy sent by the client is never echoed', async ({ request }) => {
    const first = await request.get('/login')
    const second = await request.get('/login')
    const a = nonceOf(first.headers()['content-security-policy']!)
    const b = nonceOf(second.headers()['content-security-policy']!)
    expect(a).toBeTruthy()
    expect(b).toBeTruthy()
    expect(a).not.toBe(b)

    const forged = await request.get('/login', { headers: { 'x-nonce': 'attacker0nonce', 'content-security-policy': "script-src 'nonce-attacker0nonce'" } })
    expect(forged.headers()['content-security-policy']).not.toContain('attacker0nonce')
    expect(await forged.text()).not.toContain('attacker0nonce')
    // The same on a public page that renders per request.
    const search = await request.get('/roles?q=developer', { headers: { 'x-nonce': 'attacker0nonce', 'content-security-policy': "script-src 'nonce-attacker0nonce'" } })
    expect(search.status()).toBe(200)
    expect(await search.text()).not.toContain('attacker0nonce')
  })
})

test.describe('server actions', () => {
  test('a server action POST from a foreign Origin is refused with 403; the same origin reaches Next', async ({ request, baseURL }) => {
    const post = (origin: string) =>
      request.post('/partnerships', {
        headers: { origin, 'next-action': '00'.repeat(21), 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
        data: '[]',
        maxRedirects: 0,
      })
    const foreign = await post('https://evil.example')
    expect(foreign.status()).toBe(403)
    expect(await foreign.text()).toMatch(/another site/)
    // Same origin: not refused for its origin (Next answers the unknown action id itself).
    const same = await post(baseURL!)
    expect(same.status()).not.toBe(403)
    expect(same.status()).toBeLessThan(500)
  })
})
