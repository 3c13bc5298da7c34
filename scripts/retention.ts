/**
 * `npm run retention`: one retention run now (what the daily in-process run does), printing what
 * it deleted. Safe next to a running app on PostgreSQL (an advisory lock makes a concurrent run
 * skip). On the embedded database it refuses while a running server holds it: the server's own
 * daily run does the work then.
 */
import { ensureLocalSecret } from './prepare-env'

ensureLocalSecret()

async function main() {
  const { env } = await import('@/lib/env')
  const { closeDatabase, getDatabase } = await import('@/db')
  const { DatabaseLockedError, lockHolder } = await import('@/db/lock')
  if (!env.DATABASE_URL) {
    const holder = lockHolder(env.PGLITE_DIR)
    if (holder !== undefined) throw new DatabaseLockedError(env.PGLITE_DIR, holder)
  }
  const { logRetentionSummary, runRetention } = await import('@/lib/privacy/retention')
  const { retentionPeriods } = await import('@/lib/privacy/retention-config')
  const handle = getDatabase()
  try {
    console.log(`Retention run on ${handle.location} with periods ${JSON.stringify(retentionPeriods)}`)
    logRetentionSummary(await runRetention())
  } finally {
    await closeDatabase()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
