import fs from 'node:fs'
import { expect, test, type Page } from './test'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { canReadOutbox, latestLink } from './outbox'
import { signInAsAdmin } from './auth'

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

async function subscribeFromFooter(page: Page, email: string) {
  await page.goto('/roles')
  const footer = page.getByRole('contentinfo').getByRole('region', { name: 'Join our community' })
  await expect(footer.getByRole('button', { name: 'Subscribe', exact: true })).toBeEnabled()
  await footer.getByLabel('Email address').fill(email)
  await page.waitForTimeout(2_200)
  await footer.getByRole('button', { name: 'Subscribe', exact: true }).click()
  await expect(footer.getByRole('status')).toContainText('Check your inbox')
}

const row = (page: Page, email: string) => page.getByRole('row', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) })

test.describe('admin: newsletter', () => {
  test('an admin sees an address pending, then confirmed, then unsubscribed, and downloads the list', async ({ page, request }) => {
    const email = `news-${runId}@example.com`
    await subscribeFromFooter(page, email)

    await signInAsAdmin(page, '/dashboard')
    await page.goto(`/admin/newsletter?q=${encodeURIComponent(email)}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Newsletter' })).toBeVisible()
    await expect(row(page, email).getByText('Pending confirmation')).toBeVisible()
    await expect(page.getByText('1 address match these filters')).toBeVisible()
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)

    test.skip(!canReadOutbox, 'needs PostgreSQL (DATABASE_URL) to read the outbox')
    const subscribersBefore = Number(await page.getByTestId('count-confirmed').innerText())
    await page.goto(await latestLink(email, '/newsletter/confirm?token='))
    await page.getByRole('button', { name: 'Confirm my subscription' }).click()
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your subscription is confirmed.')

    await page.goto(`/admin/newsletter?q=${encodeURIComponent(email)}&status=confirmed`)
    await expect(row(page, email).getByText('Subscriber', { exact: true })).toBeVisible()
    // At least this one more (other journeys may confirm addresses at the same time).
    expect(Number(await page.getByTestId('count-confirmed').innerText())).toBeGreaterThanOrEqual(subscribersBefore + 1)

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download CSV (filtered)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^newsletter-confirmed-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync((await file.path())!, 'utf8')
    expect(csv).toContain('Email,Status,Source')
    expect(csv).toContain(`${email},Subscriber,footer,`)

    // One click from a mail client: no session, no CSRF token.
    const link = new URL(await latestLink(email, '/newsletter/unsubscribe?id='), 'http://x')
    const response = await request.post(`/api/newsletter/unsubscribe${link.search}`, { form: { 'List-Unsubscribe': 'One-Click' } })
    expect(response.status()).toBe(200)

    await page.goto(`/admin/newsletter?q=${encodeURIComponent(email)}`)
    await expect(row(page, email).getByText('Unsubscribed')).toBeVisible()
    await page.getByLabel('Status', { exact: true }).selectOption('confirmed')
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect(page.getByText('No addresses match. Try another search or clear the filters.')).toBeVisible()
  })

  test('the CSV download is refused without an admin session', async ({ request }) => {
    const response = await request.get('/api/admin/newsletter/export')
    expect(response.status()).toBe(401)
  })
})
