import { sql } from 'drizzle-orm'
import { db as appDb, queryRows, type Database } from '@/db'
import { emailStatusValues } from '@/db/schema/accounts'
import { metrics } from './metrics'

/**
 * Gauges read from the database when /api/metrics is scraped (not kept up to date in memory:
 * every instance and the worker share one outbox). Two cheap aggregate queries.
 */
export async function refreshDatabaseGauges(database: Database = appDb) {
  const m = metrics()
  const [counts, [ages]] = await Promise.all([
    queryRows<{ status: string; n: number }>(database, sql`select status, count(*)::int as n from email_outbox group by status`),
    queryRows<{ lag: number | string | null; held: number | string | null }>(
      database,
      sql`select
            extract(epoch from now() - min(send_after) filter (where status = 'queued' and send_after <= now()))::float8 as lag,
            extract(epoch from now() - min(created_at) filter (where status = 'held'))::float8 as held
          from email_outbox
          where status in ('queued', 'held')`,
    ),
  ])
  for (const status of emailStatusValues) m.outboxMessages.set({ status }, 0)
  for (const row of counts) m.outboxMessages.set({ status: row.status }, Number(row.n))
  m.jobLagSeconds.set({ job: 'outbox-sender' }, Math.max(0, Number(ages?.lag ?? 0)))
  m.outboxOldestHeldSeconds.set(Math.max(0, Number(ages?.held ?? 0)))
}
