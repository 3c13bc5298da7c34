import fs from 'node:fs'
import { e2eLogFile } from '../playwright.config'
import { applyAsTrainer, cvPdf } from './apply-helpers'
import { canReadOutbox, latestLink } from './outbox'
import { expect, test } from './test'

/**
 * The server's logs (JSON lines, also written to LOG_FILE by the e2e server) must never hold a
 * password, a reset token or a CV's contents. This journey signs up inside the trainer
 * application (uploading a CV), signs in, resets the password, signs in with the new one, then
 * searches the captured log for every secret it used, and checks the log did capture the journey.
 */
test.skip(!canReadOutbox, 'the reset link is read from the outbox, which needs DATABASE_URL (PostgreSQL)')

test('logs carry requests and users but no password, token or CV bytes', async ({ page, browser }) => {
  test.setTimeout(150_000)
  const runId = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`
  const email = `logs-${runId}@example.com`
  const firstPassword = `first-secret-${runId}-pw`
  const secondPassword = `second-secret-${runId}-pw`
  const cvMarker = `cv-marker-${runId}`
  const cv = await cvPdf(cvMarker)

  // 1. Apply as a trainer: an account made inside the flow, and a CV upload.
  await applyAsTrainer(page, { name: `Logan Logs ${runId}`, email, password: firstPassword, skills: ['Python'], headline: 'Python trainer', cv })

  // 2. Sign in with that password in a fresh browser.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL })
  const signInPage = await other.newPage()
  await signInPage.goto('/login')
  await signInPage.getByRole('main').getByLabel('Email').fill(email)
  await signInPage.getByLabel('Password').fill(firstPassword)
  await signInPage.getByRole('button', { name: 'Sign in' }).click()
  await expect(signInPage).toHaveURL(/\/dashboard/)
  // A signed-in request: its access log line must name the user.
  const signedIn = await signInPage.request.get('/dashboard')
  const signedInRequestId = signedIn.headers()['x-request-id']!
  expect(signedInRequestId).toBeTruthy()
  await other.close()

  // 3. Reset the password through the emailed link.
  await page.context().clearCookies()
  await page.goto('/forgot-password')
  await page.getByRole('main').getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send me a reset link' }).click()
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'we sent it a link' })).toBeVisible()
  const link = await latestLink(email, '/reset-password')
  const token = new URL(link, 'http://x').searchParams.get('token')!
  expect(token.length).toBeGreaterThan(16)
  await page.goto(link)
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(secondPassword)
  await page.getByLabel('Repeat the new password').fill(secondPassword)
  await page.getByRole('button', { name: 'Change my password' }).click()
  await expect(page).toHaveURL(/\/login\?reset=1/)
  await page.getByRole('main').getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(secondPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/dashboard/)

  // 4. The log holds the journey (so the search below means something) ...
  const lines = fs
    .readFileSync(e2eLogFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  const access = lines.filter((l) => l.msg === 'request')
  expect(access.length).toBeGreaterThan(10)
  const mine = access.find((l) => l.requestId === signedInRequestId)
  expect(mine).toMatchObject({ method: 'GET', route: '/dashboard', status: 200 })
  expect(mine?.userId).toMatch(/^[0-9a-f-]{36}$/)
  expect(access.some((l) => l.route === '/reset-password' && l.method === 'POST')).toBe(true)

  // ... and none of its secrets.
  const log = fs.readFileSync(e2eLogFile, 'utf8')
  for (const [name, secret] of Object.entries({
    firstPassword,
    secondPassword,
    token,
    encodedToken: encodeURIComponent(token),
    cvMarker,
    cvBase64: cv.subarray(0, 60).toString('base64'),
    cvHex: cv.subarray(0, 60).toString('hex'),
  })) {
    expect(log.includes(secret), `${name} appears in the server log`).toBe(false)
  }
})
