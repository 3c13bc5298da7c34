'use server'

import { z } from 'zod'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { requireUser } from '@/lib/auth/session'
import { isRoleSaved, saveRole, unsaveRole, updateAlertSettings, updateProfile, type ProfileResult } from './data'
import { alertSettingsSchema, profileSchema, roleSlugSchema } from './schema'

function fromResult(result: ProfileResult, message: string): ActionResult<null> {
  if (result.ok) return ok(null, message)
  return result.field ? fail('Please correct the highlighted field.', { fieldErrors: { [result.field]: [result.error] } }) : fail(result.error)
}

/** Only the fields of the schema are read: extra keys (`role`, `userId`, ...) are dropped by zod. */
export async function saveProfile(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, profileSchema, async (data) => fromResult(await updateProfile(await requireUser(), data), 'Your profile was saved.'))
}

export async function saveAlertSettings(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, alertSettingsSchema, async (data) => {
    await updateAlertSettings(await requireUser(), data)
    return ok(null, data.frequency === 'off' ? 'Opportunity alerts are off.' : data.paused ? 'Opportunity alerts are paused.' : `You will get opportunities ${data.frequency}.`)
  })
}

export async function setRoleSaved(input: unknown): Promise<ActionResult<{ saved: boolean }>> {
  return handleAction(input, roleSlugSchema.extend({ saved: z.boolean() }), async ({ slug, saved }) => {
    const user = await requireUser()
    const result = saved ? await saveRole(user, slug) : await unsaveRole(user, slug)
    if (!result.ok) return fail(result.error)
    return ok({ saved: await isRoleSaved(user, slug) }, saved ? 'Saved to your dashboard.' : 'Removed from your saved roles.')
  })
}
