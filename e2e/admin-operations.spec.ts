import { createUserWithCookie } from './session'
import { canReadOutbox } from './outbox'
import { expect, test } from './test'

test.skip(!canReadOutbox, 'users and session cookies are made in PostgreSQL (DATABASE_URL)')

test('an admin sees the operations page; an editor does not get it', async ({ page, context, baseURL }) => {
  const admin = await createUserWithCookie('admin')
  const [name, value] = admin.cookie.split(/=(.*)/s) as [string, string]
  await context.addCookies([{ name, value, url: baseURL! }])
  await page.goto('/admin/operations')
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Operations' })).toBeVisible()
  await expect(page.getByText('Migrations applied')).toBeVisible()
  await expect(page.getByText(/PostgreSQL, [\d.]+ (MB|GB)/)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Recent server errors' })).toBeVisible()

  const editor = await createUserWithCookie('editor')
  const response = await page.request.get('/admin/operations', { headers: { cookie: editor.cookie } })
  expect(response.status()).toBe(403)
})
