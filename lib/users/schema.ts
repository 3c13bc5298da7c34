import { z } from 'zod'
import { userRoleValues, type UserRole } from '@/db/schema/users'

export const usersPageSize = 25

export const userRoleLabels: Record<UserRole, string> = {
  candidate: 'Candidate',
  trainer: 'Trainer',
  editor: 'Editor',
  admin: 'Admin',
}

/** Higher means more power; moving a user down ends their open sessions. */
export const roleRank: Record<UserRole, number> = { candidate: 0, trainer: 1, editor: 2, admin: 3 }

const userId = z.uuid({ error: 'Unknown user' })
const role = z.enum(userRoleValues, { error: 'Choose a role' })

/** The list's filters, read from the URL; anything malformed falls back to "no filter". */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
  role: role.optional().catch(undefined),
  status: z.enum(['active', 'disabled']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type UserListQuery = z.output<typeof userListQuerySchema>

/** `expectedRole` is the role the admin saw: a change made meanwhile by someone else is not overwritten. */
export const changeUserRoleSchema = z.object({
  userId,
  role,
  expectedRole: role,
})
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>

export const userIdSchema = z.object({ userId })
export type UserIdInput = z.input<typeof userIdSchema>
