import { expect, test, type Page } from './test'
import { expectNoAxeViolations } from './helpers'
import { admin, signInAsAdmin } from './auth'

const heldWarning = (page: Page) => page.getByRole('alert').filter({ hasText: 'No SMTP server is configured' })

// The e2e server runs in production mode without SMTP_URL: mail is held, and secrets never show.
test('an admin sees held mail and a password reset with its link hidden', async ({ page }) => {
  await page.goto('/forgot-password')
  await page.getByRole('main').getByLabel('Email').fill(admin.email)
  await page.getByRole('button', { name: 'Send me a reset link' }).click()
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'we sent it a link to choose a new password' })).toBeVisible()

  await signInAsAdmin(page, '/dashboard')
  await page.goto('/admin/outbox')
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  // The sender holds due mail within a poll (5 s).
  await expect(async () => {
    await page.reload()
    await expect(heldWarning(page)).toContainText(/No SMTP server is configured: [1-9]\d* messages? (is|are) held\./, { timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await expectNoAxeViolations(page)

  await page.getByRole('search', { name: 'Search the outbox' }).getByLabel('Recipient').fill(admin.email)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/q=admin%40example\.com/)
  const reset = page.getByRole('link', { name: 'Reset your SkillsU password' }).first()
  await expect(reset).toBeVisible()
  await reset.click()

  await expect(page.getByRole('heading', { level: 1, name: 'Reset your SkillsU password' })).toBeVisible()
  await expect(page.getByText('This message holds a key to an account, so its body is never shown here.')).toBeVisible()
  await expect(page.getByRole('main')).toContainText(admin.email)
  // The sender holds it on its next poll (5 s; longer on a busy machine).
  await expect(async () => {
    await page.reload()
    await expect(page.getByRole('main')).toContainText('Held', { timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await expect(heldWarning(page)).toBeVisible()
  const html = await page.content()
  expect(html).not.toContain('token=')
  expect(html).not.toContain('/reset-password?')
  await expect(page.locator('iframe')).toHaveCount(0)
  await expectNoAxeViolations(page)

  // On a phone the page fits the screen.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/admin/outbox')
  await expect(heldWarning(page)).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
})
