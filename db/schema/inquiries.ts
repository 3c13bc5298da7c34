import { sql } from 'drizzle-orm'
import { check, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { users } from './users'

export const inquiryKindValues = ['partnership', 'demo'] as const
export const inquiryKind = pgEnum('inquiry_kind', inquiryKindValues)
export const inquiryStatusValues = ['new', 'contacted', 'closed'] as const
export const inquiryStatus = pgEnum('inquiry_status', inquiryStatusValues)
export type InquiryStatus = (typeof inquiryStatusValues)[number]

/** Partnership inquiries and demo bookings: one inbox for the team. */
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: inquiryKind('kind').notNull(),
    status: inquiryStatus('status').notNull().default('new'),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    /** Company size (partnerships) or team size (demos), one of the form's ranges. */
    size: text('size').notNull(),
    /** Partnerships: the kind of partnership. */
    partnershipType: text('partnership_type'),
    message: text('message').notNull().default(''),
    /** Demos: roles or programs of interest (their titles, as chosen). */
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    /** Demos: up to three preferred dates (YYYY-MM-DD) and the time zone (IANA name). */
    preferredDates: text('preferred_dates').array().notNull().default(sql`'{}'::text[]`),
    timeZone: text('time_zone'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inquiries_inbox_idx').on(t.status, t.createdAt),
    index('inquiries_kind_idx').on(t.kind, t.createdAt),
    check('inquiries_email_chk', sql`${t.email} = lower(${t.email}) and ${t.email} !~ '[\\r\\n]'`),
  ],
)

export const inquiryNotes = pgTable(
  'inquiry_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('inquiry_notes_inquiry_idx').on(t.inquiryId, t.createdAt), check('inquiry_notes_body_chk', sql`char_length(${t.body}) between 1 and 4000`)],
)
