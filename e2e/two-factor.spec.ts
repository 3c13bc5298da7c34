import postgres from 'postgres'
import { expectNoAxeViolations } from './helpers'
import { admin, signInAsAdmin, submitSignIn, takeRecoveryCode, totpCode } from './auth'
import { createUserWithCookie } from './session'
import { expect, test } from './test'

const codeField = (page: import('./test').Page) => page.getByLabel('Authentication code')

test.describe('two-factor sign-in for staff', () => {
  test('the password alone is not enough: a wrong code is refused by the field, a recovery code works once', async ({ page, browser }) => {
    await submitSignIn(page, admin.email, admin.password, '/admin')
    await expect(page.getByText('Enter the code from your authenticator app to finish signing in.')).toBeVisible()
    await expect(codeField(page)).toBeFocused()
    await expect(page).toHaveURL(/\/login/)
    await expectNoAxeViolations(page)

    await codeField(page).fill('12345')
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('That code is not right, or it was already used.')).toBeVisible()

    const recovery = takeRecoveryCode()
    await codeField(page).fill(recovery)
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await expect(page).toHaveURL(/\/admin$/)
    await page.goto('/dashboard/security')
    await expect(page.getByText(/^On\. .*Recovery codes left: [0-9] of 10\./)).toBeVisible()
    await expectNoAxeViolations(page)

    // The same recovery code again, elsewhere: refused.
    const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '10.250.1.1' } })
    const second = await other.newPage()
    await submitSignIn(second, admin.email, admin.password, '/admin')
    await codeField(second).fill(recovery)
    await second.getByRole('button', { name: 'Verify and sign in' }).click()
    await expect(second.getByText('That code is not right, or it was already used.')).toBeVisible()
    // A code from the app (one step ahead: the server allows one step of clock drift) signs in.
    await codeField(second).fill(totpCode(undefined, 1))
    await second.getByRole('button', { name: 'Verify and sign in' }).click()
    await expect(second).toHaveURL(/\/admin$/)
    await other.close()
  })

  test('an admin resets a staff member who lost their device: their session ends at once', async ({ page, browser }) => {
    test.skip(!process.env.DATABASE_URL, 'needs PostgreSQL (DATABASE_URL) to create the editor')
    const editor = await createUserWithCookie('editor')
    const theirs = await browser.newContext()
    const [name, ...value] = editor.cookie.split('=')
    await theirs.addCookies([{ name: name!, value: value.join('='), url: test.info().project.use.baseURL! }])
    const editorPage = await theirs.newPage()
    await editorPage.goto('/admin')
    await expect(editorPage.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(editorPage).toHaveURL(/\/admin$/)

    await signInAsAdmin(page, `/admin/users?q=${encodeURIComponent(editor.email)}`)
    const row = page.getByRole('row').filter({ hasText: editor.email })
    await expect(row.getByText('Two-factor on')).toBeVisible()
    await row.getByRole('button', { name: /^Reset two-factor sign-in of / }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('They are signed out')
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: 'Reset two-factor' }).click()
    await expect(page.getByRole('status').getByText('Two-factor sign-in was reset')).toBeVisible()
    await expect(row.getByText('Two-factor off')).toBeVisible()

    // Their open session is refused on its next request.
    await editorPage.goto('/admin')
    await expect(editorPage).toHaveURL(/\/login\?callbackUrl=%2Fadmin/)
    await theirs.close()

    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    const audit = await sql`select action from audit_log where entity_id = ${editor.id} order by id desc limit 1`
    const mail = await sql`select subject from email_outbox where to_address = ${editor.email} and kind = 'totp-reset'`
    await sql.end()
    expect(audit[0]?.action).toBe('user.totp_reset')
    expect(mail).toHaveLength(1)
  })
})
