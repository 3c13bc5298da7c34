'use server'

import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { clientIp } from '@/lib/request'
import { changeUserRole, disableUser, enableUser, type UserStateDto, type UserWriteResult } from './data'
import { changeUserRoleSchema, userIdSchema, userRoleLabels } from './schema'

// Accounts are not cached anywhere (every request re-reads the user), so no cache tag is touched.

function toResult(result: UserWriteResult, message: string): ActionResult<UserStateDto> {
  if (!result.ok) return result.field ? fail(result.error, { fieldErrors: { [result.field]: [result.error] } }) : fail(result.error)
  return ok(result.data, result.changed ? message : 'Nothing to change.')
}

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<UserStateDto>> {
  return handleAction(input, changeUserRoleSchema, async (data) =>
    toResult(await changeUserRole(data, await clientIp()), `The role is now ${userRoleLabels[data.role]}.`),
  )
}

export async function disableUserAction(input: unknown): Promise<ActionResult<UserStateDto>> {
  return handleAction(input, userIdSchema, async (data) =>
    toResult(await disableUser(data, await clientIp()), 'The account is disabled; its open sessions end on their next request.'),
  )
}

export async function enableUserAction(input: unknown): Promise<ActionResult<UserStateDto>> {
  return handleAction(input, userIdSchema, async (data) => toResult(await enableUser(data, await clientIp()), 'The account is enabled again.'))
}
