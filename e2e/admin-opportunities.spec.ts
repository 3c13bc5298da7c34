import { expect, test, type Page, type TestInfo } from './test'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { signInAsAdmin } from './auth'

// The seeded admin (playwright.config.ts); staff content is managed by editors and admins alike.
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

/** The page fits a 360 px phone (wide admin tables scroll inside their own region), screenshot kept. */
async function expectFitsPhone(page: Page, path: string, testInfo: TestInfo) {
  const desktop = page.viewportSize()
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto(path, { waitUntil: 'networkidle' })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0)
  await page.screenshot({ fullPage: true, path: testInfo.outputPath(`phone${path.replace(/[/?=&]/g, '_')}.png`) })
  if (desktop) await page.setViewportSize(desktop)
}

/** YYYY-MM-DD, `days` from today (UTC). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

async function createOpportunity(page: Page, title: string) {
  // Forms follow react-hook-form once hydrated; typing before that would be lost.
  await page.goto('/admin/opportunities/new', { waitUntil: 'networkidle' })
  await page.getByLabel('Job title').fill(title)
  await page.getByLabel('Company', { exact: true }).selectOption({ label: 'Accenture' })
  await page.getByLabel('Related role').selectOption({ label: 'Back-End Developer' })
  await page.getByLabel('Employment type').selectOption('contract')
  await page.getByLabel('Location').fill('Lisbon, Portugal')
  await page.getByLabel('Short description').fill('Build and run REST APIs for client projects.')
  await page.getByLabel('Listed until').fill(inDays(45))
  // The apply link must be https: the form says so by the field, before anything is sent.
  await page.getByLabel('Apply URL').fill('http://example.com/jobs/e2e')
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page.getByText('Use a full https:// address, e.g. https://example.com/jobs/42')).toBeVisible()
  await page.getByLabel('Apply URL').fill(`https://example.com/jobs/${encodeURIComponent(title)}`)
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page).toHaveURL(/\/admin\/opportunities\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Draft', { exact: true })).toBeVisible()
}

test.describe('admin: opportunities and programs', () => {
  // Long journeys through several first-rendered pages on a small machine.
  test.describe.configure({ timeout: 90_000 })

  test('a published opportunity for Back-End Developer is listed on /opportunities; an unpublished one is not', async ({ page }, testInfo) => {
    const id = stamp()
    const live = `E2E Back-End Developer ${id}`
    const hidden = `E2E Unpublished Developer ${id}`
    await signInAsAdmin(page, '/admin/opportunities')
    await expectNoAxeViolations(page)

    await createOpportunity(page, live)
    await page.getByRole('button', { name: `Publish “${live}”` }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${live}” published.` })).toBeVisible()
    await expect(page.getByText('Published', { exact: true })).toBeVisible()

    await createOpportunity(page, hidden)

    // The admin list shows both, filtered by status.
    await page.goto(`/admin/opportunities?q=${encodeURIComponent(id)}&status=published`)
    await expect(page.getByRole('link', { name: live })).toBeVisible()
    await expect(page.getByRole('link', { name: hidden })).toHaveCount(0)

    await page.goto('/opportunities')
    const list = page.getByRole('list', { name: 'Opportunities' })
    const card = list.getByRole('article').filter({ has: page.getByRole('heading', { name: live }) })
    await expect(card).toBeVisible()
    await expect(card.getByText('Accenture', { exact: true })).toBeVisible()
    await expect(card.getByRole('link', { name: 'Back-End Developer', exact: true })).toHaveAttribute('href', '/roles/back-end-developer')
    await expect(card.getByRole('link', { name: /Apply on the employer’s site/ })).toHaveAttribute('href', `https://example.com/jobs/${encodeURIComponent(live)}`)
    await expect(page.getByRole('heading', { name: hidden })).toHaveCount(0)
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)

    // Filtering by role (a GET form: works without JavaScript too).
    await page.getByLabel('Role').selectOption('back-end-developer')
    await page.getByRole('button', { name: 'Show opportunities' }).click()
    await expect(page).toHaveURL(/role=back-end-developer/)
    await expect(page.getByRole('heading', { name: live })).toBeVisible()
    await page.goto('/opportunities?role=data-engineer')
    await expect(page.getByRole('heading', { name: live })).toHaveCount(0)
    await page.goto('/opportunities?location=lisbon%2C%20portugal')
    await expect(page.getByRole('heading', { name: live })).toBeVisible()
    for (const path of ['/opportunities', '/admin/opportunities', '/admin/opportunities/new']) await expectFitsPhone(page, path, testInfo)

    // Unpublishing takes it off the public list at once.
    await page.goto(`/admin/opportunities?q=${encodeURIComponent(live)}`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: `Unpublish “${live}”` }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${live}” unpublished.` })).toBeVisible()
    await page.goto('/opportunities')
    await expect(page.getByRole('heading', { name: live })).toHaveCount(0)
  })

  test('opportunity trash: delete, restore, delete permanently', async ({ page }) => {
    const title = `E2E Trash Developer ${stamp()}`
    await signInAsAdmin(page, '/admin/opportunities')
    await createOpportunity(page, title)
    await page.getByRole('button', { name: `Delete “${title}”` }).click()
    await page.getByRole('dialog', { name: 'Move to the trash?' }).getByRole('button', { name: 'Move to the trash' }).click()
    await expect(page).toHaveURL(/\/admin\/opportunities$/)
    await page.goto('/admin/opportunities/trash')
    const cell = page.getByRole('cell', { name: title, exact: true })
    await expect(cell).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: `Restore “${title}”` }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${title}” restored as a draft.` })).toBeVisible()
    await expect(cell).toHaveCount(0)

    // Back in the list as a draft; from there to the trash again, then gone for good.
    await page.goto(`/admin/opportunities?q=${encodeURIComponent(title)}&status=draft`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: `Delete “${title}”` }).click()
    await page.getByRole('dialog', { name: 'Move to the trash?' }).getByRole('button', { name: 'Move to the trash' }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${title}” moved to the trash.` })).toBeVisible()
    await page.goto('/admin/opportunities/trash', { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: `Delete permanently “${title}”` }).click()
    await page.getByRole('dialog', { name: 'Delete permanently?' }).getByRole('button', { name: 'Delete permanently' }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${title}” was deleted permanently.` })).toBeVisible()
    await expect(cell).toHaveCount(0)
    await page.goto(`/admin/opportunities?q=${encodeURIComponent(title)}`)
    await expect(page.getByText('No opportunity matches these filters.')).toBeVisible()
  })

  test('programs: a draft is a 404; once published it has a page and is listed', async ({ page, request }, testInfo) => {
    const id = stamp()
    const title = `E2E Python APIs Bootcamp ${id}`
    const slug = `e2e-python-apis-bootcamp-${id}`
    await signInAsAdmin(page, '/admin/programs')
    await page.getByRole('link', { name: 'New program' }).click()
    await expect(page).toHaveURL(/\/admin\/programs\/new$/)
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Title').fill(title)
    // The slug follows the title.
    await expect(page.getByLabel('Web address (slug)')).toHaveValue(slug)
    await page.getByLabel('One-line summary').fill('Twelve weeks of Python, PostgreSQL and REST APIs.')
    await page.getByLabel('Description').fill('An intensive bootcamp.\n\nWith a final project.')
    await page.getByLabel('Format').selectOption('bootcamp')
    await page.getByLabel('Duration').fill('12 weeks')
    await page.getByLabel('Level').selectOption('beginner')
    await page.getByRole('group', { name: 'Related roles' }).getByRole('checkbox', { name: 'Back-End Developer' }).check()
    const skillsGroup = page.getByRole('group', { name: 'Skills taught' })
    await skillsGroup.getByRole('searchbox').fill('pyth')
    await skillsGroup.getByRole('checkbox', { name: 'Python', exact: true }).check()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Create draft' }).click()
    await expect(page).toHaveURL(/\/admin\/programs\/[0-9a-f-]{36}$/)
    const editUrl = page.url()

    // A draft has no public page.
    expect((await request.get(`/programs/${slug}`)).status()).toBe(404)

    await page.goto(editUrl, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: `Publish “${title}”` }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${title}” published.` })).toBeVisible()
    await expect(page.getByRole('link', { name: 'View its page' })).toBeVisible()

    const response = await page.goto(`/programs/${slug}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    // By address, not title: the role editor journey renames this role for a moment in parallel.
    await expect(page.locator('main a[href="/roles/back-end-developer"]').first()).toBeVisible()
    await expect(page.getByRole('link', { name: 'Python', exact: true })).toBeVisible()
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)

    for (const path of [`/programs/${slug}`, '/programs', '/admin/programs', editUrl.replace(/^https?:\/\/[^/]+/, '')]) await expectFitsPhone(page, path, testInfo)

    await page.goto('/programs?format=bootcamp')
    await expect(page.getByRole('link', { name: title })).toBeVisible()
    await page.goto('/programs')
    await expect(page.getByRole('link', { name: title })).toBeVisible()
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)

    // Unpublished again, its page is gone.
    await page.goto(editUrl, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: `Unpublish “${title}”` }).click()
    await expect(page.getByRole('status').filter({ hasText: `“${title}” unpublished.` })).toBeVisible()
    expect((await request.get(`/programs/${slug}`)).status()).toBe(404)
  })

  test('a program that was never published is a 404', async ({ page, request }) => {
    const id = stamp()
    const title = `E2E Draft Workshop ${id}`
    await signInAsAdmin(page, '/admin/programs/new')
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Title').fill(title)
    await page.getByLabel('One-line summary').fill('Never published.')
    await page.getByLabel('Format').selectOption('workshop')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await expect(page).toHaveURL(/\/admin\/programs\/[0-9a-f-]{36}$/)
    const response = await request.get(`/programs/e2e-draft-workshop-${id}`)
    expect(response.status()).toBe(404)
    await page.goto('/programs')
    await expect(page.getByRole('link', { name: title })).toHaveCount(0)
  })
})
