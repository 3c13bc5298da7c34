import { expect, test, type Page } from './test'
import { expectNoAxeViolations } from './helpers'
import { canReadOutbox, latestLink } from './outbox'

let counter = 0
const uniqueEmail = () => `cand${Date.now()}${++counter}@example.com`
const password = 'blue-harbour-lantern-42'

async function signIn(page: Page, email: string, pw = password) {
  await page.goto('/login')
  await page.getByRole('main').getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(pw)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

async function signUp(page: Page, email: string, from = '/signup') {
  await page.goto(from)
  await page.getByLabel('Your name').fill('Casey Candidate')
  await page.getByRole('main').getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create your free profile' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('Check your inbox')
}

test.describe('accounts', () => {
  test('sign-in pages are accessible and answer bad input by the field', async ({ page }) => {
    await page.goto('/signup')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(page.getByText('Enter your name')).toBeVisible()
    await page.getByRole('main').getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(page.getByText('Enter a valid email address')).toBeVisible()
    await expect(page.getByText(/Use at least 8 characters/)).toBeVisible()
    await page.goto('/login')
    await expectNoAxeViolations(page)
  })

  test('a wrong password and an unknown address get the same answer', async ({ page }) => {
    await signIn(page, 'admin@example.com', 'wrong-password-here')
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.')
    await signIn(page, 'nobody-here@example.com', 'wrong-password-here')
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.')
  })

  // callbackUrl attacks (off-site, protocol-relative, backslash, javascript:) are in e2e/attack-redirects.spec.ts.

  test('the dashboard sends anonymous visitors to sign in and back', async ({ page }) => {
    await page.goto('/dashboard/settings')
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fsettings/)
  })

  test('sign up from a role page, verify, fill the profile and see the skill gap change', async ({ page }) => {
    test.skip(!canReadOutbox, 'needs PostgreSQL (DATABASE_URL) to read the outbox')
    const email = uniqueEmail()
    await page.goto('/roles/back-end-developer')
    await page.getByRole('link', { name: 'Create your free profile' }).first().click()
    await expect(page).toHaveURL(/\/signup\?role=back-end-developer/)
    await expect(page.getByText('Back-End Developer will be your first target role.')).toBeVisible()
    await page.getByLabel('Your name').fill('Casey Candidate')
    await page.getByRole('main').getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(page.getByRole('main').getByRole('status')).toContainText('Check your inbox')

    await signIn(page, email)
    await expect(page).toHaveURL(/\/dashboard$/)
    await expect(page.getByText('Please confirm your email address')).toBeVisible()
    const target = page.getByRole('region', { name: 'Your target roles and skill gap' })
    await expect(target.getByRole('link', { name: 'Back-End Developer' })).toBeVisible()
    await expect(target.getByText(/^0 of \d+ skills$/)).toBeVisible()

    await page.goto(await latestLink(email, '/verify-email?token='))
    await page.getByRole('button', { name: 'Confirm my email address' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your email address is confirmed.')
    await page.goto('/dashboard')
    await expect(page.getByText('Please confirm your email address')).toHaveCount(0)

    const before = await page.getByRole('region', { name: 'Recommended roles' }).innerText()
    await page.getByRole('link', { name: 'Profile', exact: true }).click()
    await page.getByLabel('Headline').fill('Aspiring back-end developer')
    await page.getByLabel('Location').fill('Austin, TX')
    await page.getByLabel('Years of experience').fill('2')
    await page.getByLabel('Short bio').fill('I build small APIs in my spare time.')
    for (const skill of ['Python', 'Java', 'MySQL']) {
      await page.getByLabel('Skills', { exact: true }).fill(skill)
      await page.getByRole('button', { name: 'Add', exact: true }).click()
    }
    await page.getByRole('button', { name: 'Save profile' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your profile was saved.')

    await page.getByRole('link', { name: 'Overview' }).click()
    await expect(target.getByText(/^3 of \d+ skills$/)).toBeVisible()
    const missing = target.getByRole('list').last()
    await expect(missing).not.toContainText('Python')
    await expect(missing).toContainText('MongoDB')
    const after = await page.getByRole('region', { name: 'Recommended roles' }).innerText()
    expect(after).not.toEqual(before)
    await expect(page.getByRole('region', { name: 'Recommended roles' })).toContainText(/You have \d of its top \d skills/)
    await expectNoAxeViolations(page)
  })

  test('save a role from its page, anonymous first; unsave from the dashboard', async ({ page }) => {
    const email = uniqueEmail()
    await signUp(page, email)
    await page.goto('/roles/data-engineer')
    await page.getByRole('button', { name: /^Save role/ }).click()
    await expect(page).toHaveURL(/\/login\?callbackUrl=/)
    await page.getByRole('main').getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/roles\/data-engineer$/)
    await expect(page.getByRole('button', { name: /^Saved/ })).toBeVisible()

    await page.goto('/dashboard')
    const saved = page.getByRole('region', { name: 'Saved roles' })
    await expect(saved.getByRole('link', { name: 'Data Engineer' })).toBeVisible()
    await saved.getByRole('button', { name: /Remove/ }).click()
    await expect(saved.getByRole('link', { name: 'Data Engineer' })).toHaveCount(0)
  })

  test('download my data, change password (other sessions end), delete the account', async ({ page, browser }) => {
    const email = uniqueEmail()
    await signUp(page, email)
    await signIn(page, email)
    await expect(page).toHaveURL(/\/dashboard$/)

    const other = await browser.newContext()
    const otherPage = await other.newPage()
    await signIn(otherPage, email)
    await expect(otherPage).toHaveURL(/\/dashboard$/)

    await page.goto('/dashboard/settings')
    await expectNoAxeViolations(page)
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download my data' }).click()
    const file = await (await download).path()
    const data = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8')))
    expect(data.account.email).toBe(email)
    expect(data).toHaveProperty('savedRoles')
    expect(data).toHaveProperty('alerts')

    const newPassword = 'green-meadow-compass-77'
    const passwordBlock = page.getByRole('region', { name: 'Password' })
    await passwordBlock.getByLabel('Current password').fill('wrong-one')
    await passwordBlock.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword)
    await passwordBlock.getByLabel('Repeat the new password').fill(newPassword)
    await passwordBlock.getByRole('button', { name: 'Change password' }).click()
    await expect(passwordBlock.getByText('Your current password is not correct')).toBeVisible()
    await passwordBlock.getByLabel('Current password').fill(password)
    await passwordBlock.getByRole('button', { name: 'Change password' }).click()
    await expect(passwordBlock.getByRole('status')).toContainText('Your password was changed')

    // This session continues; the other one has ended.
    await page.goto('/dashboard')
    await expect(page).toHaveURL(/\/dashboard$/)
    await otherPage.goto('/dashboard')
    await expect(otherPage).toHaveURL(/\/login/)
    await other.close()

    await page.goto('/dashboard/settings')
    await page.getByLabel('Your email address').fill('someone-else@example.com')
    await page.getByRole('button', { name: 'Delete my account' }).click()
    await expect(page.getByText('Type your email address exactly to confirm')).toBeVisible()
    await page.getByLabel('Your email address').fill(email)
    await page.getByRole('button', { name: 'Delete my account' }).click()
    await expect(page).toHaveURL(/\/login\?deleted=1$/)
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your account and its data were deleted.')

    await signIn(page, email, newPassword)
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.')
  })
})
