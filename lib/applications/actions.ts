'use server'

import { z } from 'zod'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { getCurrentUser, requireUser } from '@/lib/auth/session'
import { botReason, guardedSubmit } from '@/lib/forms/guard'
import { clientIp } from '@/lib/request'
import { checkCv, type CheckedCv } from './cv'
import { createApplication, getMyEligibility, isOpenApplicationConflict, openApplicationMessage, signInToApplyMessage, withdrawMyApplication } from './data'
import { applicationSchema, withdrawSchema } from './schema'

/**
 * The trainer application (FormData, because of the CV). The applicant is signed in; the submit
 * goes through guardedSubmit (bots thanked, replays answered with the first result, rate limits)
 * and is stored in its transaction. The CV is checked before anything is written.
 */
export async function submitApplication(form: FormData): Promise<ActionResult<{ id: string | null }>> {
  return handleAction(form, applicationSchema, async (input) => {
    const user = await getCurrentUser()
    if (!user) return fail(signInToApplyMessage, { code: 'unauthenticated' })
    const { idempotencyKey, fillMs, hp } = input
    const guard = { idempotencyKey, fillMs, hp }

    let cv: CheckedCv | null = null
    // A bot is thanked without any work done for it (guardedSubmit counts it).
    if (input.cv && !botReason('trainer-application', guard)) {
      const checked = await checkCv(input.cv)
      if (!checked.ok) return fail('Please correct the highlighted fields.', { fieldErrors: { cv: [checked.error] } })
      cv = checked.cv
    }
    const ip = await clientIp()
    try {
      return await guardedSubmit({
        form: 'trainer-application',
        guard,
        email: user.email,
        ip,
        thanks: { ok: true, data: { id: null }, message: 'Your application was sent.' },
        run: (tx) => createApplication(tx, user, input, cv, ip),
      })
    } catch (error) {
      // Two submits raced past the check: the database's one-open-application index refused the second.
      if (isOpenApplicationConflict(error)) return fail(openApplicationMessage)
      throw error
    }
  })
}

/** The applicant withdraws their own open application. */
export async function withdrawApplication(input: { id: string; version: number }): Promise<ActionResult<{ status: string }>> {
  return handleAction(input, withdrawSchema, async ({ id, version }) => {
    const user = await requireUser()
    return withdrawMyApplication(user, id, version, await clientIp())
  })
}

export type ApplicantStatus = {
  email: string
  name: string
  /** Whether a new application can be sent now; if not, the open one or the date a new one is possible. */
  eligibility: { canApply: true } | { canApply: false; reason: 'open'; openId: string } | { canApply: false; reason: 'rejected'; reapplyOn: string }
} | null

/** Who is signed in (for the form's account panel) and whether they may apply now; null when nobody is. */
export async function applicantStatus(): Promise<ActionResult<ApplicantStatus>> {
  return handleAction({}, z.object({}), async () => {
    const user = await getCurrentUser()
    if (!user) return ok(null)
    const e = await getMyEligibility(user)
    const eligibility = e.canApply ? e : e.reason === 'open' ? e : { canApply: false as const, reason: 'rejected' as const, reapplyOn: e.reapplyOn.toISOString() }
    return ok({ email: user.email, name: user.name, eligibility })
  })
}
