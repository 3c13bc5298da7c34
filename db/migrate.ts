import path from 'node:path'
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
