import 'server-only'
import type { Executor } from '@/db'
import { auditLog } from '@/db/schema'

export interface AuditEntry {
  actorId: string | null
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
  ip?: string | null
}

/** Writes the audit row; call it with the transaction that makes the change. */
export async function writeAudit(tx: Executor, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  })
}
