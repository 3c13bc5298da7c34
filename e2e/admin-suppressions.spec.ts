import postgres from 'postgres'
import { expectNoAxeViolations } from './helpers'
import { signInAsAdmin } from './auth'
import { expect, test, type Page } from './test'

/**
 * The email suppression list (/admin/suppressions): an admin sees the addresses that get no mail,
 * adds one after a complaint, finds it by searching, and clears it again. Each step is checked in
 * the database too (the row, and its audit entry), when the run has one (DATABASE_URL).
 */
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
const bounced = `bounced-${runId}@e2e.example`
const complainer = `complainer-${runId}@e2e.example`

async function withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    return await work(sql)
  } finally {
    await sql.end()
  }
}

const listRow = (page: Page, email: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: email, exact: true }) })
const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

test('an admin adds an address after a complaint, finds it by search, and clears it', async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'needs PostgreSQL (DATABASE_URL) to seed and check the list')
  // A hard bounce the mail sender recorded earlier.
  await withSql((sql) => sql`insert into email_suppressions (email, reason, detail) values (${bounced}, 'hard_bounce', '550 mailbox unavailable')`)

  await signInAsAdmin(page, '/admin/suppressions')
  await expect(page.getByRole('heading', { level: 1, name: 'Email suppressions' })).toBeVisible()
  await expect(listRow(page, bounced)).toContainText('Hard bounce')
  await expect(listRow(page, bounced)).toContainText('550 mailbox unavailable')
  await expectNoAxeViolations(page)

  const add = page.getByRole('form', { name: 'Add an address' })
  await add.getByLabel('Email').fill(complainer.toUpperCase())
  await add.getByLabel('Reason').selectOption('complaint')
  await add.getByLabel('Note (optional)').fill('Reported our email as spam')
  await add.getByRole('button', { name: 'Add to the list' }).click()
  await expect(toast(page, `${complainer} will not be mailed any more`)).toBeVisible()
  await expect(listRow(page, complainer)).toContainText('Complaint')
  await expect(listRow(page, complainer)).toContainText('Reported our email as spam')
  const [stored] = await withSql((sql) => sql<{ reason: string; created_by: string | null }[]>`select reason, created_by from email_suppressions where email = ${complainer}`)
  expect(stored?.reason).toBe('complaint')
  expect(stored?.created_by).not.toBeNull()

  // The same address again: it is already on the list.
  await add.getByLabel('Email').fill(complainer)
  await add.getByRole('button', { name: 'Add to the list' }).click()
  await expect(page.getByText('That address is already on the list.').first()).toBeVisible()

  // Search finds it (and only what matches).
  const search = page.getByRole('search', { name: 'Search the list' })
  await search.getByLabel('Email').fill(`complainer-${runId}`)
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(new RegExp(`q=complainer-${runId}`))
  await expect(page.getByText('1 address match, newest first.')).toBeVisible()
  await expect(listRow(page, complainer)).toBeVisible()
  await expect(listRow(page, bounced)).toHaveCount(0)
  await expectNoAxeViolations(page)

  await listRow(page, complainer).getByRole('button', { name: `Clear ${complainer}` }).click()
  await expect(toast(page, `${complainer} was taken off the list and will be mailed again.`)).toBeVisible()
  await expect(page.getByText('No address matches.')).toBeVisible()
  await expectNoAxeViolations(page)

  const after = await withSql(async (sql) => ({
    rows: await sql`select 1 from email_suppressions where email = ${complainer}`,
    audit: await sql<{ action: string }[]>`select action from audit_log where entity_type = 'email_suppression' and entity_id = ${complainer} order by created_at`,
  }))
  expect(after.rows).toHaveLength(0)
  expect(after.audit.map((a) => a.action)).toEqual(['email_suppression.add', 'email_suppression.clear'])
})
