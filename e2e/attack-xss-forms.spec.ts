import { createUserWithCookie } from './session'
import { expect, test } from './test'
import { needsDatabase, runId, withSql } from './attack-helpers'
import { expectInert, jsUrl, payloads, useCookie } from './xss-helpers'

/**
 * Stored XSS through what people type: account names and profiles, demo requests, trainer
 * applications and the newsletter form. Each value is shown as text in the dashboard and the
 * admin, kept as data in the JSON export and emails, and neutralised in the CSV export.
 * (The CMS content and partnership inquiries are in attack-admin-xss.spec.ts, the site settings
 * in admin-xss-settings.spec.ts.)
 */
test.beforeEach(() => needsDatabase())

test.describe('attack: stored XSS in forms', () => {
  test('a name and profile full of payloads are inert in the dashboard, the admin users list and audit log, and the data export', async ({ page }) => {
    test.setTimeout(120_000)
    const id = runId()
    const name = `XSS ${id} ${payloads.script}`
    const user = await createUserWithCookie('candidate')
    await withSql(async (sql) => {
      await sql`update users set name = ${name} where id = ${user.id}`
      await sql`
        insert into candidate_profiles (user_id, headline, location, bio)
        values (${user.id}, ${`Headline ${payloads.img}`}, ${payloads.svg}, ${`Bio ${payloads.script} ${jsUrl}`})
        on conflict (user_id) do update set headline = excluded.headline, location = excluded.location, bio = excluded.bio`
      // A change the user made, as the audit log shows it (their name as the actor, the values as data).
      await sql`
        insert into audit_log (actor_id, action, entity_type, entity_id, before, after)
        values (${user.id}, 'profile.update', 'candidate_profile', ${user.id}, ${sql.json({ headline: '' })}, ${sql.json({ headline: `Headline ${payloads.img}` })})`
    })

    await useCookie(page, user.cookie)
    await expectInert(page, '/dashboard', `Hello, ${name}`)
    await expectInert(page, '/dashboard/profile', null)

    const exported = await page.request.get('/api/me/export')
    expect(exported.status()).toBe(200)
    expect(exported.headers()['content-type']).toMatch(/^application\/json/)
    expect(exported.headers()['x-content-type-options']).toBe('nosniff')
    const data = JSON.stringify(await exported.json())
    // The values come back exactly as stored: data, not markup to be rendered.
    expect(data).toContain(JSON.stringify(name).slice(1, -1))
    expect(data).toContain(JSON.stringify(`Headline ${payloads.img}`).slice(1, -1))

    await page.context().clearCookies()
    const admin = await createUserWithCookie('admin')
    await useCookie(page, admin.cookie)
    await expectInert(page, `/admin/users?q=${encodeURIComponent(user.email)}`, name)
    await expectInert(page, `/admin/audit?actor=${encodeURIComponent(user.email)}`, name)
    // The entry's values, as the JSON the log prints them in.
    await expect(page.getByText(JSON.stringify(`Headline ${payloads.img}`), { exact: false }).first()).toBeAttached()
  })

  test('a demo request full of payloads is inert in the admin, escaped in its emails, and neutralised in the CSV export', async ({ page, browser }) => {
    test.setTimeout(120_000)
    const id = runId()
    const company = `=HYPERLINK("https://evil.example","XSS ${id}") ${payloads.script}`
    const contactName = `@SUM(1+1) ${payloads.img}`
    const email = `xss-demo-${id}@example.com`
    const visitor = await browser.newContext()
    const form = await visitor.newPage()
    await form.goto('/demo')
    const shownAt = Date.now()
    const demo = form.getByRole('form', { name: 'Book a demo' })
    await expect(demo.getByLabel('Time zone')).not.toHaveValue('')
    await demo.getByRole('textbox', { name: 'Company', exact: true }).fill(company)
    await demo.getByLabel('Your name').fill(contactName)
    await demo.getByLabel('Work email').fill(email)
    await demo.getByLabel('Team size').selectOption('21-50')
    await demo.getByLabel('First choice').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10))
    await new Promise((r) => setTimeout(r, Math.max(0, shownAt + 4_600 - Date.now()))) // past the forms' minimum fill time
    await demo.getByRole('button', { name: 'Request a demo' }).click()
    await expect(form.getByRole('heading', { name: 'Thanks — your demo request is in' })).toBeVisible()
    expect(await form.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    await visitor.close()

    const [row] = await withSql((sql) => sql<{ id: string }[]>`select id from inquiries where email = ${email}`)
    expect(row, 'the demo request was stored').toBeDefined()

    // The confirmation to the visitor and the notice to the team: every value escaped in the HTML part.
    const mails = await withSql((sql) => sql<{ html_body: string }[]>`select html_body from email_outbox where to_address = ${email} or subject like ${`%XSS ${id}%`}`)
    expect(mails.length, 'the demo emails were queued').toBeGreaterThan(0)
    for (const mail of mails) {
      expect(mail.html_body).not.toContain('<script>window.__xss')
      expect(mail.html_body).not.toMatch(/<img src=x|<svg onload|href="javascript:/i)
    }

    const admin = await createUserWithCookie('admin')
    await useCookie(page, admin.cookie)
    await expectInert(page, `/admin/inquiries?q=${encodeURIComponent(`XSS ${id}`)}`, `XSS ${id}`)
    await expectInert(page, `/admin/inquiries/${row!.id}`, `XSS ${id}`)
    await expect(page.getByText(contactName, { exact: false }).first()).toBeVisible()

    const csv = await page.request.get('/api/admin/inquiries/export')
    expect(csv.status()).toBe(200)
    const line = (await csv.text()).split(/\r\n/).find((l) => l.includes(`XSS ${id}`))
    expect(line, 'the demo request is in the export').toBeDefined()
    expect(line).toContain(`'=HYPERLINK(`)
    expect(line).toContain(`'@SUM(1+1)`)
    for (const cell of line!.split(',')) expect(cell.replace(/^"/, ''), `cell ${cell}`).not.toMatch(/^[=+@]/)
  })

  test("a trainer application's payload answers are inert in the admin and in the applicant's dashboard", async ({ page }) => {
    test.setTimeout(120_000)
    const id = runId()
    const fullName = `XSS ${id} ${payloads.script}`
    const headline = `Headline ${payloads.img}`
    const applicant = await createUserWithCookie('candidate')
    const [application] = await withSql(
      (sql) => sql<{ id: string }[]>`
        insert into trainer_applications (user_id, full_name, email, country, languages, offers, years_experience, headline, bio, linkedin_url, website_url, motivation, availability)
        values (${applicant.id}, ${fullName}, ${applicant.email}, 'DE', ${[payloads.svg]}, ${['training']}, 5, ${headline}, ${`Bio ${payloads.svg}`},
          ${'https://www.linkedin.com/in/x"><script>window.__xss=1</script>'}, ${`https://example.com/${payloads.svg}`}, ${`Motivation ${payloads.script}`}, ${`Weekdays ${payloads.img}`})
        returning id`,
    )
    try {
      await useCookie(page, applicant.cookie)
      await expectInert(page, '/dashboard/applications', headline)
      await expectInert(page, `/dashboard/applications/${application!.id}`, headline)

      await page.context().clearCookies()
      const admin = await createUserWithCookie('admin')
      await useCookie(page, admin.cookie)
      await expectInert(page, `/admin/applications?q=${encodeURIComponent(applicant.email)}`, `XSS ${id}`)
      await expectInert(page, `/admin/applications/${application!.id}`, `XSS ${id}`)
      await expect(page.getByText(`Motivation ${payloads.script}`)).toBeVisible()
      await expect(page.getByText(`Bio ${payloads.svg}`)).toBeVisible()

      const csv = await page.request.get(`/api/admin/applications/export?q=${encodeURIComponent(applicant.email)}`)
      expect(csv.status()).toBe(200)
      const line = (await csv.text()).split(/\r\n/).find((l) => l.includes(`XSS ${id}`))
      expect(line, 'the application is in the export').toBeDefined()
    } finally {
      // Out of the open lists other journeys count.
      await withSql((sql) => sql`update trainer_applications set status = 'withdrawn' where id = ${application!.id}`)
    }
  })

  test('the newsletter refuses an email address that carries markup, by the field', async ({ page }) => {
    const address = `"><script>window.__xss=1</script>@example.com`
    await page.goto('/roles')
    const footer = page.getByRole('contentinfo').getByRole('region', { name: 'Join our community' })
    const button = footer.getByRole('button', { name: 'Subscribe', exact: true })
    await expect(button).toBeEnabled()
    await footer.getByLabel('Email address').fill(address)
    await page.waitForTimeout(2_200)
    await button.click()
    await expect(footer.getByText('Enter a valid email address, like name@example.com.')).toBeVisible()
    await expect(footer.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true')
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    const rows = await withSql((sql) => sql`select 1 from newsletter_subscribers where email like ${'%window.__xss%'}`)
    expect(rows).toHaveLength(0)
  })
})
