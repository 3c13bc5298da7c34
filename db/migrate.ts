import path from 'node:path'
import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type postgres from 'postgres'
import type { DatabaseHandle } from './index'

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')

// Any constant shared by every instance: the advisory lock serialises concurrent migrators.
const MIGRATION_LOCK_KEY = 7_240_311

/** Applies the committed migrations; safe to call from several processes at once on PostgreSQL. */
export async function runMigrations(handle: DatabaseHandle) {
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder })
    return
  }
  // Advisory locks belong to a session: one reserved connection holds the lock while the
  // migration runs on the pool (so the pool needs at least two connections).
  const reserved = await (handle.client as postgres.Sql).reserve()
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
    try {
      await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder })
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
    }
  } finally {
    reserved.release()
  }
}

/**
 * How many committed migrations the database has not applied yet. Drizzle's migrator applies, in
 * one transaction, every journal entry newer than the newest row of drizzle.__drizzle_migrations;
 * this counts the same way.
 */
export async function pendingMigrations(handle: DatabaseHandle): Promise<number> {
  const journal = readMigrationFiles({ migrationsFolder })
  const rows = async <T>(query: ReturnType<typeof sql>) => {
    const result = (await handle.db.execute(query)) as unknown as T[] | { rows: T[] }
    return Array.isArray(result) ? result : result.rows
  }
  const [table] = await rows<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`)
  let lastApplied = 0
  if (table?.present) {
    const [row] = await rows<{ last: string | null }>(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`)
    lastApplied = Number(row?.last ?? 0)
  }
  return journal.filter((m) => m.folderMillis > lastApplied).length
}
