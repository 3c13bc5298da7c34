import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from './test'
import sharp from 'sharp'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { signIn, signInAsAdmin } from './auth'

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

/** A small PNG written to a temp file, as a person would pick it from disk. */
async function pngOnDisk(name: string, width: number, height: number, colour: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-logo-'))
  const file = path.join(dir, name)
  await sharp({ create: { width, height, channels: 4, background: colour } }).png().toFile(file)
  return file
}

const partnerStrip = (page: Page) => page.getByRole('region', { name: /leading companies/ })

test.describe('admin: partners', () => {
  test('an admin adds a partner with a logo, it shows on the home page, and hiding it takes it off', async ({ page }) => {
    const name = `Orbit Analytics ${runId}`
    const logoFile = await pngOnDisk('orbit.png', 300, 150, '#0e7490')
    await signInAsAdmin(page, '/dashboard')

    // The home page is rendered and cached before the change: the action must refresh it.
    await page.goto('/')
    await expect(partnerStrip(page).getByRole('img', { name: 'Accenture logo' })).toBeVisible()
    await expect(partnerStrip(page).getByRole('img', { name: `${name} logo` })).toHaveCount(0)

    await page.goto('/admin/partners')
    await page.getByRole('link', { name: 'Add a partner' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Add a partner' })).toBeVisible()
    await page.getByLabel('Name').fill(name)
    await page.getByLabel('Website').fill('http://orbit.example.com')
    await page.getByLabel('Logo').setInputFiles(logoFile)
    await page.getByRole('button', { name: 'Add partner' }).click()
    // Plain http is refused by the field, before anything is sent.
    await expect(page.getByText('Enter a full address starting with https://')).toBeVisible()
    await page.getByLabel('Website').fill('https://orbit.example.com')
    await page.getByRole('button', { name: 'Add partner' }).click()

    await expect(page).toHaveURL(/\/admin\/partners$/)
    await expect(page.getByRole('status').filter({ hasText: `${name} was added.` })).toBeVisible()
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })
    await expect(row.getByText('Visible')).toBeVisible()
    await expect(row.getByRole('link', { name: /orbit\.example\.com/ })).toHaveAttribute('href', 'https://orbit.example.com')

    await page.goto('/')
    const logo = partnerStrip(page).getByRole('img', { name: `${name} logo` })
    await expect(logo).toBeVisible()
    await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).naturalHeight)).toBe(96)
    const served = await page.request.get((await logo.getAttribute('src'))!)
    expect(served.status()).toBe(200)
    expect(served.headers()['content-type']).toBe('image/webp')
    const meta = await sharp(await served.body()).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 192, 96])

    await page.goto('/admin/partners')
    await page.getByRole('button', { name: `Hide ${name} from the site` }).click()
    await expect(row.getByText('Hidden')).toBeVisible()
    await expect(page.getByRole('button', { name: `Show ${name} on the site` })).toBeVisible()
    await page.goto('/')
    await expect(partnerStrip(page).getByRole('img', { name: 'Accenture logo' })).toBeVisible()
    await expect(partnerStrip(page).getByRole('img', { name: `${name} logo` })).toHaveCount(0)
  })

  test('the edit form refuses a file that is not an image, by the field', async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-logo-'))
    const fake = path.join(dir, 'logo.png')
    fs.writeFileSync(fake, '<!doctype html><script>alert(1)</script>')
    await signInAsAdmin(page, '/dashboard')
    await page.goto('/admin/partners')
    await page.getByRole('link', { name: 'Edit KPMG' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Edit KPMG' })).toBeVisible()
    await expect(page.getByRole('img', { name: 'KPMG logo' })).toBeVisible()
    await page.getByLabel('Replace the logo').setInputFiles(fake)
    await page.getByRole('button', { name: 'Save partner' }).click()
    await expect(page.getByText('Upload a PNG, JPEG or WebP image')).toBeVisible()
    await expect(page.getByLabel('Replace the logo')).toHaveAttribute('aria-invalid', 'true')
    await expect(page).toHaveURL(/\/admin\/partners\/[0-9a-f-]{36}$/)
  })

  test('partners can be reordered with the keyboard and the mouse', async ({ page }) => {
    await signInAsAdmin(page, '/dashboard')
    await page.goto('/admin/partners')
    const names = () => page.getByRole('rowheader').allTextContents()
    const before = await names()
    const second = before[1]!

    // Keyboard: the focus follows the partner to its new row.
    await page.getByRole('button', { name: `Move ${second} up` }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(names).toEqual([second, before[0], ...before.slice(2)])
    // Now first, so "up" is disabled and the focus moved to "down".
    await expect(page.getByRole('button', { name: `Move ${second} up` })).toBeDisabled()
    await expect(page.getByRole('button', { name: `Move ${second} down` })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect.poll(names).toEqual(before)
    await expect(page.getByRole('button', { name: `Move ${second} down` })).toBeFocused()

    // Mouse.
    await page.getByRole('button', { name: `Move ${before[0]} down` }).click()
    await expect.poll(names).toEqual([second, before[0], ...before.slice(2)])
    await page.getByRole('button', { name: `Move ${before[0]} up` }).click()
    await expect.poll(names).toEqual(before)
  })

  test('trash, restore, and permanent delete from the trash', async ({ page }) => {
    const name = `Trashable Ltd ${runId}`
    await signInAsAdmin(page, '/dashboard')
    await page.goto('/admin/partners/new')
    await page.getByLabel('Name').fill(name)
    // Hidden from the start, so the public strip never shows it.
    await page.getByLabel('Show on the site').uncheck()
    await page.getByRole('button', { name: 'Add partner' }).click()
    await expect(page).toHaveURL(/\/admin\/partners$/)

    await page.getByRole('button', { name: `Move to trash ${name}` }).click()
    await expect(page.getByRole('rowheader', { name })).toHaveCount(0)
    await page.getByRole('link', { name: /^Trash \(\d+\)$/ }).click()
    await expect(page).toHaveURL(/\?view=trash$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Partners in the trash' })).toBeVisible()
    await page.getByRole('button', { name: `Restore ${name}` }).click()
    await expect(page.getByRole('rowheader', { name })).toHaveCount(0)
    await page.goto('/admin/partners')
    await expect(page.getByRole('rowheader', { name })).toBeVisible()

    await page.getByRole('button', { name: `Move to trash ${name}` }).click()
    await expect(page.getByRole('rowheader', { name })).toHaveCount(0)
    await page.goto('/admin/partners?view=trash')
    await page.getByRole('button', { name: `Delete permanently ${name}` }).click()
    const dialog = page.getByRole('dialog', { name: `Delete ${name} permanently?` })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Delete permanently' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: `${name} was deleted permanently.` })).toBeVisible()
    await expect(page.getByRole('rowheader', { name })).toHaveCount(0)
  })

  test('a candidate who opens /admin/partners gets the 403 page', async ({ page }) => {
    const email = `partners-cand-${runId}@example.com`
    const password = 'blue-harbour-lantern-42'
    await page.goto('/signup')
    await page.getByLabel('Your name').fill('Casey Candidate')
    await page.getByRole('main').getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(page.getByRole('main').getByRole('status')).toContainText('Check your inbox')
    await signIn(page, email, password)

    for (const url of ['/admin/partners', '/admin/partners/new', '/admin/partners?view=trash']) {
      const response = await page.goto(url)
      expect(response?.status(), url).toBe(403)
      await expect(page.getByRole('heading', { level: 1, name: 'This area is for the SkillsU team' })).toBeVisible()
      await expect(page.getByRole('button', { name: /Move .* up/ })).toHaveCount(0)
    }
  })

  test('anonymous visitors are sent to sign in', async ({ page }) => {
    await page.goto('/admin/partners')
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/)
  })

  test('the partner pages are accessible', async ({ page }) => {
    await signInAsAdmin(page, '/dashboard')
    for (const url of ['/admin/partners', '/admin/partners?view=trash', '/admin/partners/new']) {
      await page.goto(url)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectHeadingsInOrder(page)
      await expectNoAxeViolations(page)
    }
    await page.goto('/admin/partners')
    await page.getByRole('link', { name: 'Edit Accenture' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /^Edit Accenture/ })).toBeVisible()
    await expectNoAxeViolations(page)
    // Narrow phones: the table scrolls inside its own region, the page itself does not.
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto('/admin/partners')
    await expectNoAxeViolations(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  })
})
