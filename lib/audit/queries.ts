import 'server-only'
import { and, asc, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '@/db'
import { auditLog, users } from '@/db/schema'
import { requireRole } from '@/lib/auth/session'

export const auditPageSize = 50

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))

/** The log's filters, read from the URL; anything malformed falls back to "no filter". */
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(254).catch(''),
  entityType: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional()
    .catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
export type AuditQuery = z.output<typeof auditQuerySchema>

/**
 * Who made the change. Rows keep no actor once the account is deleted, so a missing actor is a
 * "deleted user" when the row came from a request (it has an IP) or concerns an account that was
 * deleted, and "system" otherwise (jobs, scripts).
 */
export type AuditActorDto = { kind: 'user'; name: string; email: string } | { kind: 'deleted' } | { kind: 'system' }

export interface AuditEntryDto {
  id: number
  createdAt: string
  actor: AuditActorDto
  action: string
  entityType: string
  entityId: string | null
  ip: string | null
  before: unknown
  after: unknown
}

export interface AuditListDto {
  entries: AuditEntryDto[]
  total: number
  page: number
  pageCount: number
}

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`)
const nextDay = (day: string) => new Date(startOfDay(day).getTime() + 24 * 60 * 60 * 1000)

/** Audit rows, newest first, filtered by actor email, entity type and an inclusive range of UTC days. */
export async function listAuditEntries(query: AuditQuery): Promise<AuditListDto> {
  await requireRole('admin')
  const conditions: SQL[] = []
  if (query.actor) conditions.push(ilike(users.email, likePattern(query.actor.toLowerCase())))
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType))
  if (query.from) conditions.push(gte(auditLog.createdAt, startOfDay(query.from)))
  if (query.to) conditions.push(lt(auditLog.createdAt, nextDay(query.to)))
  const where = conditions.length ? and(...conditions) : undefined

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where)
  const pageCount = Math.max(1, Math.ceil(total / auditPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      accountDeleted: sql<boolean>`(${auditLog.entityType} = 'user' and exists (select 1 from ${auditLog} as deletion where deletion.action = 'user.deleted' and deletion.entity_type = 'user' and deletion.entity_id = ${auditLog.entityId}))`,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(auditPageSize)
    .offset((page - 1) * auditPageSize)

  return {
    entries: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      actor:
        r.actorId && r.actorEmail !== null
          ? { kind: 'user', name: r.actorName ?? '', email: r.actorEmail }
          : r.ip !== null || r.accountDeleted
            ? { kind: 'deleted' }
            : { kind: 'system' },
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      ip: r.ip,
      before: r.before,
      after: r.after,
    })),
    total,
    page,
    pageCount,
  }
}

/** The entity types present in the log, for the filter's choices. */
export async function listAuditEntityTypes(): Promise<string[]> {
  await requireRole('admin')
  const rows = await db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType))
  return rows.map((r) => r.entityType)
}
