'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { ok, fail, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { changeEmailSchema, changePasswordSchema, forgotPasswordSchema, resetPasswordSchema, signUpSchema, tokenSchema } from '@/lib/auth/schema'
import { clearSession, reissueSession } from '@/lib/auth/cookie'
import { requireUser } from '@/lib/auth/session'
import { consume, retryMessage, type Limit } from '@/lib/rate-limit'
import { clientIp } from '@/lib/request'
import {
  changePassword,
  createAccount,
  deleteAccount,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signOutEverywhere,
  verifyEmailToken,
  type AccountResult,
} from './data'

const limits = {
  signUpIp: { name: 'signup-ip', points: 10, durationSeconds: 60 * 60 },
  resetIp: { name: 'reset-ip', points: 10, durationSeconds: 60 * 60 },
  resetEmail: { name: 'reset-email', points: 3, durationSeconds: 60 * 60 },
  resend: { name: 'verify-resend', points: 3, durationSeconds: 60 * 60 },
} satisfies Record<string, Limit>

async function throttle(limit: Limit, key: string): Promise<ActionResult<never> | undefined> {
  const state = await consume(limit, key)
  return state.ok ? undefined : fail(retryMessage(state.retryAfterSeconds), { retryAfterSeconds: state.retryAfterSeconds })
}

function fromAccountResult(result: AccountResult, message: string): ActionResult<null> {
  if (result.ok) return ok(null, message)
  return result.field ? fail('Please correct the highlighted field.', { fieldErrors: { [result.field]: [result.error] } }) : fail(result.error)
}

const signUpMessage = 'Check your inbox: we sent a link to confirm your address. You can sign in now.'

export async function signUp(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, signUpSchema, async (input) => {
    const refused = await throttle(limits.signUpIp, await clientIp())
    if (refused) return refused
    // The same answer whether or not the address already has an account.
    return fromAccountResult(await createAccount(input), signUpMessage)
  })
}

const resetMessage = 'If an account uses that address, we sent it a link to choose a new password. It works for one hour.'

export async function forgotPassword(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, forgotPasswordSchema, async ({ email }) => {
    const refused = (await throttle(limits.resetIp, await clientIp())) ?? (await throttle(limits.resetEmail, email))
    if (refused) return refused
    await requestPasswordReset(email)
    return ok(null, resetMessage)
  })
}

export async function resetPasswordWithToken(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, resetPasswordSchema, async ({ token, password }) =>
    fromAccountResult(await resetPassword(token, password), 'Your password was changed. Sign in with the new one.'),
  )
}

export async function confirmEmail(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, z.object({ token: tokenSchema }), async ({ token }) => fromAccountResult(await verifyEmailToken(token), 'Your email address is confirmed.'))
}

export async function resendVerificationEmail(): Promise<ActionResult<null>> {
  return handleAction({}, z.object({}), async () => {
    const user = await requireUser()
    const refused = await throttle(limits.resend, user.id)
    if (refused) return refused
    const sent = await resendVerification(user)
    return ok(null, sent ? `We sent a new confirmation link to ${user.email}.` : 'Your email address is already confirmed.')
  })
}

export async function changePasswordAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, changePasswordSchema, async ({ currentPassword, password }) => {
    const user = await requireUser()
    const result = await changePassword(user, currentPassword, password)
    if (result.ok && result.sessionVersion) await reissueSession(user.id, result.sessionVersion, user.mfa)
    return fromAccountResult(result, 'Your password was changed. Every other session has been signed out.')
  })
}

export async function changeEmailAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, changeEmailSchema, async ({ email, currentPassword }) => {
    const user = await requireUser()
    return fromAccountResult(await requestEmailChange(user, email, currentPassword), `We sent a confirmation link to ${email}. Your address changes when you follow it.`)
  })
}

export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  return handleAction({}, z.object({}), async () => {
    const user = await requireUser()
    await signOutEverywhere(user)
    await clearSession()
    return ok(null, 'You were signed out on every device.')
  })
}

export async function deleteAccountAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, z.object({ confirmEmail: z.string().max(254) }), async ({ confirmEmail }) => {
    const user = await requireUser()
    const result = await deleteAccount(user, confirmEmail)
    if (!result.ok) return fromAccountResult(result, '')
    await clearSession()
    return ok(null, 'Your account and its data were deleted.')
  }).then((result) => {
    // Outside handleAction: redirect() works by throwing, which must reach Next.
    if (result.ok) redirect('/login?deleted=1')
    return result
  })
}
