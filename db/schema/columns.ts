import { customType, timestamp } from 'drizzle-orm/pg-core'

/** Raw bytes stored in PostgreSQL (`bytea`); both engines hand back a Buffer/Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
})

/** Full-text search vector, maintained by database triggers (see the roles search migration). */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
})

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
