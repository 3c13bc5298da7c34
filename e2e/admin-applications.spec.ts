import fs from 'node:fs'
import { expect, test, type Page } from './test'
import { applyAsTrainer } from './apply-helpers'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { canReadOutbox, latestLink } from './outbox'
import { signInAsAdmin } from './auth'

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

const trainersSection = (page: Page) => page.getByRole('region', { name: 'Trainers for these skills' })
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' })

test.describe('admin: trainer applications', () => {
  test('a trainer applies; an admin filters, reviews, scores and accepts; the trainer sees the decision and appears on the role page', async ({ page, browser }) => {
    test.setTimeout(240_000)
    // "Aaa" sorts first among trainers with the same overlap, so the card is among the six shown.
    const name = `Aaa Trainer ${runId}`
    const email = `trainer-${runId}@example.com`
    const headline = `Back-end trainer for API teams ${runId}`

    // The trainer applies in their own browser, with skills the seed's Back-End Developer role asks for.
    const trainerContext = await browser.newContext()
    const trainerPage = await trainerContext.newPage()
    const applicationUrl = await applyAsTrainer(trainerPage, { name, email, password: `pw-${runId}-long-enough`, skills: ['Python', 'Java', 'MySQL', 'MongoDB'], roleTitle: 'Back-End Developer', headline })
    const id = new URL(applicationUrl).pathname.split('/').pop()!
    // Signed in, but not an admin: the export is forbidden and the CV does not exist for them.
    expect((await trainerPage.request.get('/api/admin/applications/export')).status()).toBe(403)
    expect((await trainerPage.request.get(`/api/admin/applications/${id}/cv`)).status()).toBe(404)
    await trainerPage.goto('/admin/applications')
    await expect(trainerPage.getByRole('heading', { level: 1, name: 'Trainer applications' })).toHaveCount(0)

    await signInAsAdmin(page, '/dashboard')

    // Before the decision, the role page (rendered and cached now) shows no card for this trainer.
    await page.goto('/roles/back-end-developer')
    await expect(page.getByRole('heading', { level: 1, name: 'Back-End Developer' })).toBeVisible()
    await expect(page.getByRole('heading', { name })).toHaveCount(0)

    // The list: filter by search, country and skill; the filters live in the URL.
    await page.goto('/admin/applications')
    await expect(page.getByRole('heading', { level: 1, name: 'Trainer applications' })).toBeVisible()
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)
    const filters = page.getByRole('search', { name: 'Filter applications' })
    await filters.getByLabel('Name, email or headline').fill(email)
    await filters.getByLabel('Country').selectOption('DE')
    await filters.getByLabel('Skill').selectOption({ label: 'MongoDB' })
    await filters.getByRole('button', { name: 'Filter' }).click()
    await expect(page).toHaveURL(/[?&]country=DE/)
    await expect(page).toHaveURL(/[?&]skill=mongodb/)
    await expect(page.getByText('1 application matches these filters')).toBeVisible()
    const row = page.getByRole('row', { name: new RegExp(name) })
    await expect(row).toContainText('Germany')
    await expect(row).toContainText('Submitted')
    await expect(page.getByRole('navigation', { name: 'Applications by status' }).getByRole('link', { name: /Submitted\s*1/ })).toBeVisible()

    // The CSV export carries the filters and holds the applicant's row.
    const csvDownload = page.waitForEvent('download')
    await page.getByRole('link', { name: /Export CSV/ }).click()
    const csvFile = await csvDownload
    expect(csvFile.suggestedFilename()).toMatch(/^trainer-applications-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync((await csvFile.path())!, 'utf8')
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toContain('Submitted (UTC),Status,Name,Email,Country,Headline')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`Submitted,${name},${email},DE,${headline}`)

    // A search that matches nothing says so.
    await page.goto(`/admin/applications?q=${encodeURIComponent(`nobody-${runId}`)}`)
    await expect(page.getByText('No applications match these filters.')).toBeVisible()

    // The detail: every answer, the CV as a download, a note and a score.
    await page.goto(`/admin/applications?q=${encodeURIComponent(email)}`)
    await page.getByRole('link', { name }).click()
    await expect(page).toHaveURL(new RegExp(`/admin/applications/${id}$`))
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByText(headline)).toBeVisible()
    await expect(page.getByText('Java, MongoDB, MySQL, Python')).toBeVisible()
    await expect(page.getByText('Back-End Developer')).toBeVisible()
    await expect(timeline(page)).toContainText('Submitted')
    await expect(timeline(page)).toContainText('by the applicant')
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)

    const cvDownload = page.waitForEvent('download')
    await page.getByRole('link', { name: /Download CV/ }).click()
    const cv = await cvDownload
    expect(cv.suggestedFilename()).toBe('cv.pdf')
    expect(fs.readFileSync((await cv.path())!).subarray(0, 5).toString()).toBe('%PDF-')
    const cvResponse = await page.request.get(`/api/admin/applications/${id}/cv`)
    expect(cvResponse.status()).toBe(200)
    expect(cvResponse.headers()).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="cv.pdf"',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    })

    await page.getByLabel('Add a note').fill(`Strong API background ${runId}.`)
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect(page.getByRole('list', { name: 'Notes, newest first' })).toContainText(`Strong API background ${runId}.`)

    const scores = page.getByRole('region', { name: 'Scores' })
    await scores.getByLabel('Expertise').selectOption('5')
    await scores.getByLabel('Communication').selectOption('4')
    await scores.getByLabel('Fit').selectOption('5')
    await scores.getByRole('button', { name: 'Save my score' }).click()
    await expect(scores.getByText('Average of 1 reviewer, from 1 to 5.')).toBeVisible()
    await expect(scores).toContainText('Overall4.7')

    // A second tab keeps the page as it was: its move is refused once the first tab moved on.
    const stalePage = await page.context().newPage()
    await stalePage.goto(`/admin/applications/${id}`)

    const status = page.getByRole('region', { name: 'Status' })
    await status.getByRole('button', { name: 'Move to screening' }).click()
    await expect(timeline(page)).toContainText('Submitted → Screening')

    await stalePage.getByRole('button', { name: 'Move to screening' }).click()
    await expect(stalePage.getByRole('alert').filter({ hasText: 'Someone else changed this application first' })).toBeVisible()
    await stalePage.close()

    await status.getByRole('button', { name: 'Invite to interview' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Invite to interview' }).click()
    await expect(timeline(page)).toContainText('Screening → Interview')
    await expect(status.getByRole('button', { name: 'Move to screening' })).toHaveCount(0)

    await status.getByRole('button', { name: 'Accept' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Accept' }).click()
    await expect(timeline(page)).toContainText('Interview → Accepted')
    await expect(status.getByText('This application is closed')).toBeVisible()
    await expect(status.getByRole('button')).toHaveCount(0)

    if (canReadOutbox) {
      // The decision email links to the application.
      expect(await latestLink(email, `/dashboard/applications/${id}`)).toBe(`/dashboard/applications/${id}`)
    }

    // The trainer, signed in in their own browser, sees the decision.
    await trainerPage.goto(`/dashboard/applications/${id}`)
    await expect(trainerPage.getByRole('heading', { level: 1, name: 'Your application' })).toBeVisible()
    await expect(trainerPage.getByText('Decision: Accepted')).toBeVisible()
    await expect(trainerPage.getByText('Welcome to the SkillsU trainer network!')).toBeVisible()
    await trainerContext.close()

    // The role page was refreshed by the acceptance: the trainer's card is there.
    await page.goto('/roles/back-end-developer')
    const section = trainersSection(page)
    await expect(section.getByRole('heading', { name })).toBeVisible()
    await expect(section.getByRole('article').filter({ hasText: name })).toContainText(headline)
    await expect(section.getByRole('article').filter({ hasText: name })).toContainText('MongoDB')
    await expectNoAxeViolations(page)

    // The templates page: an unknown placeholder is refused with a message by the field.
    await page.goto('/admin/applications/templates')
    await expect(page.getByRole('heading', { level: 1, name: 'Decision email templates' })).toBeVisible()
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)
    const interview = page.getByRole('form', { name: 'Interview invitation template' })
    await interview.getByLabel('Subject').fill('Hello {{firstName}}')
    await interview.getByRole('button', { name: 'Save template' }).click()
    await expect(interview.getByText('Unknown placeholder {{firstName}}. Use {{name}}, {{dashboardUrl}} or {{reapplyDate}}.')).toBeVisible()
    await interview.getByLabel('Subject').fill('A chat about your application, {{name}}')
    await expect(interview.getByText('Subject: A chat about your application, Alex Example')).toBeVisible()

    // On a phone, the status and the CV come before the answers, and nothing overflows sideways.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/admin/applications/${id}`)
    const statusBox = await page.getByRole('region', { name: 'Status' }).boundingBox()
    const answersBox = await page.getByRole('region', { name: 'About the applicant' }).boundingBox()
    expect(statusBox!.y).toBeLessThan(answersBox!.y)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await expectNoAxeViolations(page)
    await page.goto('/admin/applications')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await expectNoAxeViolations(page)
  })

  test('the CSV export and the CV download are refused without an admin session', async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL })
    const csv = await anonymous.get('/api/admin/applications/export')
    expect(csv.status()).toBe(401)
    const cv = await anonymous.get('/api/admin/applications/00000000-0000-4000-8000-000000000000/cv')
    expect(cv.status()).toBe(404)
    expect(cv.headers()['cache-control']).toContain('no-store')
    await anonymous.dispose()
  })
})
