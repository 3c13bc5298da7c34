import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openPglite, queryRows } from '@/db'
import { runMigrations } from '@/db/migrate'
import { createTestDatabase, testEngines } from '@/test/db'

const expectedTables = ['audit_log', 'media', 'partners', 'role_categories', 'role_skills', 'roles', 'skills', 'users']

describe('migrations', () => {
  it('apply to an empty embedded database and are idempotent', async () => {
    const handle = openPglite('memory://')
    try {
      await runMigrations(handle)
      await runMigrations(handle)
      const rows = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      )
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(expectedTables))
    } finally {
      await handle.close()
    }
  })

  it.runIf(testEngines.includes('postgres'))('apply to an empty PostgreSQL database, also from two migrators at once', async () => {
    // A fresh database from the template is already migrated; drop and re-run from nothing.
    const handle = await createTestDatabase('postgres')
    try {
      await handle.db.execute(sql`drop schema drizzle cascade`)
      await handle.db.execute(sql`drop schema public cascade`)
      await handle.db.execute(sql`create schema public`)
      await Promise.all([runMigrations(handle), runMigrations(handle)])
      const rows = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      )
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(expectedTables))
      const [applied] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      expect(applied!.n).toBeGreaterThanOrEqual(2)
    } finally {
      await handle.drop()
    }
  })
})
