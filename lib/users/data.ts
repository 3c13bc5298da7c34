import 'server-only'
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { db, type Transaction } from '@/db'
import { users, type UserRole } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { ForbiddenError } from '@/lib/auth/errors'
import { requireRole } from '@/lib/auth/session'
import { roleRank, usersPageSize, type ChangeUserRoleInput, type UserIdInput, type UserListQuery } from './schema'

/** What the admin list shows of an account: never the password hash or the session version. */
export interface UserListItemDto {
  id: string
  name: string
  email: string
  role: UserRole
  emailVerified: boolean
  disabled: boolean
  /** Two-factor sign-in is set up. */
  totp: boolean
  createdAt: string
}

export interface UserListDto {
  users: UserListItemDto[]
  total: number
  page: number
  pageCount: number
}

/** The state of one account after an admin changed it. */
export interface UserStateDto {
  id: string
  role: UserRole
  disabled: boolean
}

export type UserWriteResult = { ok: true; data: UserStateDto; changed: boolean } | { ok: false; error: string; field?: string }

export const lastAdminMessage = 'This is the last active admin account. Make another user an admin first, so that someone can still manage the site.'
export const roleConflictMessage = "Someone else changed this user's role first. Reload to see it, then try again."

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

/** Accounts for the admin list: search by name or email, filter by role and status, newest first. */
export async function listUsers(query: UserListQuery): Promise<UserListDto> {
  await requireRole('admin')
  const conditions: SQL[] = []
  if (query.q) conditions.push(or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q)))!)
  if (query.role) conditions.push(eq(users.role, query.role))
  if (query.status === 'active') conditions.push(isNull(users.disabledAt))
  if (query.status === 'disabled') conditions.push(isNotNull(users.disabledAt))
  const where = conditions.length ? and(...conditions) : undefined

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where)
  const pageCount = Math.max(1, Math.ceil(total / usersPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), asc(users.id))
    .limit(usersPageSize)
    .offset((page - 1) * usersPageSize)
  return {
    users: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      emailVerified: !!r.emailVerifiedAt,
      disabled: !!r.disabledAt,
      totp: !!r.totpEnabledAt,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page,
    pageCount,
  }
}

/**
 * Locks every active admin row (in id order, so two admins acting at once queue instead of
 * deadlocking), then the target row. Under READ COMMITTED a waiting transaction re-checks the
 * locked rows once the first commits, so two admins demoting each other cannot both succeed.
 */
async function lockForAdminChange(tx: Transaction, actorId: string, targetId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for('no key update')
  // The actor may have been demoted or disabled since the request began.
  if (!admins.some((a) => a.id === actorId)) throw new ForbiddenError()
  const [target] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, targetId))
    .for('no key update')
  return { activeAdmins: admins.length, target }
}

const stateOf = (row: { id: string; role: UserRole; disabledAt: Date | null }): UserStateDto => ({ id: row.id, role: row.role, disabled: !!row.disabledAt })

/** Gives a user another role. Moving them down ends their open sessions; the last active admin keeps the role. */
export async function changeUserRole(input: ChangeUserRoleInput, ip?: string): Promise<UserWriteResult> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const { activeAdmins, target } = await lockForAdminChange(tx, admin.id, input.userId)
    if (!target) return { ok: false, error: 'This user no longer exists.' }
    if (target.role !== input.expectedRole) return { ok: false, error: roleConflictMessage }
    if (target.role === input.role) return { ok: true, data: stateOf(target), changed: false }
    if (target.role === 'admin' && !target.disabledAt && activeAdmins <= 1) return { ok: false, field: 'role', error: lastAdminMessage }

    const demoted = roleRank[input.role] < roleRank[target.role]
    const [row] = await tx
      .update(users)
      .set({
        role: input.role,
        ...(demoted ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, target.id))
      .returning({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    await writeAudit(tx, {
      actorId: admin.id,
      action: 'user.change_role',
      entityType: 'user',
      entityId: target.id,
      before: { role: target.role },
      after: { role: input.role, sessionsEnded: demoted },
      ip,
    })
    return { ok: true, data: stateOf(row!), changed: true }
  })
}

/** Disables an account: it cannot sign in, and every open session is refused from its next request. */
export async function disableUser(input: UserIdInput, ip?: string): Promise<UserWriteResult> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const { activeAdmins, target } = await lockForAdminChange(tx, admin.id, input.userId)
    if (!target) return { ok: false, error: 'This user no longer exists.' }
    if (target.disabledAt) return { ok: true, data: stateOf(target), changed: false }
    if (target.role === 'admin' && activeAdmins <= 1) return { ok: false, error: lastAdminMessage }

    const [row] = await tx
      .update(users)
      .set({ disabledAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, target.id))
      .returning({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    await writeAudit(tx, { actorId: admin.id, action: 'user.disable', entityType: 'user', entityId: target.id, before: { disabled: false }, after: { disabled: true }, ip })
    return { ok: true, data: stateOf(row!), changed: true }
  })
}

/** Lets a disabled account sign in again (its old sessions stay ended). */
export async function enableUser(input: UserIdInput, ip?: string): Promise<UserWriteResult> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const { target } = await lockForAdminChange(tx, admin.id, input.userId)
    if (!target) return { ok: false, error: 'This user no longer exists.' }
    if (!target.disabledAt) return { ok: true, data: stateOf(target), changed: false }

    const [row] = await tx
      .update(users)
      .set({ disabledAt: null, updatedAt: sql`now()` })
      .where(eq(users.id, target.id))
      .returning({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    await writeAudit(tx, { actorId: admin.id, action: 'user.enable', entityType: 'user', entityId: target.id, before: { disabled: true }, after: { disabled: false }, ip })
    return { ok: true, data: stateOf(row!), changed: true }
  })
}
