import fs from 'node:fs'
import path from 'node:path'
import { TOTP, Secret } from 'otpauth'
import { expect, type Page } from './test'

/**
 * Signing in, as people do it, in one place. The seeded admin has two-factor sign-in: the
 * `staff-setup` project (e2e/staff.setup.ts) enrols it through the UI first, then keeps its
 * signed-in session, its secret and its recovery codes under .data/e2e/ for the journeys after it.
 * A TOTP code is accepted once per 30 s step, so journeys reuse that session rather than signing
 * in again and again; those that must type a second factor take a recovery code each.
 */
export const admin = { email: 'admin@example.com', password: 'e2e-admin-password-123' }

const stateDir = path.resolve(process.env.E2E_STATE_DIR ?? '.data/e2e/state')
export const adminStateFile = path.join(stateDir, 'admin-session.json')
const secretFile = path.join(stateDir, 'admin-totp.txt')
const codesDir = path.join(stateDir, 'recovery-codes')

export function saveAdminSecondFactor(secret: string, recoveryCodes: string[]) {
  fs.mkdirSync(codesDir, { recursive: true })
  fs.writeFileSync(secretFile, secret)
  for (const code of recoveryCodes) fs.writeFileSync(path.join(codesDir, code), '')
}

/** The code an authenticator app shows now (or `offsetSteps` steps later: the server accepts one step of drift). */
export function totpCode(secret = fs.readFileSync(secretFile, 'utf8'), offsetSteps = 0) {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 })
}

/** One unused recovery code of the admin's; the rename makes sure two workers never take the same one. */
export function takeRecoveryCode(): string {
  for (const code of fs.readdirSync(codesDir)) {
    try {
      fs.renameSync(path.join(codesDir, code), path.join(stateDir, `used-${code}`))
      return code
    } catch {
      // another worker took it first
    }
  }
  throw new Error('no recovery codes left')
}

/** Fills and sends the sign-in form (the footer has an "Email address" field too, hence main). */
export async function submitSignIn(page: Page, email: string, password: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login')
  await page.getByRole('main').getByRole('textbox', { name: 'Email', exact: true }).fill(email)
  await page.getByRole('main').getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in with email and password and waits to leave the sign-in page (or to reach `callbackUrl`). */
export async function signIn(page: Page, email: string, password: string, callbackUrl?: string) {
  await submitSignIn(page, email, password, callbackUrl)
  if (callbackUrl) await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[/?]/g, '\\$&')}$`))
  else await expect(page).not.toHaveURL(/\/login/)
}

/** The admin's session from the setup project, in this page's browser context, then `then`. */
export async function signInAsAdmin(page: Page, then = '/admin') {
  const state = JSON.parse(fs.readFileSync(adminStateFile, 'utf8')) as { cookies: Parameters<ReturnType<Page['context']>['addCookies']>[0] }
  await page.context().addCookies(state.cookies)
  await page.goto(then)
  await expect(page).toHaveURL(new RegExp(`${then.replace(/[/?]/g, '\\$&')}$`))
}
