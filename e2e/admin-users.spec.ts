import { expect, test } from './test'
import { expectHeadingsInOrder, expectNoAxeViolations, openUserRow, toast } from './helpers'
import { admin, signIn, signInAsAdmin, totpCode } from './auth'

const password = 'blue-harbour-lantern-42'
// "The only admin cannot demote or disable themselves" is e2e/last-admin.spec.ts: it retires every
// other admin, so it runs alone, after every journey that makes admins of its own.

test.describe('admin: users, audit log and site settings', () => {
  test('promote a new sign-up to editor, disable them, and find both in the audit log', async ({ page, browser }) => {
    // Two browsers, eight page loads and three axe runs.
    test.setTimeout(120_000)
    // A visitor signs up and stays signed in in their own browser.
    const email = `promoted${Date.now()}@example.com`
    const name = `Pat Promoted ${Date.now()}`
    const visitor = await browser.newContext()
    const them = await visitor.newPage()
    await them.goto('/signup')
    await them.getByLabel('Your name').fill(name)
    await them.getByRole('main').getByLabel('Email').fill(email)
    await them.getByLabel('Password').fill(password)
    await them.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(them.getByRole('main').getByRole('status')).toContainText('Check your inbox')
    await signIn(them, email, password, '/dashboard')
    // As a candidate the admin area is closed.
    expect((await them.goto('/admin/users'))?.status()).toBe(403)

    // The admin makes them an editor.
    await signInAsAdmin(page, '/admin/users')
    let row = await openUserRow(page, email)
    await expect(row.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('candidate')
    await row.getByRole('combobox', { name: `Role of ${name}` }).selectOption('editor')
    await row.getByRole('button', { name: `Change role of ${name}` }).click()
    await expect(toast(page, 'The role is now Editor.')).toBeVisible()
    await page.reload({ waitUntil: 'networkidle' })
    row = page.getByRole('row').filter({ hasText: email })
    await expect(row.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('editor')

    // Their open session is sent to set up two-factor sign-in first; then it reaches the admin
    // area, but not the admins-only users page.
    await them.goto('/admin')
    await expect(them).toHaveURL(/\/dashboard\/security\?callbackUrl=%2Fadmin$/)
    await them.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    const secret = (await them.getByTestId('totp-secret').textContent())!.trim()
    await them.getByLabel('Code from your app').fill(totpCode(secret))
    await them.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
    await expect(them.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10)
    await them.getByRole('link', { name: 'I saved my codes: continue' }).click()
    await expect(them).toHaveURL(/\/admin$/)
    await expect(them.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
    await expect(them.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' })).toHaveCount(0)
    const refused = await them.goto('/admin/users')
    expect(refused?.status()).toBe(403)
    await expect(them.getByRole('heading', { level: 1, name: 'This area is for the SkillsU team' })).toBeVisible()
    await expect(them.getByText(email)).toHaveCount(0)

    // The admin disables the account; the open session is refused on its next request.
    row = await openUserRow(page, email)
    await row.getByRole('button', { name: `Disable account of ${name}` }).click()
    const dialog = page.getByRole('dialog', { name: `Disable ${name}?` })
    await expect(dialog).toBeVisible()
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: 'Disable account' }).click()
    await expect(toast(page, 'The account is disabled; its open sessions end on their next request.')).toBeVisible()
    await expect(row.getByText('Disabled', { exact: true })).toBeVisible()
    await them.goto('/dashboard')
    await expect(them).toHaveURL(/\/login\?callbackUrl=/)
    await them.goto('/admin')
    await expect(them).toHaveURL(/\/login\?callbackUrl=%2Fadmin/)
    await visitor.close()

    // The audit log lists both actions, by the admin, with before and after.
    await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}&entityType=user`)
    const entries = page.getByRole('row')
    const disabled = entries.filter({ hasText: 'user.disable' }).first()
    const promoted = entries.filter({ hasText: 'user.change_role' }).first()
    await expect(disabled).toContainText(admin.email)
    await expect(promoted).toContainText(admin.email)
    const userId = (await disabled.getByRole('cell').nth(4).innerText()).trim()
    expect(userId).toMatch(/^[0-9a-f-]{36}$/)
    await expect(promoted.getByRole('cell').nth(4)).toHaveText(userId)
    await promoted.getByText('Before and after').click()
    await expect(promoted.locator('pre').first()).toContainText('"role": "candidate"')
    await expect(promoted.locator('pre').last()).toContainText('"role": "editor"')
    // Newest first: the disable comes before the promotion.
    const actions = await entries.locator('code').allInnerTexts()
    expect(actions.indexOf('user.disable')).toBeLessThan(actions.indexOf('user.change_role'))
    await expectNoAxeViolations(page)
  })

  test('site settings save, refuse a stale save, and answer bad input by the field', async ({ page, browser }) => {
    test.setTimeout(90_000)
    await signInAsAdmin(page, '/admin/settings')
    await page.reload({ waitUntil: 'networkidle' })
    await expect(page.getByRole('textbox', { name: 'Heading' })).toHaveValue('Know the role. Close the skill gap. Get hired.')

    // A second admin tab opened on the same version.
    const other = await browser.newContext()
    const tab = await other.newPage()
    await signInAsAdmin(tab, '/admin/settings')
    await tab.reload({ waitUntil: 'networkidle' })

    const heading = `Skills that pay ${Date.now()}`
    await page.getByRole('textbox', { name: 'Heading' }).fill(heading)
    await page.getByRole('button', { name: 'Add a social link' }).click()
    await page.getByRole('textbox', { name: 'Link 1 label' }).fill('LinkedIn')
    await page.getByRole('textbox', { name: 'Link 1 address' }).fill('http://www.linkedin.com/company/skillsu')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByText('Enter a full https:// address, e.g. https://www.linkedin.com/company/skillsu')).toBeVisible()
    await page.getByRole('textbox', { name: 'Link 1 address' }).fill('https://www.linkedin.com/company/skillsu')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'The site settings were saved.' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Heading' })).toHaveValue(heading)
    await expect(page.getByRole('textbox', { name: 'Link 1 address' })).toHaveValue('https://www.linkedin.com/company/skillsu')

    // The other tab still has the old version: its save is refused and its text kept.
    await tab.getByRole('textbox', { name: 'Site name' }).fill('Stale Name')
    await tab.getByRole('button', { name: 'Save settings' }).click()
    await expect(tab.getByRole('main').getByRole('alert').filter({ hasText: 'Someone else saved these settings first.' })).toBeVisible()
    await expect(tab.getByRole('textbox', { name: 'Site name' })).toHaveValue('Stale Name')
    await other.close()
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Site name' })).toHaveValue('SkillsU')

    // Put the default copy back for the specs that run after this one (the database is shared).
    await page.reload({ waitUntil: 'networkidle' })
    await page.getByRole('textbox', { name: 'Heading' }).fill('Know the role. Close the skill gap. Get hired.')
    await page.getByRole('button', { name: 'Remove link 1' }).click()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'The site settings were saved.' })).toBeVisible()

    await page.goto(`/admin/audit?entityType=site_settings`)
    await expect(page.getByRole('row').filter({ hasText: 'site_settings.save' })).toHaveCount(2)
  })

  test('the admin pages are accessible with headings in order', async ({ page }) => {
    test.setTimeout(90_000)
    await signInAsAdmin(page, '/admin/users')
    for (const path of ['/admin/users', '/admin/audit', '/admin/settings']) {
      await page.goto(path, { waitUntil: 'networkidle' })
      await expectHeadingsInOrder(page)
      await expectNoAxeViolations(page)
    }
    await page.setViewportSize({ width: 360, height: 800 })
    for (const path of ['/admin/users', '/admin/audit', '/admin/settings']) {
      await page.goto(path, { waitUntil: 'networkidle' })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0)
      await expectNoAxeViolations(page)
    }
  })
})
