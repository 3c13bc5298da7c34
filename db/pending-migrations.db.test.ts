import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { describe, expect, it } from 'vitest'
import { openPglite } from '@/db'
import { migrationsFolder, pendingMigrations, runMigrations } from '@/db/migrate'
import { createTestDatabase, testEngines } from '@/test/db'

const committed = readMigrationFiles({ migrationsFolder }).length

describe('pendingMigrations', () => {
  it('counts every migration on an empty database, none once migrated', async () => {
    const handle = openPglite('memory://')
    try {
      expect(committed).toBeGreaterThanOrEqual(7)
      expect(await pendingMigrations(handle)).toBe(committed)
      await runMigrations(handle)
      expect(await pendingMigrations(handle)).toBe(0)
    } finally {
      await handle.close()
    }
  }, 180_000)

  for (const engine of testEngines) {
    it(`counts what a database behind by two still needs, and migrating catches up [${engine}]`, async () => {
      const handle = await createTestDatabase(engine)
      try {
        expect(await pendingMigrations(handle)).toBe(0)
        // As if the newest two had not been applied yet (the migrator goes by the newest applied timestamp).
        await handle.db.execute(sql`delete from drizzle.__drizzle_migrations where id in (select id from drizzle.__drizzle_migrations order by created_at desc limit 2)`)
        expect(await pendingMigrations(handle)).toBe(2)
      } finally {
        await handle.drop()
      }
    }, 120_000)
  }
})
