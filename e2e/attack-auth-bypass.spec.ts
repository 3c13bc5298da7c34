import { createUserWithCookie, sessionCookieName } from './session'
import { expect, test, type APIResponse } from './test'
import { needsDatabase, protectedMarkers, withSql } from './attack-helpers'

/**
 * Security item 6 (issue 8): requests crafted to slip past the proxy's sign-in redirect
 * (CVE-2025-29927's x-middleware-subrequest, RSC and prefetch requests, data requests) and sessions
 * whose user changed after the cookie was issued. None may see protected content.
 */

const protectedPaths = ['/admin', '/admin/users', '/admin/audit', '/admin/outbox', '/admin/settings', '/dashboard', '/dashboard/profile', '/dashboard/settings']

const subrequest = (value: string) => Array(5).fill(value).join(':')
const bypassHeaders: Record<string, Record<string, string>> = {
  'x-middleware-subrequest: middleware': { 'x-middleware-subrequest': 'middleware' },
  'x-middleware-subrequest: proxy': { 'x-middleware-subrequest': 'proxy' },
  'x-middleware-subrequest: middleware x5': { 'x-middleware-subrequest': subrequest('middleware') },
  'x-middleware-subrequest: src/middleware x5': { 'x-middleware-subrequest': subrequest('src/middleware') },
  'x-middleware-subrequest: proxy x5': { 'x-middleware-subrequest': subrequest('proxy') },
  'RSC + prefetch': { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-State-Tree': encodeURIComponent(JSON.stringify(['', { children: ['admin', {}] }, null, null, true])) },
  'Purpose: prefetch': { Purpose: 'prefetch', 'Sec-Purpose': 'prefetch' },
  'x-nextjs-data': { 'x-nextjs-data': '1' },
  'everything at once': {
    'x-middleware-subrequest': subrequest('middleware'),
    RSC: '1',
    'Next-Router-Prefetch': '1',
    Purpose: 'prefetch',
    'x-nextjs-data': '1',
    'x-middleware-prefetch': '1',
  },
}

const refusedStatuses = [301, 302, 303, 307, 308, 401, 403, 404]

async function expectNoProtectedContent(response: APIResponse, label: string) {
  const body = await response.text()
  expect(refusedStatuses, `${label}: status ${response.status()}`).toContain(response.status())
  for (const marker of protectedMarkers) expect(body, `${label}: the body shows "${marker}"`).not.toContain(marker)
  if ([301, 302, 303, 307, 308].includes(response.status())) {
    // A data request's redirect is in x-nextjs-redirect (the client follows it), a page's in Location.
    const location = response.headers()['location'] ?? response.headers()['x-nextjs-redirect'] ?? ''
    expect(location, `${label}: redirects to sign in`).toMatch(/\/login\b/)
  }
}

test.describe('attack: reaching signed-in pages without a session', () => {
  test('bypass headers, RSC and data requests never return admin or dashboard content', async ({ request }) => {
    for (const path of protectedPaths) {
      for (const [name, headers] of Object.entries(bypassHeaders)) {
        await expectNoProtectedContent(await request.get(path, { headers, maxRedirects: 0 }), `${path} with ${name}`)
      }
      await expectNoProtectedContent(await request.get(`${path}?_rsc=abc12`, { headers: { RSC: '1' }, maxRedirects: 0 }), `${path}?_rsc`)
      // A .rsc suffix is not a route of its own: it must not reach the page past the proxy.
      const rsc = await request.get(`${path}.rsc`, { headers: { RSC: '1', 'x-middleware-subrequest': subrequest('middleware') }, maxRedirects: 0 })
      await expectNoProtectedContent(rsc, `${path}.rsc`)
      const data = await request.get(`/_next/data/build${path}.json`, { headers: { 'x-nextjs-data': '1' }, maxRedirects: 0 })
      await expectNoProtectedContent(data, `/_next/data${path}.json`)
    }
  })

  test('a forged or malformed session cookie is no session', async ({ request }) => {
    for (const value of ['x', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', 'a'.repeat(4000), '%00%ff']) {
      const response = await request.get('/admin', { headers: { Cookie: `${sessionCookieName}=${value}` }, maxRedirects: 0 })
      await expectNoProtectedContent(response, `/admin with cookie ${value.slice(0, 20)}`)
      expect(response.status()).toBeLessThan(500)
    }
  })
})

test.describe('attack: a session whose user changed behind it', () => {
  test.beforeEach(() => needsDatabase())

  const changes = {
    'demoted to candidate': (id: string) => withSql((sql) => sql`update users set role = 'candidate' where id = ${id}`),
    disabled: (id: string) => withSql((sql) => sql`update users set disabled_at = now() where id = ${id}`),
    'signed out everywhere': (id: string) => withSql((sql) => sql`update users set session_version = session_version + 1 where id = ${id}`),
  }

  for (const [change, apply] of Object.entries(changes)) {
    test(`an admin ${change} straight in the database loses the admin pages and actions at once`, async ({ page, request }) => {
      const admin = await createUserWithCookie('admin')
      const victim = await createUserWithCookie('candidate')
      const headers = { Cookie: admin.cookie }
      const before = await request.get('/admin', { headers, maxRedirects: 0 })
      expect(before.status()).toBe(200)
      expect(await before.text()).toContain('href="/admin/audit"')

      // The admin has the users page open, with its actions, when the change happens.
      const [name, value] = [admin.cookie.slice(0, admin.cookie.indexOf('=')), admin.cookie.slice(admin.cookie.indexOf('=') + 1)]
      await page.context().addCookies([{ name, value, url: test.info().project.use.baseURL! }])
      await page.goto(`/admin/users?q=${encodeURIComponent(victim.email)}`)
      const roleSelect = page.getByLabel('Role of E2E candidate', { exact: true })
      await expect(roleSelect).toBeVisible()

      await apply(admin.id)

      for (const path of ['/admin', '/admin/users', '/admin/audit']) {
        const after = await request.get(path, { headers, maxRedirects: 0 })
        await expectNoProtectedContent(after, `${path} after the admin was ${change}`)
      }
      // The page's check does not protect its actions: the action itself refuses.
      await roleSelect.selectOption('admin')
      // The action's answer is read on the way (the page refreshes into a 403 or sign-in right after).
      let answer = ''
      await page.route('**/admin/users**', async (route) => {
        if (route.request().method() !== 'POST' || !route.request().headers()['next-action']) return route.fallback()
        const response = await route.fetch()
        answer = await response.text()
        await route.fulfill({ response })
      })
      await page.getByRole('button', { name: 'Change role of E2E candidate' }).click()
      await expect.poll(() => answer).toMatch(/Please sign in to continue|You do not have permission/)
      const [row] = await withSql((sql) => sql<{ role: string }[]>`select role from users where id = ${victim.id}`)
      expect(row!.role).toBe('candidate')
    })
  }
})
