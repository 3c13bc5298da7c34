import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import { desc, sql } from 'drizzle-orm'
import { db, getDatabase, queryRows } from '@/db'
import { backupRuns, emailStatusValues, errorEvents } from '@/db/schema'
import { requireRole } from '@/lib/auth/session'
import { buildInfo } from '@/lib/env'

type EmailStatus = (typeof emailStatusValues)[number]

export interface OperationsErrorDto {
  id: number
  digest: string | null
  requestId: string | null
  route: string | null
  message: string
  createdAt: string
}

export interface OperationsDto {
  version: string
  commit: string
  uptimeSeconds: number
  database: { engine: 'postgres' | 'pglite'; sizeBytes: number | null }
  /** drizzle keeps no time of application; `latestCreatedAt` is when the latest applied migration was generated. */
  migrations: { applied: number; known: number; latest: string | null; latestCreatedAt: string | null }
  outbox: { counts: Record<EmailStatus, number>; oldestHeldAt: string | null }
  lastBackup: { finishedAt: string; file: string; bytes: number | null; engine: string } | null
  errors: OperationsErrorDto[]
}

export const operationsErrorLimit = 50

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null)

/** The migrations this build ships (db/migrate.ts applies them from db/migrations), by generation time. */
function journal(): { tag: string; when: number }[] {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries?: { tag: string; when: number }[] }
    return raw.entries ?? []
  } catch {
    return []
  }
}

/** What an admin needs to know about this instance and its database; admins only. */
export async function getOperationsOverview(): Promise<OperationsDto> {
  await requireRole('admin')
  const [[size], [migrationRow], outboxRows, [held], [backup], errors] = await Promise.all([
    queryRows<{ bytes: string | number }>(db, sql`select pg_database_size(current_database())::bigint as bytes`).catch(() => []),
    queryRows<{ n: number; last: string | number | null }>(db, sql`select count(*)::int as n, max(created_at)::bigint as last from drizzle.__drizzle_migrations`).catch(() => []),
    queryRows<{ status: EmailStatus; n: number }>(db, sql`select status, count(*)::int as n from email_outbox group by status`),
    queryRows<{ oldest: Date | string | null }>(db, sql`select min(created_at) as oldest from email_outbox where status = 'held'`),
    db.select({ finishedAt: backupRuns.finishedAt, file: backupRuns.file, bytes: backupRuns.bytes, engine: backupRuns.engine }).from(backupRuns).orderBy(desc(backupRuns.finishedAt)).limit(1),
    db
      .select({ id: errorEvents.id, digest: errorEvents.digest, requestId: errorEvents.requestId, route: errorEvents.route, message: errorEvents.message, createdAt: errorEvents.createdAt })
      .from(errorEvents)
      .orderBy(desc(errorEvents.id))
      .limit(operationsErrorLimit),
  ])
  const known = journal()
  const lastWhen = migrationRow?.last == null ? null : Number(migrationRow.last)
  const counts = Object.fromEntries(emailStatusValues.map((s) => [s, 0])) as Record<EmailStatus, number>
  for (const row of outboxRows) counts[row.status] = Number(row.n)
  return {
    version: buildInfo.version,
    commit: buildInfo.commit,
    uptimeSeconds: Math.round(process.uptime()),
    database: { engine: getDatabase().engine, sizeBytes: size ? Number(size.bytes) : null },
    migrations: {
      applied: migrationRow ? Number(migrationRow.n) : 0,
      known: known.length,
      latest: lastWhen === null ? null : (known.find((m) => m.when === lastWhen)?.tag ?? null),
      latestCreatedAt: lastWhen === null ? null : new Date(lastWhen).toISOString(),
    },
    outbox: { counts, oldestHeldAt: iso(held?.oldest) },
    lastBackup: backup ? { finishedAt: backup.finishedAt.toISOString(), file: backup.file, bytes: backup.bytes, engine: backup.engine } : null,
    errors: errors.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  }
}
