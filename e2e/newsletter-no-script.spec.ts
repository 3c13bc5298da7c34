import postgres from 'postgres'
import { expect, test } from './test'
import { canReadOutbox, latestLink } from './outbox'

const thanks = 'Thanks! Check your inbox and click the link in our email to confirm your subscription.'
const oneMoreStep = 'Almost there: check your address and press Subscribe again to sign up.'

async function statusOf(email: string): Promise<string | null> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    const rows = await sql<{ status: string }[]>`select status from newsletter_subscribers where email = ${email.toLowerCase()}`
    return rows[0]?.status ?? null
  } finally {
    await sql.end()
  }
}

/**
 * The newsletter form is a plain form posting to a server action, so it works with JavaScript off.
 * Without the browser-made guard fields, the first submit is answered with a signed ticket and the
 * second one, carrying it, subscribes (the fill time is measured from the ticket).
 */
test('a visitor without JavaScript subscribes in two submits, and sees a bad address explained', async ({ browser, baseURL, extraHTTPHeaders }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, extraHTTPHeaders })
  const page = await context.newPage()
  const footer = page.getByRole('contentinfo').getByRole('region', { name: 'Join our community' })
  const email = `noscript-${Date.now().toString(36)}@example.com`
  try {
    await page.goto('/programs')
    await footer.getByLabel('Email address').fill('not-an-address')
    await footer.getByRole('button', { name: 'Subscribe', exact: true }).click()
    await expect(footer.getByText('Enter a valid email address, like name@example.com.')).toBeVisible()
    await expect(footer.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true')
    await expect(footer.getByLabel('Email address')).toHaveValue('not-an-address')

    await footer.getByLabel('Email address').fill(email)
    await footer.getByRole('button', { name: 'Subscribe', exact: true }).click()
    await expect(footer.getByRole('status')).toHaveText(oneMoreStep)
    await expect(footer.getByLabel('Email address')).toHaveValue(email)
    if (canReadOutbox) expect(await statusOf(email)).toBeNull()

    // A person takes longer than the 2 s minimum to read and press again.
    await page.waitForTimeout(2_200)
    await footer.getByRole('button', { name: 'Subscribe', exact: true }).click()
    await expect(footer.getByRole('status')).toHaveText(thanks)
    if (canReadOutbox) {
      expect(await statusOf(email)).toBe('pending')
      expect(await latestLink(email, '/newsletter/confirm?token=')).toContain('/newsletter/confirm?token=')
    }
  } finally {
    await context.close()
  }
})
