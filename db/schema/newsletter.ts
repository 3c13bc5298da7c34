import { sql } from 'drizzle-orm'
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'

export const subscriberStatusValues = ['pending', 'confirmed', 'unsubscribed'] as const
export const subscriberStatus = pgEnum('subscriber_status', subscriberStatusValues)
export type SubscriberStatus = (typeof subscriberStatusValues)[number]

/**
 * Newsletter addresses with double opt-in: only `confirmed` ones get the newsletter. The
 * confirmation token is stored as its SHA-256; unsubscribe links carry an HMAC of the id.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    status: subscriberStatus('status').notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    confirmSentAt: timestamp('confirm_sent_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** Where they signed up (footer, home). */
    source: text('source').notNull().default('footer'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('newsletter_subscribers_email_key').on(t.email),
    uniqueIndex('newsletter_subscribers_token_key').on(t.confirmTokenHash),
    index('newsletter_subscribers_status_idx').on(t.status, t.createdAt),
    check('newsletter_subscribers_email_chk', sql`${t.email} = lower(${t.email}) and ${t.email} !~ '[\\r\\n]'`),
  ],
)
