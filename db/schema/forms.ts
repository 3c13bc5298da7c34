import { sql } from 'drizzle-orm'
import { check, date, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/**
 * Idempotent public form submits: the browser makes a key when the form is shown; the first
 * submit with it claims the row (in the transaction that stores the record) and keeps its answer,
 * so a double click or a replayed request gets that same answer and creates nothing more.
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    form: text('form').notNull(),
    key: text('key').notNull(),
    result: jsonb('result'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.form, t.key] }), check('form_submissions_key_chk', sql`char_length(${t.key}) between 16 and 64`)],
)

/** Bots caught by the honeypot or the minimum fill time: counted per form, reason and day, nothing else kept. */
export const formBotEvents = pgTable(
  'form_bot_events',
  {
    form: text('form').notNull(),
    reason: text('reason').notNull(),
    day: date('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.form, t.reason, t.day] })],
)
