import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { media } from './media'

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    websiteUrl: text('website_url'),
    // A logo is optional; deleting the file leaves the partner with its monogram fallback.
    logoMediaId: uuid('logo_media_id').references(() => media.id, { onDelete: 'set null' }),
    displayOrder: integer('display_order').notNull().default(0),
    visible: boolean('visible').notNull().default(true),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('partners_slug_key').on(t.slug),
    index('partners_public_idx').on(t.displayOrder).where(sql`${t.visible} and ${t.deletedAt} is null`),
    check('partners_website_https_chk', sql`${t.websiteUrl} is null or ${t.websiteUrl} ~ '^https://'`),
  ],
)
