/**
 * `npm run db:backup [-- --out file]` and `npm run db:restore -- <file> [--force]`, for either
 * engine. The embedded database is backed up and restored only while no server holds it.
 */
import { ensureLocalSecret } from './prepare-env'

ensureLocalSecret()
const [command, ...rest] = process.argv.slice(2)
const force = rest.includes('--force')
const localHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]', ''])

function option(name: string) {
  const at = rest.indexOf(name)
  return at === -1 ? undefined : rest[at + 1]
}

async function main() {
  const { env } = await import('@/lib/env')
  const { backupDatabase, restoreDatabase, targetFrom } = await import('@/lib/backup')
  const target = targetFrom(env)
  const where = target.engine === 'postgres' ? `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}` : `embedded PGlite at ${target.dir}`

  if (command === 'backup') {
    const started = Date.now()
    const file = await backupDatabase(target, option('--out'))
    const { size } = await import('node:fs').then((fs) => fs.statSync(file))
    console.log(`Backed up ${where} to ${file} (${(size / 1024 / 1024).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s).`)
    // Recorded for the operations page (/admin/operations: "last backup").
    const { getDatabase, closeDatabase } = await import('@/db')
    const { backupRuns } = await import('@/db/schema')
    try {
      await getDatabase().db.insert(backupRuns).values({ engine: target.engine, file, bytes: size })
    } finally {
      await closeDatabase()
    }
    return
  }

  if (command === 'restore') {
    const file = rest.find((a) => !a.startsWith('--'))
    if (!file) throw new Error('Usage: npm run db:restore -- <backup file> [--force]')
    if (target.engine === 'postgres' && !localHosts.has(new URL(target.url).hostname) && !force) {
      throw new Error(`Refusing to overwrite the database on ${new URL(target.url).hostname}: it is not local. Add --force if you really mean it.`)
    }
    console.log(`Restoring ${file} into ${where} ...`)
    await restoreDatabase(target, file)
    const { getDatabase, closeDatabase } = await import('@/db')
    const { rowCounts } = await import('@/lib/backup/checksum')
    try {
      const counts = Object.values(await rowCounts(getDatabase().db))
      console.log(`Restored: ${counts.length} tables, ${counts.reduce((a, b) => a + b, 0)} rows.`)
    } finally {
      await closeDatabase()
    }
    return
  }

  throw new Error('Usage: npm run db:backup [-- --out <file>] | npm run db:restore -- <file> [--force]')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
