import fs from 'node:fs'
import { expect, test, type Page } from './test'
import postgres from 'postgres'
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers'
import { canReadOutbox } from './outbox'
import { signInAsAdmin } from './auth'

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
const partnerCompany = `Northwind Learning ${runId}`
const demoCompany = `Contoso Analytics ${runId}`
const botCompany = `Too Fast Bot ${runId}`
const partnerEmail = `ada.${runId}@example.com`
const demoEmail = `grace.${runId}@example.com`
/** The public forms refuse (silently) anything sent sooner than this after they are shown. */
const minimumFillMs = 4_000

/** Waits until the form has been shown for longer than a person needs at least. */
async function waitPastMinimum(shownAt: number) {
  const left = shownAt + minimumFillMs + 600 - Date.now()
  if (left > 0) await new Promise((r) => setTimeout(r, left))
}

/** Mail the app queued for an address (subject and text), read from the outbox table. */
async function mailTo(to: string, timeoutMs = 10_000) {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const rows = await sql<{ subject: string; text_body: string }[]>`select subject, text_body from email_outbox where to_address = ${to.toLowerCase()} order by created_at`
      if (rows.length || Date.now() > deadline) return rows
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    await sql.end()
  }
}

async function expectFitsWidth(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(width)
}

/** A date `days` from today (UTC), as a date input takes it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

test.describe('partnership inquiries and demo bookings', () => {
  test.describe.configure({ mode: 'serial' })
  test.use({ timezoneId: 'Europe/Berlin' })

  test('a visitor sends a partnership inquiry and sees the confirmation; a too-fast second one is thanked but not stored', async ({ browser }) => {
    const visitor = await browser.newContext({ timezoneId: 'Europe/Berlin' })
    const page = await visitor.newPage()
    await page.goto('/partnerships')
    const shownAt = Date.now()
    await expect(page.getByRole('heading', { level: 1, name: 'Partner with SkillsU' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Why partner with us' })).toBeVisible()
    await expectHeadingsInOrder(page)
    await expectNoAxeViolations(page)

    const form = page.getByRole('form', { name: 'Partnership inquiry' })
    // Everything is checked in the browser first, with the messages next to the fields.
    await form.getByRole('button', { name: 'Send inquiry' }).click()
    await expect(form.getByText('Enter your company name.')).toBeVisible()
    await expect(form.getByText('Choose the kind of partnership.')).toBeVisible()
    await expect(form.getByRole('textbox', { name: 'Company', exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expectNoAxeViolations(page)

    await form.getByRole('textbox', { name: 'Company', exact: true }).fill(partnerCompany)
    await form.getByLabel('Your name').fill('Ada Lovelace')
    await form.getByLabel('Work email').fill('ada@')
    await form.getByLabel('Company size').selectOption('51-200')
    await form.getByLabel('Kind of partnership').selectOption({ label: 'Training partner' })
    await form.getByLabel('Message').fill('We run data bootcamps and would like to offer them to SkillsU learners.')
    await form.getByRole('button', { name: 'Send inquiry' }).click()
    await expect(form.getByText('Enter a valid email address, like name@example.com.')).toBeVisible()
    await form.getByLabel('Work email').fill(partnerEmail)
    await waitPastMinimum(shownAt)
    await form.getByRole('button', { name: 'Send inquiry' }).click()

    const thanks = page.getByRole('status').filter({ has: page.getByRole('heading', { name: "Thanks — we'll be in touch" }) })
    await expect(thanks).toBeVisible()
    await expect(thanks).toContainText('reply within two working days')
    await expect(page.getByRole('heading', { name: "Thanks — we'll be in touch" })).toBeFocused()
    await expect(form).toHaveCount(0)

    // "Send another" brings back an empty form; sent at once, it is thanked like a person but not stored.
    await page.getByRole('button', { name: 'Send another inquiry' }).click()
    const again = page.getByRole('form', { name: 'Partnership inquiry' })
    await expect(again.getByRole('textbox', { name: 'Company', exact: true })).toHaveValue('')
    await again.getByRole('textbox', { name: 'Company', exact: true }).fill(botCompany)
    await again.getByLabel('Your name').fill('Speedy Bot')
    await again.getByLabel('Work email').fill(`bot.${runId}@example.com`)
    await again.getByLabel('Company size').selectOption('1-10')
    await again.getByLabel('Kind of partnership').selectOption('other')
    await again.getByLabel('Message').fill('Filled and sent faster than any person could.')
    await again.getByRole('button', { name: 'Send inquiry' }).click()
    await expect(page.getByRole('heading', { name: "Thanks — we'll be in touch" })).toBeVisible()

    if (canReadOutbox) {
      const [confirmation] = await mailTo(partnerEmail)
      expect(confirmation?.subject).toBe('We received your partnership inquiry')
      expect(confirmation?.text_body).toContain('within two working days')
      expect(await mailTo(`bot.${runId}@example.com`, 1_000)).toEqual([])
      const team = await mailTo('admin@example.com')
      expect(team.some((m) => m.subject === `Partnership inquiry: ${partnerCompany}` && m.text_body.includes(partnerEmail))).toBe(true)
    }
    await visitor.close()
  })

  test('a visitor books a demo with interests, dates and their time zone', async ({ browser }) => {
    const visitor = await browser.newContext({ timezoneId: 'Europe/Berlin' })
    const page = await visitor.newPage()
    await page.goto('/demo')
    const shownAt = Date.now()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const form = page.getByRole('form', { name: 'Book a demo' })
    // The time zone comes from the browser once the form is shown (the page itself is cached).
    await expect(form.getByLabel('Time zone')).toHaveValue('Europe/Berlin')
    await expectHeadingsInOrder(page)
    await expectNoAxeViolations(page)

    await form.getByRole('textbox', { name: 'Company', exact: true }).fill(demoCompany)
    await form.getByLabel('Your name').fill('Grace Hopper')
    await form.getByLabel('Work email').fill(demoEmail)
    await form.getByLabel('Team size').selectOption('21-50')
    const interests = form.getByRole('group', { name: 'What would you like to see?' }).getByRole('checkbox')
    expect(await interests.count()).toBeGreaterThan(3)
    const firstInterest = (await interests.first().getAttribute('value'))!
    await interests.first().check()
    await form.getByLabel('First choice').fill(inDays(-3))
    await form.getByRole('button', { name: 'Request a demo' }).click()
    await expect(form.getByText('Choose today or a later date.')).toBeVisible()
    await expectNoAxeViolations(page)
    await form.getByLabel('First choice').fill(inDays(14))
    await form.getByLabel('Second choice (optional)').fill(inDays(9))
    await form.getByLabel('Time zone').selectOption('America/New_York')
    await waitPastMinimum(shownAt)
    await form.getByRole('button', { name: 'Request a demo' }).click()

    await expect(page.getByRole('heading', { name: 'Thanks — your demo request is in' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'confirm a time' })).toBeVisible()
    await page.getByRole('button', { name: 'Book another demo' }).click()
    await expect(page.getByRole('form', { name: 'Book a demo' }).getByRole('textbox', { name: 'Company', exact: true })).toHaveValue('')

    if (canReadOutbox) {
      const [confirmation] = await mailTo(demoEmail)
      expect(confirmation?.subject).toBe('We received your demo booking')
      expect(confirmation?.text_body).toContain('America/New_York')
      const team = await mailTo('admin@example.com')
      const notice = team.find((m) => m.subject === `Demo booking: ${demoCompany}`)
      expect(notice?.text_body).toContain(firstInterest)
    }
    await visitor.close()
  })

  test('both forms fit a 390 px wide phone', async ({ browser }) => {
    // A zone that engines name differently (Asia/Kolkata or Asia/Calcutta) is still chosen for the visitor.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: 'Asia/Kolkata' })
    const page = await phone.newPage()
    for (const [path, button] of [
      ['/partnerships', 'Send inquiry'],
      ['/demo', 'Request a demo'],
    ] as const) {
      await page.goto(path)
      if (path === '/demo') await expect(page.getByLabel('Time zone')).toHaveValue(/^Asia\/(Kolkata|Calcutta)$/)
      const submit = page.getByRole('button', { name: button })
      await submit.scrollIntoViewIfNeeded()
      await expect(submit).toBeVisible()
      await expectFitsWidth(page, 390)
      const box = (await submit.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(390)
      await expectNoAxeViolations(page)
    }
    await phone.close()
  })

  test('an admin finds both in the inbox, filters, takes one, marks it contacted, notes it and exports the list', async ({ page }) => {
    await signInAsAdmin(page, '/dashboard')
    await page.goto(`/admin/inquiries?q=${runId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Inquiries' })).toBeVisible()
    const rows = page.getByRole('row')
    await expect(rows.filter({ has: page.getByRole('rowheader', { name: partnerCompany }) })).toBeVisible()
    await expect(rows.filter({ has: page.getByRole('rowheader', { name: demoCompany }) })).toBeVisible()
    // The too-fast submit was never stored.
    await expect(page.getByRole('rowheader', { name: botCompany })).toHaveCount(0)
    await expect(page.getByRole('link', { name: /^New\s*2$/ })).toBeVisible()
    await expectNoAxeViolations(page)

    const filters = page.getByRole('search', { name: 'Filter inquiries' })
    await filters.getByLabel('Kind').selectOption('demo')
    await filters.getByRole('button', { name: 'Filter' }).click()
    await expect(page).toHaveURL(/kind=demo/)
    await expect(page.getByRole('rowheader', { name: demoCompany })).toBeVisible()
    await expect(page.getByRole('rowheader', { name: partnerCompany })).toHaveCount(0)
    await filters.getByLabel('Kind').selectOption('partnership')
    await filters.getByRole('button', { name: 'Filter' }).click()
    await expect(page).toHaveURL(/kind=partnership/)
    await expect(page.getByRole('rowheader', { name: demoCompany })).toHaveCount(0)

    await page.getByRole('link', { name: partnerCompany }).click()
    await expect(page.getByRole('heading', { level: 1, name: partnerCompany })).toBeVisible()
    const details = page.getByRole('region', { name: 'Partnership inquiry' })
    await expect(details.getByText('Ada Lovelace')).toBeVisible()
    await expect(details.getByRole('link', { name: partnerEmail })).toBeVisible()
    await expect(details.getByText('Training partner')).toBeVisible()
    await expect(details.getByText('51–200 people')).toBeVisible()
    await expect(details.getByText('We run data bootcamps')).toBeVisible()
    await expectNoAxeViolations(page)

    const handle = page.getByRole('complementary', { name: 'Handle it' })
    await handle.getByRole('button', { name: 'Assign to me' }).click()
    await expect(page.getByText('Assigned to you.')).toBeVisible()
    await expect(page.getByText('Owner: you')).toBeVisible()
    await handle.getByLabel('Status').selectOption('contacted')
    await handle.getByRole('button', { name: 'Set status' }).click()
    await expect(page.getByText('Marked as contacted.')).toBeVisible()
    await expect(page.getByRole('main').getByText('Contacted', { exact: true }).first()).toBeVisible()
    await handle.getByLabel('Add a note').fill(`Called Ada, sending the deck (${runId}).`)
    await handle.getByRole('button', { name: 'Add note' }).click()
    await expect(page.getByRole('list', { name: 'Notes' }).getByText(`Called Ada, sending the deck (${runId}).`)).toBeVisible()
    await expect(handle.getByLabel('Add a note')).toHaveValue('')
    await expectNoAxeViolations(page)

    // Back in the inbox: mine and contacted; the CSV has the filtered list.
    await page.goto(`/admin/inquiries?q=${runId}&owner=mine&status=contacted`)
    await expect(page.getByRole('rowheader', { name: partnerCompany })).toBeVisible()
    await expect(page.getByRole('rowheader', { name: demoCompany })).toHaveCount(0)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^skillsu-inquiries-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv).toContain(partnerCompany)
    expect(csv).toContain(partnerEmail)
    expect(csv).toContain('Contacted')
    expect(csv).not.toContain(demoCompany)

    // The demo booking shows its dates, time zone and interests.
    await page.goto(`/admin/inquiries?q=${encodeURIComponent(demoCompany)}`)
    await page.getByRole('link', { name: demoCompany }).click()
    const demo = page.getByRole('region', { name: 'Demo booking' })
    await expect(demo.getByText('America/New_York')).toBeVisible()
    await expect(demo.getByText('21–50 people')).toBeVisible()
    await expect(demo.getByRole('listitem')).toHaveCount(3)
  })

  test('a change made from a page someone else has since changed is refused with a clear message', async ({ page, context }) => {
    await signInAsAdmin(page, '/dashboard')
    await page.goto(`/admin/inquiries?q=${encodeURIComponent(demoCompany)}`)
    await page.getByRole('link', { name: demoCompany }).click()
    await expect(page.getByRole('heading', { level: 1, name: demoCompany })).toBeVisible()
    const other = await context.newPage()
    await other.goto(page.url())
    await other.getByRole('complementary', { name: 'Handle it' }).getByLabel('Status').selectOption('closed')
    await other.getByRole('complementary', { name: 'Handle it' }).getByRole('button', { name: 'Set status' }).click()
    await expect(other.getByText('Marked as closed.')).toBeVisible()

    // The first page still shows the inquiry as it was.
    const handle = page.getByRole('complementary', { name: 'Handle it' })
    await handle.getByLabel('Add a note').fill('Written on an old page.')
    await handle.getByRole('button', { name: 'Add note' }).click()
    await expect(handle.getByRole('alert')).toHaveText('Someone else changed this inquiry first. Reload the page to see their changes.')
    await page.reload()
    await expect(page.getByText('No notes yet.')).toBeVisible()
    await expect(page.getByRole('main').getByText('Closed', { exact: true }).first()).toBeVisible()
  })

  test('the export is refused without an admin session', async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL })
    const response = await anonymous.get('/api/admin/inquiries/export')
    expect(response.status()).toBe(401)
    expect(response.headers()['content-type']).not.toContain('text/csv')
    await anonymous.dispose()
  })
})
