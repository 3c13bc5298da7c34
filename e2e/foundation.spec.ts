import { expect, test } from './test'

test.describe('foundation', () => {
  test('the home page lists the seeded roles and partners', async ({ page }) => {
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const roles = page.getByRole('region', { name: 'Explore career roles' })
    for (const title of ['Back-End Developer', 'Front-End Developer', 'Data Engineer', 'DevOps Engineer', 'Security Analyst', 'Product Designer']) {
      await expect(roles.getByRole('link', { name: title, exact: true })).toBeVisible()
    }
    // Drafts never reach the public.
    await expect(page.getByText('Blockchain Developer')).toHaveCount(0)
    const partners = page.getByRole('region', { name: /leading companies/ })
    await expect(partners.getByRole('img')).toHaveCount(9)
    await expect(partners.getByRole('img', { name: 'Accenture logo' })).toBeVisible()
    // Every logo actually decoded (served from /media with an image type).
    await partners.scrollIntoViewIfNeeded()
    await expect
      .poll(() => partners.getByRole('img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length))
      .toBe(9)
  })

  test('/api/health answers 200 with the database up', async ({ request }) => {
    const response = await request.get('/api/health')
    expect(response.status()).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' })
  })

  test('the seed role page shows its title and figures', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Back-End Developer', exact: true }).click()
    await expect(page).toHaveURL(/\/roles\/back-end-developer$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Back-End Developer' })).toBeVisible()
    await expect(page).toHaveTitle(/Back-End Developer/)
    await expect(page.getByText('$110,000', { exact: false }).first()).toBeVisible()
  })

  test('unknown paths and draft roles are real 404s', async ({ request, page }) => {
    expect((await request.get('/roles/blockchain-developer')).status()).toBe(404)
    expect((await request.get('/roles/no-such-role')).status()).toBe(404)
    expect((await request.get('/no/such/page')).status()).toBe(404)
    await page.goto('/no/such/page')
    await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible()
  })

  test('partner logos are served with their type, nosniff and immutable caching', async ({ page, request }) => {
    await page.goto('/')
    const src = await page.getByRole('img', { name: 'Accenture logo' }).getAttribute('src')
    const response = await request.get(src!)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('image/webp')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect(response.headers()['cache-control']).toContain('immutable')
    expect((await request.get('/media/not-a-uuid')).status()).toBe(404)
  })

  for (const [name, viewport] of [
    ['phone', { width: 360, height: 800 }],
    ['desktop', { width: 1440, height: 900 }],
  ] as const) {
    test(`home and role page render without horizontal scrolling on a ${name}`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport)
      for (const path of ['/', '/roles/back-end-developer']) {
        await page.goto(path)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${path} scrolls sideways on a ${name}`).toBeLessThanOrEqual(0)
        await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}${path.replaceAll('/', '_')}.png`) })
      }
    })
  }

  test('a body larger than any upload is refused early with a real 413, and a normal page still works', async ({ request }) => {
    const big = Buffer.alloc(7 * 1024 * 1024, 0x61)
    for (const path of ['/trainers/apply', '/partnerships', '/api/newsletter/unsubscribe']) {
      const response = await request.post(path, { data: big, headers: { 'content-type': 'application/octet-stream' } })
      expect(response.status(), path).toBe(413)
    }
    expect((await request.get('/partnerships')).status()).toBe(200)
  })
})
