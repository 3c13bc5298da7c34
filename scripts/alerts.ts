/**
 * Opportunity alert digests by hand: `npm run alerts:send` sends every due digest once and prints
 * a summary; `npm run alerts:send -- --dry-run` prints who would get what and writes nothing.
 * Safe next to a running app on PostgreSQL (each candidate and period is done once). On the
 * embedded database it refuses while a running server holds it (see db/lock.ts): the server's
 * own scheduler sends the digests then.
 */
import { ensureLocalSecret } from './prepare-env'

ensureLocalSecret()
const dryRun = process.argv.includes('--dry-run')
const limitArg = process.argv.find((a) => a.startsWith('--limit='))
const limit = limitArg ? Number.parseInt(limitArg.slice('--limit='.length), 10) : undefined

const day = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'

async function main() {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error('Usage: npm run alerts:send -- [--dry-run] [--limit=N]')
  const { env } = await import('@/lib/env')
  const { closeDatabase, getDatabase } = await import('@/db')
  const { DatabaseLockedError, lockHolder } = await import('@/db/lock')
  if (!env.DATABASE_URL) {
    const holder = lockHolder(env.PGLITE_DIR)
    if (holder !== undefined) throw new DatabaseLockedError(env.PGLITE_DIR, holder)
  }
  const { runDigests } = await import('@/lib/alerts/digest')
  const handle = getDatabase()
  try {
    console.log(`${dryRun ? 'Dry run (nothing is written or sent)' : 'Queuing due digests (the outbox sender delivers them)'} on ${handle.location}`)
    const summary = await runDigests({ dryRun, limit, log: (message, error) => console.error(message, error instanceof Error ? error.message : error) })
    for (const plan of summary.plans) {
      console.log(`\n${plan.email} · ${plan.frequency} · ${plan.periodKey} · ${plan.total} new (published ${day(plan.windowStart)} – ${day(plan.windowEnd)})`)
      for (const item of plan.items) console.log(`  - ${item.title} (${item.company}): ${item.reason}`)
      if (plan.total > plan.items.length) console.log(`  … and ${plan.total - plan.items.length} more`)
    }
    const verb = dryRun ? 'would get' : 'got'
    console.log(
      `\n${summary.due} candidate(s) due: ${summary.sent} ${verb} a digest, ${summary.empty} ${dryRun ? 'have' : 'had'} nothing new${dryRun ? '' : ' (period recorded, no email)'}, ${summary.skipped} skipped${dryRun ? '' : `, ${summary.failed} failed`}.`,
    )
    if (summary.failed) process.exitCode = 1
  } finally {
    await closeDatabase()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
