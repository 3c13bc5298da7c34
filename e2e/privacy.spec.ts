import { createUserWithCookie } from './session'
import { expect, test } from './test'

/**
 * Privacy on public pages: nothing is requested from anywhere but the site itself (no fonts,
 * scripts, images or beacons from third parties), no cookie but the site's own essential ones,
 * and the policy and terms one click away from every page and form.
 */
const pages = ['/', '/roles', '/roles/back-end-developer', '/trainers/apply', '/login', '/signup', '/privacy', '/terms']

test('public pages load nothing from other origins and set no non-essential cookies', async ({ page, baseURL, context }) => {
  const own = new URL(baseURL!).origin
  const offsite: string[] = []
  const seen = new Set<string>()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    seen.add(url.origin)
    if (url.origin !== own) offsite.push(`${page.url()} -> ${request.url()}`)
  })
  for (const path of pages) {
    const response = await page.goto(path, { waitUntil: 'networkidle' })
    expect(response?.status(), path).toBe(200)
  }
  expect(offsite).toEqual([])
  // The check saw the page's own requests (scripts, styles, images), so it could have failed.
  expect([...seen]).toEqual([own])
  // Only essential cookies: next-auth's CSRF and callback cookies at most, never analytics.
  const cookies = (await context.cookies()).map((c) => c.name)
  for (const name of cookies) expect(name, `cookie ${name}`).toMatch(/^(__Secure-|__Host-)?next-auth\./)
})

test('the privacy policy and terms are one click from the footer; forms say what submitting means', async ({ page }) => {
  await page.goto('/partnerships')
  const legal = page.getByRole('contentinfo').getByRole('list', { name: 'Legal' })
  await legal.getByRole('link', { name: 'Privacy policy' }).click()
  await expect(page).toHaveURL(/\/privacy$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'How long we keep it' })).toBeVisible()
  await expect(page.getByText('Newsletter sign-ups that are never confirmed: 30 days.')).toBeVisible()

  await page.getByRole('contentinfo').getByRole('list', { name: 'Legal' }).getByRole('link', { name: 'Terms' }).click()
  await expect(page).toHaveURL(/\/terms$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible()

  for (const path of ['/partnerships', '/demo', '/signup']) {
    await page.goto(path)
    const note = page.getByRole('main').getByTestId('form-legal-note')
    await expect(note, path).toContainText('By submitting you agree to our terms; see our privacy policy.')
    await expect(note.getByRole('link', { name: 'terms' })).toHaveAttribute('href', '/terms')
    await expect(note.getByRole('link', { name: 'privacy policy' })).toHaveAttribute('href', '/privacy')
  }
  // Sign-up turns alerts on (weekly): the form says so, in the words the consent record stores.
  await expect(page.getByRole('main').getByTestId('form-legal-note')).toContainText('We will email you new opportunities that match your profile once a week.')
  // The footer's newsletter form shows the opt-in wording its consent record stores.
  const newsletterNote = page.getByRole('contentinfo').getByTestId('form-legal-note')
  await expect(newsletterNote).toContainText('Send me the SkillsU newsletter by email. I can unsubscribe at any time with the link in every email.')
  await expect(newsletterNote.getByRole('link', { name: 'privacy policy' })).toHaveAttribute('href', '/privacy')

  expect((await page.goto('/privacy/anything'))?.status()).toBe(404)
})

test('the root 403/404 frame (outside the site layout) links the privacy policy and terms too', async ({ page, baseURL }) => {
  test.skip(!process.env.DATABASE_URL, 'needs PostgreSQL (DATABASE_URL) to make a signed-in user')
  const candidate = await createUserWithCookie('candidate')
  const [name, value] = candidate.cookie.split(/=(.*)/s)
  await page.context().addCookies([{ name: name!, value: value!, url: baseURL! }])
  expect((await page.goto('/admin'))?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1, name: 'This area is for the SkillsU team' })).toBeVisible()
  const footer = page.getByRole('contentinfo')
  // The small frame, not the site footer (which has the newsletter form).
  await expect(footer.getByRole('region', { name: 'Join our community' })).toHaveCount(0)
  await expect(footer.getByRole('link', { name: 'Privacy policy', exact: true })).toHaveAttribute('href', '/privacy')
  await footer.getByRole('link', { name: 'Terms', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible()
})
