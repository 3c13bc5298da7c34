import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test, type Browser } from '@playwright/test'
import postgres from 'postgres'
import { expectNoAxeViolations } from './helpers'
import { canReadOutbox, latestLink } from './outbox'
import { e2eAuthSecret } from '../playwright.config'
import { signIn, signInAsAdmin } from './auth'

const run = promisify(execFile)
const password = 'blue-harbour-lantern-42'
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** An editor's journey in a browser of its own: create the opportunity for Back-End Developer, then publish it. */
async function publishOpportunity(browser: Browser, title: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInAsAdmin(page, '/admin/opportunities')
  // Forms follow react-hook-form once hydrated; typing before that would be lost.
  await page.goto('/admin/opportunities/new', { waitUntil: 'networkidle' })
  await page.getByLabel('Job title').fill(title)
  await page.getByLabel('Company', { exact: true }).selectOption({ label: 'Accenture' })
  await page.getByLabel('Related role').selectOption({ label: 'Back-End Developer' })
  await page.getByLabel('Location').fill('Porto, Portugal')
  await page.getByLabel('Short description').fill('Build and run APIs.')
  await page.getByLabel('Listed until').fill(inDays(30))
  await page.getByLabel('Apply URL').fill(`https://example.com/jobs/${encodeURIComponent(title)}`)
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page).toHaveURL(/\/admin\/opportunities\/[0-9a-f-]{36}$/)
  await page.getByRole('button', { name: `Publish “${title}”` }).click()
  await expect(page.getByRole('status').filter({ hasText: `“${title}” published.` })).toBeVisible()
  await context.close()
}

/** The digest queued for `to`, read from the outbox as the sender would. */
async function digestFor(to: string) {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    return await sql<{ subject: string; text_body: string; headers: Record<string, string>; category: string }[]>`
      select subject, text_body, headers, category from email_outbox where to_address = ${to.toLowerCase()} and kind = 'opportunity-digest' order by created_at`
  } finally {
    await sql.end()
  }
}

test.describe('opportunity alerts', () => {
  test.describe.configure({ timeout: 180_000 })

  test('an editor publishes an opportunity; the matching candidate gets it in a digest and unsubscribes in one click', async ({ page, browser, baseURL }) => {
    // The server holds the embedded database; the digest job runs here as a second process, which needs PostgreSQL.
    test.skip(!canReadOutbox || !process.env.DATABASE_URL, 'needs PostgreSQL (DATABASE_URL) to run the digest job beside the server')
    const id = stamp()
    const email = `alerts-${id}@example.com`
    const title = `E2E Alert Back-End Engineer ${id}`

    // A candidate signs up, aims for Back-End Developer and wants weekly alerts.
    await page.goto('/signup')
    await page.getByLabel('Your name').fill('Alex Alerts')
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Check your inbox' })).toBeVisible()
    await signIn(page, email, password, '/dashboard/profile')
    await page.waitForLoadState('networkidle')
    await page.getByRole('checkbox', { name: 'Back-End Developer', exact: true }).check()
    await page.getByRole('button', { name: 'Save profile' }).click()
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Your profile was saved.' })).toBeVisible()
    await page.goto('/dashboard', { waitUntil: 'networkidle' })
    const alerts = page.getByRole('region', { name: 'Opportunity alerts' })
    await alerts.getByLabel('Email me new opportunities').selectOption('weekly')
    await alerts.getByRole('button', { name: 'Save alert settings' }).click()
    await expect(alerts.getByRole('status')).toBeVisible()

    // An editor publishes a new opportunity for that role.
    await publishOpportunity(browser, title)

    // Digests go to confirmed addresses only: confirm it now.
    await page.goto(await latestLink(email, '/verify-email?token='))
    await page.getByRole('button', { name: 'Confirm my email address' }).click()
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Your email address is confirmed.' })).toBeVisible()

    // `npm run alerts:send -- --dry-run` tells who would get what and writes nothing (unless the
    // server's own scheduler, every 15 minutes, has just sent this candidate's digest).
    if ((await digestFor(email)).length === 0) {
      const dry = await run('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/alerts.ts', '--dry-run'], {
        env: { ...process.env, SITE_URL: baseURL!, NEXTAUTH_SECRET: e2eAuthSecret, NODE_ENV: 'development' },
        timeout: 120_000,
      })
      expect(dry.stdout).toContain(`${email} · weekly ·`)
      expect(dry.stdout).toContain(`- ${title} (Accenture): Matches your target role Back-End Developer`)
      expect(await digestFor(email)).toHaveLength(0)
    }

    // The digest job, as `npm run alerts:send` runs it, against the server's database. The
    // server's own scheduler may get there first: either way there is exactly one digest.
    const script = await run('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/alerts.ts'], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, SITE_URL: baseURL!, NEXTAUTH_SECRET: e2eAuthSecret, NODE_ENV: 'development' },
      timeout: 120_000,
    })
    expect(script.stdout).toMatch(/candidate\(s\) due/)
    const digests = await digestFor(email)
    expect(digests).toHaveLength(1)
    expect(digests[0]!.category).toBe('marketing')
    expect(digests[0]!.subject).toBe(`New opportunity for you: ${title}`)
    expect(digests[0]!.text_body).toContain(`${title} (Accenture · Porto, Portugal). Matches your target role Back-End Developer.`)
    expect(digests[0]!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(digests[0]!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/alerts\/unsubscribe\?u=[0-9a-f-]{36}&token=[\w-]{43}>$/)

    // A second run sends nothing more.
    await run('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/alerts.ts'], {
      env: { ...process.env, SITE_URL: baseURL!, NEXTAUTH_SECRET: e2eAuthSecret, NODE_ENV: 'development' },
      timeout: 120_000,
    })
    expect(await digestFor(email)).toHaveLength(1)

    // The candidate follows the unsubscribe link in the email: a page with a button (opening it changes nothing).
    await page.context().clearCookies()
    await page.goto(await latestLink(email, '/alerts/unsubscribe?u='))
    await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from opportunity alerts' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Turn off opportunity alerts' }).click()
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Opportunity alerts are off. We will not email you new opportunities any more.' })).toBeVisible()
    await expectNoAxeViolations(page)

    // Back in the dashboard, the settings say alerts are off.
    await expect(page.getByRole('link', { name: 'Alert settings in your dashboard' })).toHaveAttribute('href', '/dashboard#alerts')
    await signIn(page, email, password, '/dashboard')
    await expect(page.getByRole('region', { name: 'Opportunity alerts' }).getByLabel('Email me new opportunities')).toHaveValue('off')

    // A forged link shows no button.
    await page.goto('/alerts/unsubscribe?u=00000000-0000-4000-8000-000000000000&token=' + 'A'.repeat(43))
    await expect(page.getByRole('main').getByRole('alert')).toContainText('This unsubscribe link is not valid.')
    await expect(page.getByRole('button', { name: 'Turn off opportunity alerts' })).toHaveCount(0)
  })

  test('the unsubscribe page fits a phone and is accessible with a bad link', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto('/alerts/unsubscribe?u=nope&token=nope')
    await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from opportunity alerts' })).toBeVisible()
    await expect(page.getByRole('main').getByRole('alert')).toContainText('This unsubscribe link is not valid.')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectNoAxeViolations(page)
  })
})
