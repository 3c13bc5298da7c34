import { createUserWithCookie } from './session'
import { expect, test } from './test'
import { expectInert, jsUrl, payloads, useCookie } from './xss-helpers'
import { needsDatabase, runId, withSql } from './attack-helpers'

/**
 * Stored XSS: script payloads in CMS content (written straight into the database, as a
 * compromised editor account or a bad import would) and in public forms are shown as text on
 * public pages and in the admin, escaped in emails, and neutralised in CSV exports. Runs in the
 * admin project (after the public journeys): it adds published content of its own.
 */
test.beforeEach(() => needsDatabase())

test.describe('attack: stored XSS', () => {
  test('CMS content with script payloads (role, program, opportunity, partner) is inert on public pages and in the admin', async ({ page }) => {
    test.setTimeout(120_000)
    const id = runId()
    const roleSlug = `xss-role-${id}`
    const programSlug = `xss-program-${id}`
    const { roleId, programId, opportunityId, partnerId } = await withSql(async (sql) => {
      // A copy of a seed role (every required column filled) with payloads in its text.
      const [role] = await sql<{ id: string }[]>`
        insert into roles (slug, title, category_id, summary, overview, status, published_at, responsibilities, qualifications, trends, demand_hubs, sources, salary_min, salary_avg, salary_max)
        select ${roleSlug}, ${`XSS ${id} ${payloads.script}`}, category_id, ${`Summary ${payloads.img}`}, ${`Overview ${payloads.svg}`}, 'published', now(),
          ${sql.json([{ title: payloads.script, description: payloads.img }])}, ${sql.json([payloads.svg])}, trends, ${sql.json([payloads.img])},
          ${sql.json([{ label: `Source ${payloads.script}`, url: jsUrl }])}, salary_min, salary_avg, salary_max
        from roles where slug = 'back-end-developer' returning id`
      const [program] = await sql<{ id: string }[]>`
        insert into programs (slug, title, summary, description, status, published_at)
        values (${programSlug}, ${`XSS program ${id} ${payloads.script}`}, ${`Summary ${payloads.img}`}, ${`Description ${payloads.svg}`}, 'published', now()) returning id`
      // Hidden: the public partner strip (and the journeys that assert it) stays as it was.
      const [partner] = await sql<{ id: string }[]>`
        insert into partners (slug, name, website_url, visible, display_order)
        values (${`xss-partner-${id}`}, ${`XSS partner ${id} ${payloads.svg}`}, ${`https://example.com/"><script>window.__xss=1</script>`}, false, 999) returning id`
      const [opportunity] = await sql<{ id: string }[]>`
        insert into opportunities (title, company_name, role_id, location, description, apply_url, status, published_at, expires_at)
        values (${`XSS job ${id} ${payloads.script}`}, ${`Company ${payloads.img}`}, ${role!.id}, ${payloads.svg}, ${`Description ${payloads.script}`},
          ${'https://example.com/apply?x="><script>window.__xss=1</script>'}, 'published', now(), now() + interval '30 days') returning id`
      return { roleId: role!.id, programId: program!.id, opportunityId: opportunity!.id, partnerId: partner!.id }
    })

    try {
      await expectInert(page, `/roles/${roleSlug}`, `XSS ${id} ${payloads.script}`)
      await expect(page.getByText(`Overview ${payloads.svg}`)).toBeVisible()
      await expectInert(page, `/programs/${programSlug}`, `XSS program ${id} ${payloads.script}`)

      const admin = await createUserWithCookie('admin')
      await useCookie(page, admin.cookie)
      await expectInert(page, `/admin/roles?q=${encodeURIComponent(`XSS ${id}`)}`, `XSS ${id}`)
      await expectInert(page, `/admin/roles/${roleId}`, null)
      // Searched for: other journeys add programs and opportunities, which may push these off the first page.
      await expectInert(page, `/admin/programs?q=${encodeURIComponent(`XSS program ${id}`)}`, `XSS program ${id} ${payloads.script}`)
      await expectInert(page, `/admin/programs/${programId}`, null)
      await expectInert(page, `/admin/opportunities?q=${encodeURIComponent(`XSS job ${id}`)}`, `XSS job ${id} ${payloads.script}`)
      await expectInert(page, `/admin/opportunities/${opportunityId}`, null)
      await expectInert(page, '/admin/partners', `XSS partner ${id} ${payloads.svg}`)
      await expectInert(page, `/admin/partners/${partnerId}`, null)
    } finally {
      // Out of the public lists again: later journeys see only their own content.
      await withSql(async (sql) => {
        await sql`update opportunities set deleted_at = now() where id = ${opportunityId}`
        await sql`update programs set deleted_at = now() where id = ${programId}`
        await sql`update roles set deleted_at = now(), status = 'archived' where id = ${roleId}`
        await sql`update partners set deleted_at = now() where id = ${partnerId}`
      })
    }
  })

  test('a partnership inquiry full of payloads is inert in the admin, escaped in its email, and neutralised in the CSV export', async ({ page, browser }) => {
    test.setTimeout(120_000)
    const id = runId()
    const company = `=HYPERLINK("https://evil.example","XSS ${id}") ${payloads.script}`
    const contactName = `@SUM(1+1) ${payloads.img}`
    const email = `xss-${id}@example.com`
    const visitor = await browser.newContext()
    const form = await visitor.newPage()
    await form.goto('/partnerships')
    const shownAt = Date.now()
    const inquiry = form.getByRole('form', { name: 'Partnership inquiry' })
    await inquiry.getByRole('textbox', { name: 'Company', exact: true }).fill(company)
    await inquiry.getByLabel('Your name').fill(contactName)
    await inquiry.getByLabel('Work email').fill(email)
    await inquiry.getByLabel('Company size').selectOption('51-200')
    await inquiry.getByLabel('Kind of partnership').selectOption({ label: 'Training partner' })
    await inquiry.getByLabel('Message').fill(`+cmd|' /C calc'!A0 ${payloads.svg} ${jsUrl}`)
    await new Promise((r) => setTimeout(r, Math.max(0, shownAt + 4_500 - Date.now()))) // past the forms' minimum fill time
    await inquiry.getByRole('button', { name: 'Send inquiry' }).click()
    await expect(form.getByText("we've received your inquiry")).toBeVisible()
    expect(await form.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    await visitor.close()

    const [row] = await withSql((sql) => sql<{ id: string }[]>`select id from inquiries where email = ${email}`)
    expect(row, 'the inquiry was stored').toBeDefined()

    // The confirmation email: every value escaped in the HTML part.
    const mails = await withSql((sql) => sql<{ html_body: string }[]>`select html_body from email_outbox where to_address = ${email}`)
    for (const mail of mails) {
      expect(mail.html_body).not.toContain('<script>window.__xss')
      expect(mail.html_body).not.toMatch(/<img src=x|<svg onload|href="javascript:/i)
    }

    const admin = await createUserWithCookie('admin')
    await useCookie(page, admin.cookie)
    await expectInert(page, '/admin/inquiries', `XSS ${id}`)
    await expectInert(page, `/admin/inquiries/${row!.id}`, `XSS ${id}`)

    const csv = await page.request.get('/api/admin/inquiries/export')
    expect(csv.status()).toBe(200)
    const text = await csv.text()
    const line = text.split(/\r\n/).find((l) => l.includes(`XSS ${id}`))
    expect(line, 'the inquiry is in the export').toBeDefined()
    // Every cell that starts with a formula character starts with an apostrophe instead.
    expect(line).toContain(`'=HYPERLINK(`)
    expect(line).toContain(`'@SUM(1+1)`)
    expect(line).toContain(`'+cmd|`)
    for (const cell of line!.split(',')) expect(cell.replace(/^"/, ''), `cell ${cell}`).not.toMatch(/^[=+@]/)
  })
})
