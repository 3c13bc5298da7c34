'use server'

import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { clientIp } from '@/lib/request'
import { z } from 'zod'
import { reissueSession } from './cookie'
import { requireUser } from './session'
import {
  beginEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  resetTwoFactor,
  type EnrolmentDto,
  type TwoFactorResult,
} from './two-factor'
import { confirmTwoFactorSchema, disableTwoFactorSchema, regenerateRecoveryCodesSchema, resetTwoFactorSchema } from './two-factor-schema'

function toResult<T>(result: TwoFactorResult<T>, message?: string): ActionResult<T> {
  if (!result.ok) return result.field ? fail(result.error, { fieldErrors: { [result.field]: [result.error] } }) : fail(result.error)
  return ok(result.data, message)
}

export async function beginTwoFactorAction(): Promise<ActionResult<EnrolmentDto>> {
  return handleAction({}, z.object({}), async () => toResult(await beginEnrolment()))
}

export async function confirmTwoFactorAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return handleAction(input, confirmTwoFactorSchema, async ({ code }) => {
    const user = await requireUser()
    const result = await confirmEnrolment(code, await clientIp())
    if (!result.ok) return toResult(result)
    // This session proved the second factor; every other one was ended.
    await reissueSession(user.id, result.data.sessionVersion, true)
    return ok({ recoveryCodes: result.data.recoveryCodes }, 'Two-factor sign-in is on. Every other session was signed out.')
  })
}

export async function regenerateRecoveryCodesAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return handleAction(input, regenerateRecoveryCodesSchema, async ({ code }) =>
    toResult(await regenerateRecoveryCodes(code, await clientIp()), 'New recovery codes are ready; the old ones no longer work.'),
  )
}

export async function disableTwoFactorAction(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, disableTwoFactorSchema, async ({ code }) => toResult(await disableTwoFactor(code, await clientIp()), 'Two-factor sign-in is off.'))
}

export async function resetTwoFactorAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return handleAction(input, resetTwoFactorSchema, async ({ userId }) => {
    const result = await resetTwoFactor(userId, await clientIp())
    return toResult(result, result.ok && !result.data.changed ? 'Two-factor sign-in was not set up for this user.' : 'Two-factor sign-in was reset; they set it up again at their next sign-in.')
  })
}
