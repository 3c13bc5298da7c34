import { expect, type Page } from './test'
import { PDFDocument, StandardFonts } from 'pdf-lib'

/** The trainer-application form refuses submits faster than this (lib/forms/guard.ts minimumFillMs), plus a margin. */
export const applicationMinFillMs = 11_000

/** A small, clean one-page PDF, as a person's CV would be. */
export async function cvPdf(text = 'Curriculum vitae'): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  page.drawText(text, { x: 50, y: 780, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) })
  return Buffer.from(await doc.save())
}

/** The date the timeline shows for a step reached today (UTC, as the page formats it). */
export const timelineDate = (date = new Date()) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)

export interface ApplyAsTrainer {
  name: string
  email: string
  password: string
  /** Existing skill names, spelled as in the skills table (e.g. 'Node.js', 'PostgreSQL'). */
  skills: string[]
  /** A published role's exact title (e.g. 'Back-End Developer'). */
  roleTitle?: string
  headline: string
  /** Sign in with this existing account inside the flow instead of creating one. */
  existingAccount?: boolean
  /** The CV to upload (default: a one-page PDF with the name). */
  cv?: Buffer
}

/** Adds one existing skill through the type-ahead and waits for its chip. */
export async function addSkill(page: Page, skill: string) {
  const input = page.getByRole('combobox', { name: 'Skills', exact: true })
  await input.fill(skill)
  await page.getByRole('button', { name: 'Add skill' }).click()
  await expect(page.getByRole('button', { name: `Remove ${skill}` })).toBeVisible()
}

/**
 * A new visitor's whole application: /trainers/apply, every step, an account created inside the
 * flow (review step; or, with `existingAccount`, signed in there), submit. Waits past the form's minimum fill time before submitting. Returns
 * the application's URL (/dashboard/applications/<id>), where the browser then is, signed in.
 */
export async function applyAsTrainer(page: Page, { name, email, password, skills, roleTitle, headline, existingAccount, cv }: ApplyAsTrainer): Promise<string> {
  await page.goto('/trainers/apply')
  const startedAt = Date.now()

  // 1. About you
  await expect(page.getByRole('heading', { level: 2, name: 'About you' })).toBeVisible()
  await page.getByLabel('Full name').fill(name)
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email)
  await page.getByLabel('Country').selectOption('DE')
  await page.getByLabel('Languages').fill('English, German')
  await page.getByRole('button', { name: 'Continue' }).click()

  // 2. Expertise
  await expect(page.getByRole('heading', { level: 2, name: 'Your expertise' })).toBeVisible()
  await page.getByRole('checkbox', { name: 'Training', exact: true }).check()
  await page.getByRole('checkbox', { name: 'Coaching', exact: true }).check()
  for (const skill of skills) await addSkill(page, skill)
  if (roleTitle) await page.getByRole('checkbox', { name: roleTitle, exact: true }).check()
  await page.getByLabel('Years of experience').fill('9')
  await page.getByRole('button', { name: 'Continue' }).click()

  // 3. Experience
  await expect(page.getByRole('heading', { level: 2, name: 'Your experience' })).toBeVisible()
  await page.getByLabel('Headline').fill(headline)
  await page.getByLabel('Short bio').fill(`${name} has trained engineering teams for nine years, from first APIs to production operations.`)
  await page.getByLabel('LinkedIn profile').fill('https://www.linkedin.com/in/example-trainer')
  await page.getByLabel('CV (PDF, up to 5 MB)').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: cv ?? (await cvPdf(`${name} - CV`)) })
  await expect(page.getByText('cv.pdf is ready to send.')).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()

  // 4. Motivation and availability
  await expect(page.getByRole('heading', { level: 2, name: 'Motivation and availability' })).toBeVisible()
  await page.getByLabel('Motivation').fill('I want to help career changers reach their first back-end role with practical, project-based training.')
  await page.getByLabel('Availability').fill('Two evenings a week and one weekend a month, remote or in Berlin.')
  await page.getByRole('button', { name: 'Continue' }).click()

  // 5. Review, with an account made inside the flow
  await expect(page.getByRole('heading', { level: 2, name: 'Review and submit' })).toBeVisible()
  const account = page.getByRole('region', { name: 'Your account' })
  if (existingAccount) {
    await account.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(account.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email)
    await account.getByLabel('Password').fill(password)
    await account.getByRole('button', { name: 'Sign in and continue' }).click()
  } else {
    await account.getByRole('button', { name: 'Create an account' }).click()
    await expect(account.getByLabel('Name')).toHaveValue(name)
    await expect(account.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email)
    await account.getByLabel('Password').fill(password)
    await account.getByRole('button', { name: 'Create account and continue' }).click()
  }
  await expect(account.getByText(`Signed in as ${email}`)).toBeVisible()

  const wait = applicationMinFillMs - (Date.now() - startedAt)
  if (wait > 0) await page.waitForTimeout(wait)
  await page.getByRole('button', { name: 'Submit application' }).click()
  await page.waitForURL(/\/dashboard\/applications\/[0-9a-f-]{36}$/, { timeout: 20_000 })
  await expect(page.getByRole('heading', { level: 1, name: 'Your application' })).toBeVisible()
  return page.url()
}
