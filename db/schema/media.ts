import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { bytea, createdAt } from './columns'
import { users } from './users'

/** Uploaded files, kept in PostgreSQL so one backup holds everything and any instance can serve them. */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bytes: bytea('bytes').notNull(),
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    altText: text('alt_text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('media_sha256_idx').on(t.sha256),
    check('media_size_chk', sql`${t.byteSize} > 0 and ${t.byteSize} = octet_length(${t.bytes})`),
    check('media_dimensions_chk', sql`(${t.width} is null or ${t.width} > 0) and (${t.height} is null or ${t.height} > 0)`),
    check('media_sha256_chk', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
)
