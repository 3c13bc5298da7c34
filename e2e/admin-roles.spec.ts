import { expect, test, type Browser, type Page } from './test'
import { expectNoAxeViolations, toast } from './helpers'
import { signInAsAdmin } from './auth'

/** The editor's address of a role, found through the admin list. */
async function editorUrl(page: Page, slug: string) {
  await page.goto(`/admin/roles?q=${slug}`)
  const href = await page.getByRole('row').filter({ hasText: `/roles/${slug}` }).getByRole('link').first().getAttribute('href')
  expect(href).toMatch(/^\/admin\/roles\/[0-9a-f-]{36}$/)
  return href!
}

/** Opens the editor and waits until the form is interactive (typing before hydration would be lost). */
async function openEditor(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' })
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeEnabled()
}

const titleBox = (page: Page) => page.getByRole('textbox', { name: 'Title', exact: true })
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' })

/** The public page as an anonymous visitor sees it (a fresh context: no session, no draft mode). */
async function publicPage(browser: Browser, path: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(path)
  return { page, close: () => context.close() }
}

test.describe('admin role editor', () => {
  // Long journeys with several axe runs; the default 30 s is tight on a busy two-core machine.
  test.describe.configure({ timeout: 90_000 })

  test('an edit is public only once published', async ({ page, browser }) => {
    await signInAsAdmin(page, '/admin/roles')
    const url = await editorUrl(page, 'back-end-developer')
    await openEditor(page, url)
    await expect(titleBox(page)).toHaveValue('Back-End Developer')
    const average = page.getByRole('spinbutton', { name: 'Average salary' })
    await expect(average).toHaveValue('110000')

    await titleBox(page).fill('Back-End Engineer')
    await average.fill('123456')
    await expect(page.getByText('You have unsaved changes.')).toBeVisible()
    await saveButton(page).click()
    await expect(toast(page, 'Saved. The public page changes when you publish.')).toBeVisible()
    await expect(page.getByText('Published with unpublished changes')).toBeVisible()

    // Saved but not published: the public page is unchanged.
    let visitor = await publicPage(browser, '/roles/back-end-developer')
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Back-End Developer')
    await expect(visitor.page.getByText('$110,000').first()).toBeVisible()
    await visitor.close()

    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(toast(page, 'Published: the public page shows this version now.')).toBeVisible()
    await expect(page.getByText('Published', { exact: true })).toBeVisible()

    visitor = await publicPage(browser, '/roles/back-end-developer')
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Back-End Engineer')
    await expect(visitor.page.getByText('$123,456').first()).toBeVisible()
    await visitor.close()

    // Put the seeded content back (other specs read this role), through "Save and publish".
    await titleBox(page).fill('Back-End Developer')
    await average.fill('110000')
    await page.getByRole('button', { name: 'Save and publish' }).click()
    // The first publish's toast may still be on screen: the newest one is the answer to this save.
    await expect(toast(page, 'Published: the public page shows this version now.').last()).toBeVisible()
    visitor = await publicPage(browser, '/roles/back-end-developer')
    await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Back-End Developer')
    await visitor.close()
  })

  test('two tabs: the second save meets a conflict and loses nothing', async ({ page }) => {
    await signInAsAdmin(page, '/admin/roles')
    const url = await editorUrl(page, 'product-manager')
    const tab2 = await page.context().newPage()
    await openEditor(page, url)
    await openEditor(tab2, url)

    await page.getByRole('textbox', { name: 'One-line summary' }).fill('Summary saved from the first tab.')
    await saveButton(page).click()
    await expect(toast(page, /^Saved\./)).toBeVisible()

    await titleBox(tab2).fill('Product Manager (second tab)')
    await saveButton(tab2).click()
    const panel = tab2.getByRole('alert').filter({ hasText: 'Someone else saved this role first' })
    await expect(panel).toBeVisible()
    await expect(panel).toContainText('Site administrator saved version') // who saved
    await expect(panel.getByText('Summary', { exact: true })).toBeVisible() // field-by-field comparison
    await expect(panel.getByText('Summary saved from the first tab.')).toBeVisible()
    // Nothing in the form was touched.
    await expect(titleBox(tab2)).toHaveValue('Product Manager (second tab)')
    await expectNoAxeViolations(tab2)
    await tab2.screenshot({ path: test.info().outputPath('conflict.png') })

    await panel.getByRole('button', { name: 'Copy my text' }).click()
    await expect(tab2.getByRole('textbox', { name: /Your text \(JSON/ })).toHaveValue(/Product Manager \(second tab\)/)

    await panel.getByRole('button', { name: 'Load their version' }).click()
    await expect(panel).toBeHidden()
    await expect(tab2.getByRole('textbox', { name: 'One-line summary' })).toHaveValue('Summary saved from the first tab.')
    await expect(titleBox(tab2)).toHaveValue('Product Manager')
    // The earlier text stays available to re-apply.
    await expect(tab2.getByRole('textbox', { name: /Your text \(JSON/ })).toHaveValue(/Product Manager \(second tab\)/)

    // From their version, the second tab's change saves.
    await titleBox(tab2).fill('Product Manager (second tab)')
    await saveButton(tab2).click()
    await expect(toast(tab2, /^Saved\./)).toBeVisible()
    await tab2.reload({ waitUntil: 'networkidle' })
    await expect(titleBox(tab2)).toHaveValue('Product Manager (second tab)')
    await expect(tab2.getByRole('textbox', { name: 'One-line summary' })).toHaveValue('Summary saved from the first tab.')
  })

  test('a field error is shown by its field and nothing is saved; leaving asks first', async ({ page }) => {
    await signInAsAdmin(page, '/admin/roles')
    const url = await editorUrl(page, 'site-reliability-engineer')
    await openEditor(page, url)
    const average = page.getByRole('spinbutton', { name: 'Average salary' })
    const maximum = page.getByRole('spinbutton', { name: 'Maximum salary' })
    await expect(average).toHaveValue('142000')
    await expect(maximum).toHaveValue('185000')

    await average.fill('190000')
    await saveButton(page).click()
    await expect(maximum).toHaveAttribute('aria-invalid', 'true')
    await expect(maximum).toHaveAccessibleDescription(/The maximum cannot be below the average/)
    await expect(page.getByText('The maximum cannot be below the average')).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible()

    // An in-app link asks before dropping the unsaved text; staying keeps it.
    const dialogs: string[] = []
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type())
      void dialog.dismiss()
    })
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Roles' }).click()
    await expect.poll(() => dialogs).toEqual(['confirm'])
    await expect(page).toHaveURL(new RegExp(`${url}$`))
    await expect(average).toHaveValue('190000')

    // Reloading asks too (beforeunload); after leaving, the saved figure is unchanged.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type())
      void dialog.accept()
    })
    await page.reload({ waitUntil: 'networkidle' })
    await expect(average).toHaveValue('142000')
    await expect(maximum).toHaveValue('185000')
    expect(dialogs).toContain('beforeunload')
  })

  test('responsibilities reorder by keyboard and mouse; the preview shows the new order', async ({ page, browser }) => {
    await signInAsAdmin(page, '/admin/roles')
    const url = await editorUrl(page, 'qa-automation-engineer')
    await openEditor(page, url)
    const titles = page.getByRole('list', { name: 'Responsibilities' }).getByRole('textbox', { name: 'Responsibility title' })
    const [first, second, third] = [await titles.nth(0).inputValue(), await titles.nth(1).inputValue(), await titles.nth(2).inputValue()]

    // Keyboard: focus "Move '<first>' down" and press Enter; focus stays with the moved item.
    await page.getByRole('button', { name: `Move '${first}' down` }).focus()
    await page.keyboard.press('Enter')
    await expect(titles.nth(0)).toHaveValue(second)
    await expect(titles.nth(1)).toHaveValue(first)
    await expect(page.getByRole('button', { name: `Move '${first}' down` })).toBeFocused()
    // Mouse: the third one up, above the moved one.
    await page.getByRole('button', { name: `Move '${third}' up` }).click()
    await expect(titles.nth(1)).toHaveValue(third)
    await expect(titles.nth(2)).toHaveValue(first)

    await saveButton(page).click()
    await expect(toast(page, /^Saved\./)).toBeVisible()

    // The preview (draft mode) shows the saved order; the published page keeps the old one.
    const popupOpened = page.waitForEvent('popup')
    await page.getByRole('link', { name: /Preview/ }).click()
    const preview = await popupOpened
    await expect(preview.getByRole('region', { name: 'Preview' })).toBeVisible()
    const previewTitles = preview.getByRole('region', { name: 'Roles and responsibilities' }).getByRole('heading', { level: 3 })
    await expect(previewTitles.nth(0)).toHaveText(second)
    expect((await previewTitles.allInnerTexts()).slice(0, 3)).toEqual([second, third, first])
    await preview.close()

    const visitor = await publicPage(browser, '/roles/qa-automation-engineer')
    const publicTitles = visitor.page.getByRole('region', { name: 'Roles and responsibilities' }).getByRole('heading', { level: 3 })
    await expect(publicTitles.nth(0)).toHaveText(first)
    await visitor.close()

    // After a reload the editor shows the saved order.
    await page.reload({ waitUntil: 'networkidle' })
    await expect(titles.nth(0)).toHaveValue(second)
    await expect(titles.nth(2)).toHaveValue(first)
  })

  test('revisions: compare two versions and restore the earlier one as a new revision', async ({ page }) => {
    await signInAsAdmin(page, '/admin/roles')
    const url = await editorUrl(page, 'mobile-developer')
    await openEditor(page, url)
    await titleBox(page).fill('Mobile Developer (revision A)')
    await saveButton(page).click()
    await expect(toast(page, /^Saved\./)).toBeVisible()
    await expect(page.getByText('You have unsaved changes.')).toBeHidden()
    await titleBox(page).fill('Mobile Developer (revision B)')
    await saveButton(page).click()
    await expect(page.getByText('All changes saved.')).toBeVisible()

    await page.getByRole('link', { name: 'Revisions' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisions of Mobile Developer (revision B)')
    const versionOf = async (label: RegExp) => (await page.locator('#revision-a option').filter({ hasText: label }).getAttribute('value'))!
    const [older, newer] = [await versionOf(/^Version 2 ·/), await versionOf(/^Version 3 ·/)]
    await page.getByLabel('From', { exact: true }).selectOption(older)
    await page.getByLabel('To', { exact: true }).selectOption(newer)
    await page.getByRole('button', { name: 'Compare' }).click()
    await expect(page).toHaveURL(new RegExp(`a=${older}&b=${newer}`))
    await expect(page.getByRole('heading', { name: 'Changes from version 2 to version 3' })).toBeVisible()
    const comparison = page.getByRole('listitem').filter({ hasText: 'Title' })
    await expect(comparison).toHaveCount(1)
    await expect(comparison).toContainText('Mobile Developer (revision A)')
    await expect(comparison).toContainText('Mobile Developer (revision B)')
    await expectNoAxeViolations(page)
    // The two columns stack on a phone; nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 800 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await page.screenshot({ fullPage: true, path: test.info().outputPath('revisions-phone.png') })
    await page.setViewportSize({ width: 1440, height: 900 })

    const row = (version: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: version, exact: true }) })
    await row('2').getByRole('button', { name: 'Restore this version' }).click()
    await expect(toast(page, 'Revision restored as the newest version (not yet published).')).toBeVisible()
    await expect(row('4')).toContainText('Restored')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisions of Mobile Developer (revision A)')

    await page.getByRole('link', { name: 'Back to the editor' }).click()
    await expect(titleBox(page)).toHaveValue('Mobile Developer (revision A)')
  })

  test.describe('accessibility', () => {
    test('the editor passes axe and fits a phone', async ({ page }) => {
      await signInAsAdmin(page, '/admin/roles')
      const url = await editorUrl(page, 'cloud-architect')
      await openEditor(page, url)
      await expectNoAxeViolations(page)
      await page.screenshot({ fullPage: true, path: test.info().outputPath('editor-desktop.png') })
      await page.setViewportSize({ width: 360, height: 800 })
      await page.reload({ waitUntil: 'networkidle' })
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      await expectNoAxeViolations(page)
      await page.screenshot({ fullPage: true, path: test.info().outputPath('editor-phone.png') })
    })

    test('the revisions page and the new-role page pass axe', async ({ page }) => {
      await signInAsAdmin(page, '/admin/roles')
      const url = await editorUrl(page, 'cloud-architect')
      await page.goto(`${url}/revisions`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisions of Cloud Architect')
      await expectNoAxeViolations(page)
      await page.goto('/admin/roles/new', { waitUntil: 'networkidle' })
      await expectNoAxeViolations(page)
    })
  })

  test('create a role, then trash it and delete it for good', async ({ page }) => {
    await signInAsAdmin(page, '/admin/roles')
    await page.goto('/admin/roles/new', { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Create draft' }).click()
    await expect(page.getByText('Enter the title')).toBeVisible()

    await titleBox(page).fill('E2E Platform Tester')
    await titleBox(page).blur()
    await expect(page.getByRole('textbox', { name: 'Address (slug)' })).toHaveValue('e2e-platform-tester')
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ index: 1 })
    await page.getByRole('textbox', { name: 'One-line summary' }).fill('Tests platforms end to end.')
    await page.getByRole('textbox', { name: 'Role overview' }).fill('A role made by the end-to-end tests.')
    await page.getByRole('button', { name: 'Add a qualification' }).click()
    await expect(page.getByRole('list', { name: 'Qualifications' }).getByRole('textbox')).toBeFocused()
    await page.keyboard.type('Patience with flaky tests')
    await page.getByRole('button', { name: 'Add a skill' }).click()
    await page.getByRole('list', { name: 'In-demand skills' }).getByRole('combobox', { name: 'Skill' }).fill('Playwright')
    await page.getByRole('spinbutton', { name: 'Share of postings (%)' }).fill('40')

    // The server's answer lands by the field too: this address is taken.
    const slug = page.getByRole('textbox', { name: 'Address (slug)' })
    await slug.fill('back-end-developer')
    await page.getByRole('button', { name: 'Create draft' }).click()
    await expect(slug).toHaveAccessibleDescription(/Another role uses this address/)
    await expect(slug).toBeFocused()
    await slug.fill('e2e-platform-tester')
    await page.getByRole('button', { name: 'Create draft' }).click()

    await expect(page).toHaveURL(/\/admin\/roles\/[0-9a-f-]{36}$/)
    const url = new URL(page.url()).pathname
    await expect(page.getByText('Draft', { exact: true })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Qualifications' }).getByRole('textbox')).toHaveValue('Patience with flaky tests')

    await page.getByRole('button', { name: 'Move to trash' }).click()
    const dialog = page.getByRole('dialog', { name: 'Move this role to the trash?' })
    await dialog.getByRole('button', { name: 'Move to trash' }).click()
    await expect(page.getByText('In trash', { exact: true })).toBeVisible()
    await expect(saveButton(page)).toBeDisabled()

    await page.getByRole('button', { name: 'Delete for good' }).click()
    await page.getByRole('dialog', { name: 'Delete this role for good?' }).getByRole('button', { name: 'Delete for good' }).click()
    await expect(page).toHaveURL(/\/admin\/roles\?view=trash$/)
    await expect(page.getByText('E2E Platform Tester')).toHaveCount(0)
    const gone = await page.goto(url)
    expect(gone?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Role not found')
  })
})
