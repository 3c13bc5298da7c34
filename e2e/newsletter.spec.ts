import { expect, test, type Locator, type Page } from './test'
import postgres from 'postgres'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { canReadOutbox, latestLink } from './outbox'

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
let counter = 0
const uniqueEmail = (label = 'reader') => `${label}-${runId}-${++counter}@example.com`
const thanks = 'Thanks! Check your inbox and click the link in our email to confirm your subscription.'

/** The newsletter status of an address, read from the database as the team would see it. */
async function statusOf(email: string): Promise<string | null> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    const rows = await sql<{ status: string }[]>`select status from newsletter_subscribers where email = ${email.toLowerCase()}`
    return rows[0]?.status ?? null
  } finally {
    await sql.end()
  }
}

const footerForm = (page: Page) => page.getByRole('contentinfo').getByRole('region', { name: 'Join our community' })

/** Fills and sends a sign-up form; a person takes longer than the 2 s minimum, so wait past it. */
async function subscribe(scope: Locator, email: string, { humanPace = true, asBot = false } = {}) {
  const button = scope.getByRole('button', { name: 'Subscribe', exact: true })
  await expect(button).toBeEnabled()
  await scope.getByLabel('Email address').fill(email)
  // A bot fills every input it finds, the hidden honeypot too (people never see it).
  if (asBot) await scope.locator('input[name="hp"]').fill('https://spam.example', { force: true })
  if (humanPace) await scope.page().waitForTimeout(2_200)
  await button.click()
}

test.describe('newsletter', () => {
  test('a visitor subscribes from the footer, confirms from the email and unsubscribes in one click', async ({ page }) => {
    const email = uniqueEmail()
    await page.goto('/roles')
    const footer = footerForm(page)
    await subscribe(footer, email)
    await expect(footer.getByRole('status')).toHaveText(thanks)
    await expect(footer.getByRole('button', { name: 'Subscribe another address' })).toBeVisible()

    test.skip(!canReadOutbox, 'needs PostgreSQL (DATABASE_URL) to read the outbox')
    expect(await statusOf(email)).toBe('pending')

    // Opening the link (as a mail scanner would) confirms nothing; the button does.
    await page.goto(await latestLink(email, '/newsletter/confirm?token='))
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm your subscription' })).toBeVisible()
    expect(await statusOf(email)).toBe('pending')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Confirm my subscription' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your subscription is confirmed. Welcome to the SkillsU community!')
    expect(await statusOf(email)).toBe('confirmed')
    // The same link again: already confirmed, not "invalid".
    await page.reload()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your subscription was already confirmed. You are on the list.')

    const unsubscribeLink = await latestLink(email, '/newsletter/unsubscribe?id=')
    await page.goto(unsubscribeLink)
    await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from the newsletter' })).toBeVisible()
    expect(await statusOf(email)).toBe('confirmed')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('You are unsubscribed. We will not send you the newsletter any more.')
    expect(await statusOf(email)).toBe('unsubscribed')
    // Idempotent: the link still answers the same.
    await page.reload()
    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('You are unsubscribed. We will not send you the newsletter any more.')

    // Subscribing again works, with a new confirmation link, from the form the page points to.
    const firstConfirm = await latestLink(email, '/newsletter/confirm?token=')
    await page.getByRole('link', { name: 'Subscribe again' }).click()
    await expect(page).toHaveURL(/#newsletter$/)
    await subscribe(footerForm(page), email)
    await expect(footerForm(page).getByRole('status')).toHaveText(thanks)
    expect(await statusOf(email)).toBe('pending')
    const secondConfirm = await latestLink(email, '/newsletter/confirm?token=')
    expect(secondConfirm).not.toBe(firstConfirm)
    await page.goto(secondConfirm)
    await page.getByRole('button', { name: 'Confirm my subscription' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your subscription is confirmed. Welcome to the SkillsU community!')
    expect(await statusOf(email)).toBe('confirmed')
  })

  test('a mail client unsubscribes with the RFC 8058 one-click POST, without a session', async ({ page, request }) => {
    test.skip(!canReadOutbox, 'needs PostgreSQL (DATABASE_URL) to read the outbox')
    const email = uniqueEmail('oneclick')
    await page.goto('/programs')
    await subscribe(footerForm(page), email)
    await expect(footerForm(page).getByRole('status')).toHaveText(thanks)
    await page.goto(await latestLink(email, '/newsletter/confirm?token='))
    await page.getByRole('button', { name: 'Confirm my subscription' }).click()
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your subscription is confirmed.')

    const link = new URL(await latestLink(email, '/newsletter/unsubscribe?id='), 'http://x')
    const endpoint = `/api/newsletter/unsubscribe${link.search}`
    const forged = await request.post(`/api/newsletter/unsubscribe?id=${link.searchParams.get('id')}&token=${'x'.repeat(43)}`, { form: { 'List-Unsubscribe': 'One-Click' } })
    expect(forged.status()).toBe(400)
    expect(await statusOf(email)).toBe('confirmed')
    const response = await request.post(endpoint, { form: { 'List-Unsubscribe': 'One-Click' } })
    expect(response.status()).toBe(200)
    expect(await statusOf(email)).toBe('unsubscribed')
    expect((await request.post(endpoint, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(200)
    // The address can come back.
    await page.goto('/programs')
    await subscribe(footerForm(page), email)
    await expect(footerForm(page).getByRole('status')).toHaveText(thanks)
    expect(await statusOf(email)).toBe('pending')
  })

  test('a broken or expired link says so and offers the sign-up again', async ({ page }) => {
    await page.goto(`/newsletter/confirm?token=${'A'.repeat(43)}`)
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('This confirmation link is not valid or has expired. Subscribe again and we will send you a new one.')
    await expect(page.getByRole('button', { name: 'Confirm my subscription' })).toHaveCount(0)
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Subscribe again' }).click()
    await expect(footerForm(page).getByLabel('Email address')).toBeInViewport()

    await page.goto('/newsletter/unsubscribe?id=00000000-0000-4000-8000-000000000000&token=forged')
    await expect(page.getByRole('main').getByRole('alert')).toContainText('This unsubscribe link is not valid.')
    await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0)
    await expectNoAxeViolations(page)
  })

  test('the home page has its own sign-up; a bot is thanked and nothing is stored; a bad address is explained', async ({ page }) => {
    await page.goto('/')
    const main = page.getByRole('main')
    // A bot that fills the honeypot is told the same thanks and nothing is kept. (The minimum fill
    // time is tested in lib/forms/guard.db.test.ts: in a browser on a busy machine it is a race.)
    const bot = uniqueEmail('bot')
    await subscribe(main, bot, { asBot: true })
    await expect(main.getByRole('status')).toHaveText(thanks)
    if (canReadOutbox) expect(await statusOf(bot)).toBeNull()
    await main.getByRole('button', { name: 'Subscribe another address' }).click()

    await expect(main.getByRole('heading', { level: 2, name: 'Join our community' })).toBeVisible()
    await expectNoAxeViolations(page)
    await expectHeadingsInOrder(page)

    await subscribe(main, 'not-an-address', { humanPace: false })
    await expect(main.getByText('Enter a valid email address, like name@example.com.')).toBeVisible()
    await expect(main.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true')

    const person = uniqueEmail('home')
    await subscribe(main, person)
    await expect(main.getByRole('status')).toHaveText(thanks)
    if (canReadOutbox) expect(await statusOf(person)).toBe('pending')
  })

  test('the footer form fits a 390 px phone and works there', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/programs')
    const footer = footerForm(page)
    await footer.scrollIntoViewIfNeeded()
    const input = footer.getByLabel('Email address')
    const button = footer.getByRole('button', { name: 'Subscribe', exact: true })
    await expect(input).toBeVisible()
    await expect(button).toBeVisible()
    // Nothing sticks out sideways, and the controls are comfortable to tap.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    for (const box of [await input.boundingBox(), await button.boundingBox()]) {
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(390)
      expect(box!.height).toBeGreaterThanOrEqual(44)
    }
    await subscribe(footer, uniqueEmail('phone'))
    await expect(footer.getByRole('status')).toHaveText(thanks)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})
