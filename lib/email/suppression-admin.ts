import 'server-only'
import { count, desc, eq, ilike } from 'drizzle-orm'
import { db } from '@/db'
import { emailSuppressions, users } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { suppressionPageSize, type SuppressionListQuery } from './suppression-schema'
import { suppressAddress, type SuppressionReason } from './suppressions'

export interface SuppressionDto {
  email: string
  reason: SuppressionReason
  detail: string | null
  addedBy: string | null
  createdAt: string
}

export interface SuppressionListDto {
  suppressions: SuppressionDto[]
  total: number
  page: number
  pageCount: number
}

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

/** The list (admins only): search by address, newest first. */
export async function listSuppressions(query: SuppressionListQuery): Promise<SuppressionListDto> {
  await requireRole('admin')
  const where = query.q ? ilike(emailSuppressions.email, likePattern(query.q)) : undefined
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(emailSuppressions).where(where)
  const pageCount = Math.max(1, Math.ceil(total / suppressionPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select({ email: emailSuppressions.email, reason: emailSuppressions.reason, detail: emailSuppressions.detail, addedBy: users.name, createdAt: emailSuppressions.createdAt })
    .from(emailSuppressions)
    .leftJoin(users, eq(users.id, emailSuppressions.createdBy))
    .where(where)
    .orderBy(desc(emailSuppressions.createdAt), emailSuppressions.email)
    .limit(suppressionPageSize)
    .offset((page - 1) * suppressionPageSize)
  return {
    suppressions: rows.map((r) => ({ ...r, reason: r.reason as SuppressionReason, createdAt: r.createdAt.toISOString() })),
    total,
    page,
    pageCount,
  }
}

/** An admin marks an address (a complaint, or a request not to be mailed); audited. */
export async function addSuppressionAsAdmin(input: { email: string; reason: 'complaint' | 'manual'; detail: string }, ip?: string): Promise<ActionResult<null>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const added = await suppressAddress(tx, { email: input.email, reason: input.reason, detail: input.detail || null, createdBy: admin.id })
    if (!added) return fail('That address is already on the list.')
    await writeAudit(tx, { actorId: admin.id, action: 'email_suppression.add', entityType: 'email_suppression', entityId: input.email, after: { reason: input.reason, detail: input.detail || null }, ip })
    return ok(null, `${input.email} will not be mailed any more, except mail they ask for (password resets, address verification).`)
  })
}

/** Takes an address off the list (it is mailed again from now on); audited with what the row said. */
export async function clearSuppressionAsAdmin(email: string, ip?: string): Promise<ActionResult<null>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(emailSuppressions)
      .where(eq(emailSuppressions.email, email))
      .returning({ reason: emailSuppressions.reason, detail: emailSuppressions.detail, createdAt: emailSuppressions.createdAt })
    if (!removed) return fail('That address is not on the list (someone may have cleared it already).')
    await writeAudit(tx, {
      actorId: admin.id,
      action: 'email_suppression.clear',
      entityType: 'email_suppression',
      entityId: email,
      before: { reason: removed.reason, detail: removed.detail, createdAt: removed.createdAt.toISOString() },
      ip,
    })
    return ok(null, `${email} was taken off the list and will be mailed again.`)
  })
}
