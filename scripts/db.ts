/**
 * Database commands: `npm run db:migrate`, `db:seed`, `db:reset [-- --force]`.
 * On the embedded database they refuse while a running server holds it (see db/lock.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureLocalSecret } from './prepare-env'

ensureLocalSecret()
const command = process.argv[2]
const force = process.argv.includes('--force')

const localHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]', ''])

async function main() {
  const { env } = await import('@/lib/env')
  const { getDatabase, closeDatabase } = await import('@/db')
  const { runMigrations } = await import('@/db/migrate')
  const { seed } = await import('@/db/seed')
  const { lockHolder, DatabaseLockedError } = await import('@/db/lock')
  const { sql } = await import('drizzle-orm')

  if (command === 'reset') {
    if (env.DATABASE_URL) {
      const host = new URL(env.DATABASE_URL).hostname
      if (!localHosts.has(host) && !force) {
        throw new Error(`Refusing to reset the database on ${host}: it is not local. Add -- --force if you really mean it.`)
      }
      const handle = getDatabase()
      await handle.db.execute(sql`drop schema if exists drizzle cascade`)
      await handle.db.execute(sql`drop schema public cascade`)
      await handle.db.execute(sql`create schema public`)
    } else {
      const holder = lockHolder(env.PGLITE_DIR)
      if (holder !== undefined) throw new DatabaseLockedError(env.PGLITE_DIR, holder)
      fs.rmSync(path.resolve(env.PGLITE_DIR), { recursive: true, force: true })
    }
    console.log('Database emptied.')
  }

  const handle = getDatabase()
  try {
    if (command === 'migrate' || command === 'reset' || command === 'seed') {
      await runMigrations(handle)
      console.log(`Migrations applied (${handle.location}).`)
    }
    if (command === 'seed' || command === 'reset') {
      const result = await seed(handle.db, { adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD })
      console.log(`Seeded: ${result.rolesInserted} roles and ${result.partnersInserted} partners added.`)
      if (result.admin) {
        console.log(`Admin sign-in: ${result.admin.email}`)
        if (result.admin.password) console.log(`Admin password (shown once): ${result.admin.password}`)
      }
    }
    if (!['migrate', 'seed', 'reset'].includes(command ?? '')) {
      throw new Error('Usage: tsx scripts/db.ts migrate|seed|reset [--force]')
    }
  } finally {
    await closeDatabase()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
