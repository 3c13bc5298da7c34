import { expect, test } from './test'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'

test.describe('browse roles', () => {
  test('from home to a role through search and filters', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Search roles' }).fill('python')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/roles\?q=python$/)
    await expect(page.getByRole('heading', { name: /roles? for “python”/ })).toBeVisible()
    // Filters follow the form once the page has hydrated (before that, the Search button submits).
    await page.waitForLoadState('networkidle')

    await page.getByLabel('Category').selectOption('data-ai')
    await expect(page).toHaveURL(/category=data-ai/)
    await expect(page.getByRole('heading', { name: /\d+ roles? for “python”/ })).toBeVisible()
    const results = page.getByRole('list', { name: /roles? for/ })
    await expect(results.getByRole('link', { name: 'Data Engineer', exact: true })).toBeVisible()
    await expect(results.getByRole('link', { name: 'Back-End Developer', exact: true })).toHaveCount(0)

    await page.getByLabel('Sort by').selectOption('salary')
    await expect(page).toHaveURL(/sort=salary/)
    const salaries = await results.locator('dd').filter({ hasText: '$' }).allInnerTexts()
    const numbers = salaries.map((s) => Number(s.replace(/\D/g, '')))
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a))

    // The back button restores the previous state; the URL is the state.
    await page.goBack()
    await expect(page).not.toHaveURL(/sort=salary/)

    await results.getByRole('link', { name: 'Data Engineer', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Data Engineer' })).toBeVisible()
  })

  test('updates as you type, with prefixes ("micro" finds microservices)', async ({ page }) => {
    await page.goto('/roles', { waitUntil: 'networkidle' })
    await page.getByRole('searchbox', { name: 'Search roles and skills' }).pressSequentially('micro', { delay: 40 })
    await expect(page).toHaveURL(/\/roles\?q=micro$/)
    await expect(page.getByRole('link', { name: 'Back-End Developer', exact: true })).toBeVisible()
  })

  test('keeps what you type while the first search loads (the form is replaced by the search page)', async ({ page }) => {
    await page.goto('/roles', { waitUntil: 'networkidle' })
    const box = page.getByRole('searchbox', { name: 'Search roles and skills' })
    await box.pressSequentially('mi')
    // A pause longer than the typing delay: the first search leaves the plain catalogue while the
    // visitor goes on typing into whatever has the focus.
    await page.waitForTimeout(400)
    await page.keyboard.type('cro', { delay: 80 })
    await expect(page).toHaveURL(/\/roles\?q=micro$/)
    await expect(box).toHaveValue('micro')
    await expect(box).toBeFocused()
    await expect(page.getByRole('link', { name: 'Back-End Developer', exact: true })).toBeVisible()
  })

  test('works without JavaScript as a GET form', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/roles')
    await page.getByRole('searchbox', { name: 'Search roles and skills' }).fill('kubernetes')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/q=kubernetes/)
    await expect(page.getByRole('link', { name: 'DevOps Engineer', exact: true })).toBeVisible()
    await context.close()
  })

  test('no results: says so and suggests the closest roles', async ({ page }) => {
    await page.goto('/roles?q=python%20zzzqqq')
    await expect(page.getByText('No roles match “python zzzqqq”.')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Closest roles' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'clear the search and filters' })).toHaveAttribute('href', '/roles')
  })

  test('paginates, and explains bad page numbers and unknown filters', async ({ page }) => {
    await page.goto('/roles')
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeVisible()
    await page.getByRole('link', { name: 'Page 2' }).click()
    await expect(page).toHaveURL(/page=2/)
    await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page')

    for (const [url, message] of [
      ['/roles?page=abc', 'There is no page "abc"'],
      ['/roles?page=500', 'There is no page 500'],
      ['/roles?category=underwater-basket-weaving', 'That category does not exist'],
      ['/roles?minSalary=lots', 'must be a whole number'],
    ] as const) {
      const response = await page.goto(url)
      expect(response?.status(), url).toBe(200)
      await expect(page.getByText(message)).toBeVisible()
    }
  })

  test('hostile search input never breaks the page', async ({ request }) => {
    const inputs = ['"', "a & | ! :* b", 'x'.repeat(2000), '😀', "' or 1=1; drop table roles; --", '%ED%A0%80', '<script>alert(1)</script>']
    for (const q of inputs) {
      const url = q.startsWith('%') ? `/roles?q=${q}` : `/roles?q=${encodeURIComponent(q)}`
      const response = await request.get(url)
      expect(response.status(), q.slice(0, 30)).toBe(200)
      expect(await response.text()).not.toContain('<script>alert(1)</script>')
    }
    expect((await request.get('/roles/%ED%A0%80')).status()).toBe(400)
  })

  test('the catalogue is served from the cache; searches are rendered per request', async ({ request }) => {
    await request.get('/roles')
    expect((await request.get('/roles')).headers()['x-nextjs-cache']).toBe('HIT')
    expect((await request.get('/roles?q=api')).headers()['x-nextjs-cache']).toBeUndefined()
  })
})

test.describe('the Back-End Developer page', () => {
  test('has every section in the seed order, with the seed figures', async ({ page }) => {
    const response = await page.goto('/roles/back-end-developer')
    expect(response?.status()).toBe(200)
    const h2 = await page.locator('main h2').allInnerTexts()
    const order = [
      'Role overview',
      'Roles and responsibilities',
      'Typical required skills and qualifications',
      'Emerging trends',
      'In-demand skills',
      'Industry expansion',
      'Demand overview',
      'Salary insights',
      'Interested in this role?',
    ]
    expect(h2.filter((h) => order.includes(h))).toEqual(order)
    for (const title of ['Server-Side Logic Development', 'Database Management', 'API Integration', 'Security Implementation', 'Testing and Debugging', 'Performance Optimization', 'Version Control Collaboration']) {
      await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible()
    }
    const main = page.getByRole('main')
    for (const figure of ['+18%', '$110,000', '$95,000', '$145,000', '2.5', '+12%', 'New York City', 'San Francisco', 'Silicon Valley', 'Seattle', 'Austin', '2023', '2030']) {
      await expect(main.getByText(figure, { exact: false }).first(), figure).toBeVisible()
    }
    // The skills chart is a list, read as text: 85% / 75% / 40% of postings.
    const skillsChart = page.getByRole('figure', { name: /share of job postings/i }).getByRole('listitem')
    for (const [skill, share] of [['Python', '85%'], ['Java', '85%'], ['MySQL', '75%'], ['MongoDB', '75%'], ['Microservices', '40%'], ['Cloud Computing', '40%']]) {
      await expect(skillsChart.filter({ hasText: new RegExp(`^${skill}(Emerging)?${share}$`) })).toHaveCount(1)
    }
    await expect(page.getByText(/Figures last reviewed October 15, 2026; sources:/)).toBeVisible()
    await expect(page.getByRole('link', { name: 'Create your free profile' }).first()).toHaveAttribute('href', '/signup?role=back-end-developer')
    await expect(page.getByRole('heading', { name: 'Related roles' })).toBeVisible()
  })

  test('carries valid structured data and metadata', async ({ page }) => {
    await page.goto('/roles/back-end-developer')
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
    const data = blocks.map((b) => JSON.parse(b) as Record<string, unknown>)
    const occupation = data.find((d) => d['@type'] === 'Occupation')!
    expect(occupation).toMatchObject({ '@context': 'https://schema.org', name: 'Back-End Developer' })
    expect(JSON.stringify(occupation.estimatedSalary)).toContain('"median":110000')
    expect(data.some((d) => d['@type'] === 'BreadcrumbList')).toBe(true)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/roles\/back-end-developer$/)
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content')
    const image = await page.request.get(ogImage!)
    expect(image.status()).toBe(200)
    expect(image.headers()['content-type']).toBe('image/png')
  })

  test('compares with a related role', async ({ page }) => {
    await page.goto('/roles/back-end-developer')
    await page.getByRole('link', { name: /^Compare with / }).first().click()
    await expect(page).toHaveURL(/\/roles\/compare\?roles=back-end-developer,/)
    await expect(page.getByRole('heading', { level: 1, name: /^Back-End Developer vs / })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Salary ranges' })).toBeVisible()
    await expect(page.getByRole('heading', { name: /Shared by both/ })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Only Back-End Developer' })).toBeVisible()
  })
})

test.describe('compare', () => {
  test('two or three roles; a clear message for one or five', async ({ page }) => {
    await page.goto('/roles/compare?roles=back-end-developer,data-engineer,devops-engineer')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Back-End Developer vs Data Engineer vs DevOps Engineer')
    await expect(page.getByRole('heading', { name: 'Shared by all three' })).toBeVisible()

    await page.goto('/roles/compare?roles=back-end-developer')
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Pick at least two roles')
    await page.getByLabel('Role 2').selectOption('data-scientist')
    await page.getByRole('button', { name: 'Compare' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Back-End Developer vs Data Scientist')

    await page.goto('/roles/compare?roles=a-role,b-role,c-role,d-role,e-role')
    await expect(page.getByRole('main').getByRole('alert')).toContainText('up to 3 roles')
    await page.goto('/roles/compare?roles=back-end-developer,blockchain-developer')
    await expect(page.getByRole('main').getByRole('alert')).toContainText('could not find “blockchain-developer”')
  })
})

test.describe('compare pickers', () => {
  test('offer a capped list, and find any role by a search that keeps the picked ones', async ({ page }) => {
    await page.goto('/roles/compare?roles=back-end-developer')
    await expect(page.getByText(/first 50 roles by title/)).toBeVisible()
    await page.getByRole('searchbox', { name: 'Find roles to compare' }).fill('kubernetes')
    await page.getByRole('button', { name: 'Find roles' }).click()
    await expect(page).toHaveURL(/[?&]q=kubernetes/)
    await expect(page.getByText(/matching “kubernetes”/)).toBeVisible()
    await expect(page.getByLabel('Role 1')).toHaveValue('back-end-developer')
    await expect(page.getByLabel('Role 2').locator('option[value="devops-engineer"]')).toHaveCount(1)
    await expect(page.getByLabel('Role 2').locator('option[value="product-designer"]')).toHaveCount(0)
    await page.getByLabel('Role 2').selectOption('devops-engineer')
    await page.getByRole('button', { name: 'Compare' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Back-End Developer vs DevOps Engineer')
  })
})

test.describe('search engines', () => {
  test('the sitemap lists published roles only, and robots.txt points to it', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text()
    expect(xml).toContain('/roles/back-end-developer</loc>')
    expect(xml).toContain('/roles/data-engineer</loc>')
    expect(xml).not.toContain('blockchain-developer')
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}/)
    const robots = await (await request.get('/robots.txt')).text()
    expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/)
    expect(robots).toContain('Disallow: /admin')
  })

  test('a draft role is a 404 over plain HTTP', async ({ request }) => {
    expect((await request.get('/roles/blockchain-developer')).status()).toBe(404)
    expect((await request.get('/roles/browse/everything')).status()).toBe(404)
  })
})

test.describe('accessibility and layout', () => {
  const pages = ['/', '/roles', '/roles/back-end-developer', '/roles/compare?roles=back-end-developer,data-engineer', '/no-such-page']
  for (const path of pages) {
    test(`axe finds nothing on ${path}; headings are in order`, async ({ page }) => {
      await page.goto(path)
      await expectNoAxeViolations(page)
      await expectHeadingsInOrder(page)
    })
  }

  test('every control is reachable by keyboard with a visible focus ring', async ({ page }) => {
    await page.goto('/roles')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
    const seen = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const style = getComputedStyle(el)
        return { name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName, outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow }
      })
      seen.add(outline.name)
      expect(outline.outline !== 'none' || outline.shadow !== 'none', `no focus indicator on ${outline.name}`).toBe(true)
    }
    expect(seen.size).toBeGreaterThan(5)
  })

  for (const [name, viewport] of [
    ['phone', { width: 360, height: 800 }],
    ['desktop', { width: 1440, height: 900 }],
  ] as const) {
    test(`public pages fit a ${name} (screenshots kept)`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport)
      for (const path of pages) {
        await page.goto(path)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${path} scrolls sideways on a ${name}`).toBeLessThanOrEqual(0)
        const file = `${name}-${path.replace(/[^a-z0-9]+/gi, '_')}.png`
        await page.screenshot({ fullPage: true, path: testInfo.outputPath(file) })
      }
    })
  }
})
