import { expect, test, type Page } from './test'
import { addSkill, applicationMinFillMs, applyAsTrainer, cvPdf, timelineDate } from './apply-helpers'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { canReadOutbox, latestLink } from './outbox'

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
const draftKey = 'skillsu:trainer-application:draft:v1'

const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name })
const progress = (page: Page) => page.getByRole('navigation', { name: 'Application progress' })

async function expectStep(page: Page, n: number, heading: string, label: string) {
  await expect(stepHeading(page, heading)).toBeFocused()
  await expect(progress(page).getByText(`Step ${n} of 5`)).toBeVisible()
  await expect(progress(page).locator('[aria-current="step"]')).toContainText(label)
}

test.describe('trainer applications: the applicant', () => {
  test('a new visitor applies through every step with a CV, creates an account on the way and sees the timeline', async ({ page }) => {
    test.setTimeout(180_000)
    const email = `trainer-${runId}@example.com`
    const name = `Ada Trainer ${runId}`

    // /trainers: who we look for, the process, and the way in.
    await page.goto('/trainers')
    await expect(page.getByRole('heading', { level: 1, name: 'Teach the skills employers ask for' })).toBeVisible()
    for (const step of ['Submitted', 'Screening', 'Interview', 'Decision']) await expect(page.getByRole('heading', { level: 3, name: new RegExp(step) })).toBeVisible()
    await expectHeadingsInOrder(page)
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Apply to join' }).first().click()
    await expect(page).toHaveURL(/\/trainers\/apply$/)

    // 1. About you: per-step validation, with messages next to the fields.
    await expect(page.getByRole('heading', { level: 1, name: 'Apply to join the trainer network' })).toBeVisible()
    await expect(progress(page).getByText('Step 1 of 5')).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByText('Enter your full name.')).toBeVisible()
    await expect(page.getByText('Choose your country.')).toBeVisible()
    await expect(page.getByLabel('Full name')).toBeFocused()
    await page.getByLabel('Full name').fill(name)
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email)
    await page.getByLabel('Country').selectOption('PT')
    await page.getByLabel('Languages').fill('Portuguese, English')
    await page.getByRole('button', { name: 'Continue' }).click()

    // 2. Expertise: only existing skills; back and forward keep the answers.
    await expectStep(page, 2, 'Your expertise', 'Expertise')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByText('Choose at least one of training, coaching or consulting.')).toBeVisible()
    await expect(page.getByText('Add at least one skill.')).toBeVisible()
    await page.getByRole('checkbox', { name: 'Coaching', exact: true }).check()
    await page.getByRole('combobox', { name: 'Skills', exact: true }).fill('Underwater Basket Weaving')
    await page.getByRole('button', { name: 'Add skill' }).click()
    await expect(page.getByText('We could not find “Underwater Basket Weaving”. Choose a skill from the suggestions.')).toBeVisible()
    await addSkill(page, 'Node.js')
    await addSkill(page, 'PostgreSQL')
    await page.getByRole('checkbox', { name: 'Back-End Developer', exact: true }).check()
    await page.getByLabel('Years of experience').fill('7')

    await page.getByRole('button', { name: 'Back' }).click()
    await expectStep(page, 1, 'About you', 'About you')
    await expect(page.getByLabel('Full name')).toHaveValue(name)
    await expect(page.getByLabel('Country')).toHaveValue('PT')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectStep(page, 2, 'Your expertise', 'Expertise')
    await expect(page.getByRole('checkbox', { name: 'Coaching', exact: true })).toBeChecked()
    await expect(page.getByRole('button', { name: 'Remove Node.js' })).toBeVisible()
    await expect(page.getByRole('checkbox', { name: 'Back-End Developer', exact: true })).toBeChecked()
    await expect(page.getByLabel('Years of experience')).toHaveValue('7')
    await page.getByRole('button', { name: 'Continue' }).click()

    // 3. Experience: https only, and the CV checked by content and size before upload.
    await expectStep(page, 3, 'Your experience', 'Experience')
    await page.getByLabel('Headline').fill('Back-end coach for career changers')
    await page.getByLabel('Short bio').fill('Seven years of coaching developers into their first back-end roles, with Node.js and PostgreSQL projects.')
    await page.getByLabel('LinkedIn profile').fill('http://www.linkedin.com/in/ada')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByText('Enter your LinkedIn address starting with https://')).toBeVisible()
    await page.getByLabel('LinkedIn profile').fill('https://www.linkedin.com/in/ada')
    const cvInput = page.getByLabel('CV (PDF, up to 5 MB)')
    await cvInput.setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>') })
    await expect(page.getByText('This file is not a PDF. Save your CV as a PDF and choose it again.')).toBeVisible()
    const big = Buffer.alloc(20 * 1024 * 1024)
    big.write('%PDF-1.7\n')
    await cvInput.setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: big })
    await expect(page.getByText('The CV must be at most 5 MB; this file is 20.0 MB. Choose a smaller PDF.')).toBeVisible()
    await cvInput.setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: await cvPdf(`${name} CV`) })
    await expect(page.getByText('cv.pdf is ready to send.')).toBeVisible()
    await expect(page.getByText('This file is not a PDF.')).toHaveCount(0)
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Continue' }).click()

    // 4. Motivation and availability.
    await expectStep(page, 4, 'Motivation and availability', 'Motivation')
    await page.getByLabel('Motivation').fill('I would like to help more people reach a first back-end job with a practical path.')
    await page.getByLabel('Availability').fill('Weekday evenings, remote.')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Continue' }).click()

    // 5. Review: every answer, then a reload keeps them all (but not the file).
    await expectStep(page, 5, 'Review and submit', 'Review')
    const review = page.getByRole('region', { name: 'Expertise' })
    await expect(review.getByText('Node.js, PostgreSQL')).toBeVisible()
    await expect(review.getByText('Back-End Developer')).toBeVisible()
    await expect(page.getByRole('region', { name: 'About you' }).getByText('Portugal')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Submit application' })).toBeDisabled()
    await expectNoAxeViolations(page)

    await page.reload()
    await expect(stepHeading(page, 'Review and submit')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'We restored the answers you gave in this browser.' })).toContainText('choose it again')
    await expect(page.getByRole('region', { name: 'Expertise' }).getByText('Node.js, PostgreSQL')).toBeVisible()
    await expect(page.getByText('Not attached: choose it again in the Experience step')).toBeVisible()
    const loadedAt = Date.now()
    await page.getByRole('button', { name: 'Edit experience' }).click()
    await expectStep(page, 3, 'Your experience', 'Experience')
    await expect(page.getByLabel('Headline')).toHaveValue('Back-end coach for career changers')
    await page.getByLabel('CV (PDF, up to 5 MB)').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: await cvPdf(`${name} CV`) })
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('region', { name: 'Experience' }).getByText(/^cv\.pdf/)).toBeVisible()

    // An account, made inside the flow: the answers stay.
    const account = page.getByRole('region', { name: 'Your account' })
    await account.getByRole('button', { name: 'Create an account' }).click()
    await expect(account.getByLabel('Name')).toHaveValue(name)
    await expect(account.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email)
    await account.getByLabel('Password').fill('a long trainer password 42')
    await account.getByRole('button', { name: 'Create account and continue' }).click()
    await expect(account.getByText(`Signed in as ${email}`)).toBeVisible()
    await expect(page.getByRole('region', { name: 'About you' }).getByText(name)).toBeVisible()
    // The header knows too, without a reload.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Your dashboard' })).toBeVisible()
    await expectNoAxeViolations(page)

    // The new account has no application yet: its dashboard shows the empty state (another tab; the form stays as it is).
    const tab = await page.context().newPage()
    await tab.goto('/dashboard/applications')
    await expect(tab.getByRole('heading', { level: 2, name: 'You have not applied to teach with SkillsU yet' })).toBeVisible()
    await expect(tab.getByRole('link', { name: 'Apply to join' })).toHaveAttribute('href', '/trainers/apply')
    await expectNoAxeViolations(tab)
    await tab.close()

    const wait = applicationMinFillMs - (Date.now() - loadedAt)
    if (wait > 0) await page.waitForTimeout(wait)
    await page.getByRole('button', { name: 'Submit application' }).click()

    // The timeline: Submitted today, the rest to come.
    await page.waitForURL(/\/dashboard\/applications\/[0-9a-f-]{36}$/, { timeout: 20_000 })
    const path = new URL(page.url()).pathname
    await expect(page.getByRole('heading', { level: 1, name: 'Your application' })).toBeVisible()
    const timeline = page.getByRole('list', { name: 'Application timeline' })
    const steps = timeline.getByRole('listitem')
    await expect(steps).toHaveCount(4)
    await expect(steps.nth(0)).toContainText('Submitted')
    await expect(steps.nth(0)).toContainText(timelineDate())
    await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step')
    await expect(steps.nth(1)).toContainText('Screening')
    await expect(steps.nth(1)).toContainText('Not yet')
    await expect(page.getByText('Status:')).toContainText('Submitted')
    await expect(page.getByRole('region', { name: 'Experience' }).getByText('cv.pdf')).toBeVisible()
    await expectHeadingsInOrder(page)
    await expectNoAxeViolations(page)
    expect(await page.evaluate((key) => window.localStorage.getItem(key), draftKey)).toBeNull()

    if (canReadOutbox) expect(await latestLink(email, '/dashboard/applications/')).toBe(path)

    // Listed on the applications page; a second application is refused while this one is open.
    await page.goto('/dashboard/applications')
    await expect(page.getByRole('link', { name: 'Back-end coach for career changers' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.goto('/trainers/apply')
    await expect(page.getByText('You already have an application in progress.')).toBeVisible()
  })

  test('an applicant withdraws after confirming, and may apply again at once; a stranger cannot see it', async ({ page, browser }) => {
    test.setTimeout(180_000)
    const email = `withdraw-${runId}@example.com`
    const password = 'a long trainer password 43'
    const url = await applyAsTrainer(page, { name: `Wes Withdraw ${runId}`, email, password, skills: ['Python'], roleTitle: 'Back-End Developer', headline: 'Python trainer' })
    expect(url).toMatch(/\/dashboard\/applications\/[0-9a-f-]{36}$/)

    await page.getByRole('button', { name: 'Withdraw application' }).click()
    const dialog = page.getByRole('dialog', { name: 'Withdraw your application?' })
    await expect(dialog).toBeVisible()
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: 'Keep my application' }).click()
    await expect(dialog).toBeHidden()
    await page.getByRole('button', { name: 'Withdraw application' }).click()
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click()
    await expect(page.getByText('Status:')).toContainText('Withdrawn')
    await expect(page.getByRole('list', { name: 'Application timeline' }).getByRole('listitem').nth(3)).toContainText(`Withdrawn${timelineDate()}`)
    await expect(page.getByRole('button', { name: 'Withdraw application' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Apply again' })).toBeVisible()

    // Someone else (here: nobody signed in, then a fresh account) never sees it.
    const other = await browser.newContext()
    const stranger = await other.newPage()
    await stranger.goto(url)
    await expect(stranger).toHaveURL(/\/login/)
    await other.close()
    const response = await page.request.get(url.replace(/[0-9a-f-]{36}$/, 'not-a-uuid'))
    expect(response.status()).toBe(404)

    // Applying again at once, this time signing in to the existing account inside the flow.
    const later = await browser.newContext()
    const again = await later.newPage()
    const secondUrl = await applyAsTrainer(again, { name: `Wes Withdraw ${runId}`, email, password, skills: ['Python', 'Docker'], headline: 'Python and Docker trainer', existingAccount: true })
    expect(secondUrl).not.toBe(url)
    await again.goto('/dashboard/applications')
    const items = again.getByRole('list', { name: 'Applications, newest first' }).getByRole('listitem')
    await expect(items).toHaveCount(2)
    await expect(items.nth(0)).toContainText('Python and Docker trainer')
    await expect(items.nth(1)).toContainText('Withdrawn')
    await later.close()
  })
})
