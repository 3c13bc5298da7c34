import postgres from 'postgres'
import { admin, signInAsAdmin } from './auth'
import { openUserRow, toast } from './helpers'
import { expect, test } from './test'

/**
 * The last active admin cannot demote or disable themselves. It needs the seeded admin to be the
 * only active one, so it retires every other admin (the HTTP and attack journeys make their own):
 * it runs in a project of its own, after every other journey (playwright.config.ts), so no journey
 * running beside it loses its admin mid-way.
 */
const lastAdminMessage = 'This is the last active admin account. Make another user an admin first, so that someone can still manage the site.'

test.describe('admin: the last admin', () => {
  test('the only admin cannot demote or disable themselves', async ({ page }) => {
    // HTTP tests (authz matrix, attacks) make admins of their own in PostgreSQL: retire them, so
    // the seeded admin is the only active one.
    if (process.env.DATABASE_URL) {
      const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
      await sql`update users set disabled_at = now() where role = 'admin' and email <> ${admin.email} and disabled_at is null`
      await sql.end()
    }
    await signInAsAdmin(page, '/admin/users')
    const row = await openUserRow(page, admin.email)
    await row.getByRole('combobox').selectOption('editor')
    await row.getByRole('button', { name: /^Change role of / }).click()
    await expect(toast(page, lastAdminMessage)).toBeVisible()
    await expect(row.getByText(lastAdminMessage)).toBeVisible()
    await row.getByRole('button', { name: /^Disable account of / }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click()
    await expect(toast(page, lastAdminMessage)).toHaveCount(2)
    await page.reload()
    await expect(page.getByRole('row').filter({ hasText: admin.email }).getByRole('combobox')).toHaveValue('admin')
    await expect(page.getByRole('row').filter({ hasText: admin.email }).getByText('Active', { exact: true })).toBeVisible()
  })
})
