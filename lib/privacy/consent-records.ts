import 'server-only'
import { desc, eq, or } from 'drizzle-orm'
import type { Executor } from '@/db'
import { consentRecords } from '@/db/schema'
import { consentSources, type ConsentSource } from './consent'

/**
 * Appends what the person agreed to (or withdrew) on `source`, with that form's wording, in the
 * caller's transaction. Append-only: the newest row per (email, purpose) is the current state.
 */
export async function recordConsent(tx: Executor, entry: { source: ConsentSource; email: string; userId?: string | null }) {
  const { purpose, granted, wording } = consentSources[entry.source]
  await tx.insert(consentRecords).values({ userId: entry.userId ?? null, email: entry.email.toLowerCase(), purpose, granted, source: entry.source, wording })
}

export interface ConsentRecordDto {
  purpose: string
  granted: boolean
  source: string
  wording: string
  at: string
}

/** A person's consent history (their account's rows and rows for their address), oldest first, for their data export. */
export async function consentHistory(executor: Executor, person: { userId: string; email: string }): Promise<ConsentRecordDto[]> {
  const rows = await executor
    .select({ purpose: consentRecords.purpose, granted: consentRecords.granted, source: consentRecords.source, wording: consentRecords.wording, createdAt: consentRecords.createdAt, id: consentRecords.id })
    .from(consentRecords)
    .where(or(eq(consentRecords.userId, person.userId), eq(consentRecords.email, person.email.toLowerCase())))
    .orderBy(desc(consentRecords.createdAt), desc(consentRecords.id))
  return rows.reverse().map(({ createdAt, id: _id, ...r }) => ({ ...r, at: createdAt.toISOString() }))
}
