import { createUserWithCookie } from './session'
import { expect, test, type Page } from './test'
import { needsDatabase, runId } from './attack-helpers'
import { expectInert, jsUrl, payloads, useCookie } from './xss-helpers'

/**
 * Stored XSS through the site settings an admin edits (a stolen admin session, a careless paste):
 * the hero, the privacy policy, the terms and the social links are shown as text on the public
 * pages. Site settings appear on every public page, so this runs in the admin-roles project
 * (after the admin journeys, which save settings too and count their audit rows) and puts the
 * settings back at the end.
 */
test.beforeEach(() => needsDatabase())

const saved = (page: Page) => page.getByRole('main').getByRole('status').filter({ hasText: 'The site settings were saved.' })
const fields = ['Site name', 'Eyebrow', 'Heading', 'Privacy policy', 'Terms'] as const
const heroText = (page: Page) => page.getByRole('textbox', { name: 'Text', exact: true })

async function openSettings(page: Page) {
  await page.goto('/admin/settings', { waitUntil: 'networkidle' })
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeEnabled()
}

test('site settings full of payloads are inert on the home page, /privacy, /terms and the settings form', async ({ page, browser }) => {
  test.setTimeout(150_000)
  const id = runId()
  const admin = await createUserWithCookie('admin')
  await useCookie(page, admin.cookie)
  await openSettings(page)
  const original = Object.fromEntries(await Promise.all(fields.map(async (f) => [f, await page.getByRole('textbox', { name: f, exact: true }).inputValue()] as const)))
  const originalText = await heroText(page).inputValue()
  const links = await page.getByRole('button', { name: /^Remove link \d+$/ }).count()

  const values = {
    'Site name': `XSS ${id} ${payloads.script}`,
    Eyebrow: payloads.svg,
    Heading: `XSS ${id} ${payloads.script}`,
    'Privacy policy': `Privacy ${id} ${payloads.script}\n\n## Heading ${payloads.img}\n- Item ${payloads.svg}\n- ${jsUrl}`,
    Terms: `Terms ${id} ${payloads.img}\n\n## ${payloads.script}\n- ${payloads.svg}`,
  }
  try {
    for (const f of fields) await page.getByRole('textbox', { name: f, exact: true }).fill(values[f])
    await heroText(page).fill(`Text ${payloads.img}\n${payloads.svg}`)
    // A link whose address tries to close the JSON-LD script it ends up in.
    await page.getByRole('button', { name: 'Add a social link' }).click()
    await page.getByRole('textbox', { name: `Link ${links + 1} label` }).fill(payloads.img)
    await page.getByRole('textbox', { name: `Link ${links + 1} address` }).fill('https://example.com/</script><script>window.__xss=1</script>')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(saved(page)).toBeVisible()

    await expectInert(page, '/admin/settings', null)

    // The public pages as a visitor sees them.
    const visitor = await browser.newContext()
    const pub = await visitor.newPage()
    await expectInert(pub, '/', `XSS ${id} ${payloads.script}`)
    await expect(pub.getByText(payloads.svg).first()).toBeVisible()
    const jsonLd = await pub.locator('script[type="application/ld+json"]').allTextContents()
    expect(jsonLd.join('\n'), 'the link is in the JSON-LD, its </script> escaped').toContain('window.__xss')
    for (const json of jsonLd) expect(json).not.toContain('</script>')
    await expectInert(pub, '/privacy', `Privacy ${id} ${payloads.script}`)
    await expect(pub.getByRole('heading', { name: `Heading ${payloads.img}` })).toBeVisible()
    await expect(pub.getByRole('listitem').filter({ hasText: jsUrl })).toBeVisible()
    await expectInert(pub, '/terms', `Terms ${id} ${payloads.img}`)
    await expect(pub.getByRole('heading', { name: payloads.script })).toBeVisible()
    await visitor.close()
  } finally {
    // Put the settings back for the journeys that run after this one.
    await openSettings(page)
    for (const f of fields) await page.getByRole('textbox', { name: f, exact: true }).fill(original[f]!)
    await heroText(page).fill(originalText)
    await page.getByRole('button', { name: `Remove link ${links + 1}` }).click()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(saved(page)).toBeVisible()
  }
})
