import { expectNoAxeViolations } from './helpers'
import { admin, adminStateFile, saveAdminSecondFactor, submitSignIn, totpCode } from './auth'
import { expect, test } from './test'

/**
 * Staff must sign in with a second factor to use /admin. The seeded admin signs in with the
 * password, is sent to set up an authenticator, scans (here: reads) the key, confirms a code, keeps
 * the recovery codes, and reaches /admin. Later journeys reuse this session (e2e/auth.ts).
 */
test('the admin sets up two-factor sign-in before using /admin', async ({ page }) => {
  await submitSignIn(page, admin.email, admin.password, '/admin')
  await expect(page).toHaveURL(/\/dashboard\/security\?callbackUrl=%2Fadmin$/)
  await expect(page.getByRole('status').filter({ hasText: 'Staff accounts need two-factor sign-in' })).toBeVisible()
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await expectNoAxeViolations(page)

  // A wrong code is refused next to the field.
  const code = page.getByLabel('Code from your app')
  await code.fill(totpCode(secret) === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
  await expect(page.getByText('That code is not right')).toBeVisible()
  await expect(code).toHaveAttribute('aria-invalid', 'true')

  await code.fill(totpCode(secret))
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
  await expect(page.getByText('Two-factor sign-in is on.')).toBeVisible()
  const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents()
  expect(codes).toHaveLength(10)
  await expectNoAxeViolations(page)
  saveAdminSecondFactor(secret, codes)

  await page.getByRole('link', { name: 'I saved my codes: continue' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.context().storageState({ path: adminStateFile })
})
