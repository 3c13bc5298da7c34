import { sql } from 'drizzle-orm'
import { bigint, bigserial, boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { users } from './users'

/**
 * What a person agreed to (or withdrew), when, on which form, and the exact wording they saw.
 * Append-only: the latest row per (email, purpose) is the current state.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** newsletter | alerts | terms */
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    /** The form it came from (footer-newsletter, home-newsletter, dashboard-alerts, signup). */
    source: text('source').notNull(),
    wording: text('wording').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('consent_records_email_idx').on(t.email, t.purpose, t.createdAt),
    index('consent_records_user_idx').on(t.userId),
    check('consent_records_email_chk', sql`${t.email} = lower(${t.email})`),
  ],
)

/** Addresses not to mail again (hard bounce, complaint, or added by an admin), except mail the person asks for. */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    email: text('email').primaryKey(),
    /** hard_bounce | complaint | manual */
    reason: text('reason').notNull(),
    detail: text('detail'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('email_suppressions_email_chk', sql`${t.email} = lower(${t.email})`),
    check('email_suppressions_reason_chk', sql`${t.reason} in ('hard_bounce', 'complaint', 'manual')`),
  ],
)

/** Server errors, kept for the operations page (the last ones) across every instance. */
export const errorEvents = pgTable(
  'error_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    digest: text('digest'),
    requestId: text('request_id'),
    route: text('route'),
    message: text('message').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('error_events_created_idx').on(t.createdAt)],
)

/** One row per backup taken with `npm run db:backup` (shown on the operations page). */
export const backupRuns = pgTable('backup_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  engine: text('engine').notNull(),
  file: text('file').notNull(),
  bytes: bigint('bytes', { mode: 'number' }),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
})
