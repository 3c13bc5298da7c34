import { createUserWithCookie } from './session'
import { expect, test, type Page } from './test'
import { injectIntoActions, needsDatabase, runId, withSql } from './attack-helpers'

/**
 * Mass assignment: fields the forms do not have (`role`, `userId`, `status`, `id`, `createdAt`)
 * put into the real requests on their way to the server are never written.
 */
test.beforeEach(() => needsDatabase())

const longAgo = '2001-01-01T00:00:00.000Z'

async function useCookie(page: Page, cookie: string) {
  const at = cookie.indexOf('=')
  await page.context().addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: test.info().project.use.baseURL! }])
}

test.describe('attack: extra fields in action inputs', () => {
  test('sign-up with role=admin and an id of its own makes a plain candidate', async ({ page }) => {
    const email = `mass-${runId()}@example.com`
    const forgedId = '00000000-0000-4000-8000-000000000001'
    const seen = await injectIntoActions(page, { role: 'admin', userRole: 'admin', id: forgedId, createdAt: longAgo, emailVerifiedAt: longAgo, sessionVersion: '99' })
    await page.goto('/signup')
    await page.getByLabel('Your name').fill('Mass Assigner')
    await page.getByRole('main').getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('a long enough password 123')
    await page.getByRole('button', { name: 'Create your free profile' }).click()
    await expect(page.getByText('Check your inbox')).toBeVisible()
    expect(seen.some((name) => name.endsWith('role')), 'the extra fields were sent').toBe(true)
    const [user] = await withSql((sql) => sql<{ id: string; role: string; created_at: Date; email_verified_at: Date | null; session_version: number }[]>`
      select id, role, created_at, email_verified_at, session_version from users where email = ${email}`)
    expect(user).toBeDefined()
    expect(user!.role).toBe('candidate')
    expect(user!.id).not.toBe(forgedId)
    expect(user!.email_verified_at).toBeNull()
    expect(user!.session_version).toBe(1)
    expect(user!.created_at.getUTCFullYear()).toBeGreaterThan(2020)
  })

  test("a profile update carrying another user's id changes only one's own profile", async ({ page }) => {
    const me = await createUserWithCookie('candidate')
    const other = await createUserWithCookie('candidate')
    await withSql((sql) => sql`insert into candidate_profiles (user_id, headline) values (${other.id}, 'untouched') on conflict (user_id) do update set headline = 'untouched'`)
    await useCookie(page, me.cookie)
    await injectIntoActions(page, { userId: other.id, id: other.id, role: 'admin', createdAt: longAgo })
    await page.goto('/dashboard/profile')
    const headline = `Mass ${runId()}`
    await page.getByLabel('Headline').fill(headline)
    await page.getByRole('button', { name: 'Save profile' }).click()
    await expect(page.getByText('Your profile was saved.')).toBeVisible()
    const rows = await withSql((sql) => sql<{ user_id: string; headline: string }[]>`
      select user_id, headline from candidate_profiles where user_id in (${me.id}, ${other.id})`)
    expect(rows.find((r) => r.user_id === me.id)?.headline).toBe(headline)
    expect(rows.find((r) => r.user_id === other.id)?.headline).toBe('untouched')
    const roles = await withSql((sql) => sql<{ role: string }[]>`select role from users where id in (${me.id}, ${other.id})`)
    expect(roles.map((r) => r.role)).toEqual(['candidate', 'candidate'])
  })

  test('a newsletter sign-up with status=confirmed stays pending', async ({ page }) => {
    const email = `mass-news-${runId()}@example.com`
    const seen = await injectIntoActions(page, { status: 'confirmed', confirmedAt: longAgo, id: '00000000-0000-4000-8000-000000000002' })
    await page.goto('/roles')
    const footer = page.getByRole('contentinfo').getByRole('region', { name: 'Join our community' })
    await expect(footer.getByRole('button', { name: 'Subscribe', exact: true })).toBeEnabled()
    await footer.getByLabel('Email address').fill(email)
    await page.waitForTimeout(2_200) // past the forms' minimum fill time
    await footer.getByRole('button', { name: 'Subscribe', exact: true }).click()
    await expect(footer.getByRole('status')).toContainText('Check your inbox')
    expect(seen.some((name) => name.endsWith('status'))).toBe(true)
    const [row] = await withSql((sql) => sql<{ status: string; id: string }[]>`select status, id from newsletter_subscribers where email = ${email}`)
    expect(row?.status).toBe('pending')
    expect(row?.id).not.toBe('00000000-0000-4000-8000-000000000002')
  })
})
