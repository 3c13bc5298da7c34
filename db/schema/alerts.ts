import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { emailOutbox } from './accounts'
import { createdAt } from './columns'
import { users } from './users'

/**
 * One row per candidate and digest period ("2026-W48", "2026-11-28", "2026-11"): the unique key
 * makes the digest job idempotent. The row, the outbox message and the candidate's
 * last_digest_at are written in one transaction, so a crash leaves either all or nothing, and a
 * rerun skips whoever already has a row for the period.
 */
export const alertDigests = pgTable(
  'alert_digests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    /** Opportunities in the digest (0 when nothing new: the period is done, no email). */
    opportunityCount: integer('opportunity_count').notNull().default(0),
    outboxId: uuid('outbox_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    /** Opportunities published after this instant and up to `windowEnd` were considered. */
    windowStart: timestamp('window_start', { withTimezone: true }),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('alert_digests_user_period_key').on(t.userId, t.periodKey),
    index('alert_digests_created_idx').on(t.createdAt),
    check('alert_digests_count_chk', sql`${t.opportunityCount} >= 0`),
  ],
)
