/**
 * Addresses not to mail again: a hard bounce (the SMTP server refused the recipient with a 5xx),
 * a complaint, or an admin's choice. The sender checks every message against this list; only mail
 * the person asks for themselves (a password reset, an address verification) still goes out.
 * No `server-only` import: the sender loads it in `npm run worker` too. Admin reads and writes
 * live in suppression-admin.ts.
 */
import { inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db'
import { emailSuppressions } from '@/db/schema'

export const suppressionReasons = ['hard_bounce', 'complaint', 'manual'] as const
export type SuppressionReason = (typeof suppressionReasons)[number]

/** Mail the person requested themselves: sent even to a suppressed address (they are asking for it now). */
export const requestedTransactionalKinds: ReadonlySet<string> = new Set(['password_reset', 'email_verification', 'email_change'])

/** What a suppressed message's last_error says. */
export const suppressedError = 'suppressed'

/** The addresses among `emails` that are on the list (lower-case). */
export async function suppressedAmong(executor: Executor, emails: string[]): Promise<Set<string>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))]
  if (!wanted.length) return new Set()
  const rows = await executor.select({ email: emailSuppressions.email }).from(emailSuppressions).where(inArray(emailSuppressions.email, wanted))
  return new Set(rows.map((r) => r.email))
}

/** Adds an address; an address already listed keeps its first reason. Answers whether it was added. */
export async function suppressAddress(executor: Executor, entry: { email: string; reason: SuppressionReason; detail?: string | null; createdBy?: string | null }) {
  const rows = await executor
    .insert(emailSuppressions)
    .values({ email: entry.email.toLowerCase(), reason: entry.reason, detail: entry.detail?.slice(0, 1000) ?? null, createdBy: entry.createdBy ?? null, createdAt: sql`now()` })
    .onConflictDoNothing({ target: emailSuppressions.email })
    .returning({ email: emailSuppressions.email })
  return rows.length === 1
}

/**
 * A hard bounce: the server refused the recipient itself (a 5xx reply to RCPT TO). A 5xx at
 * another step (authentication, the sender address, the message) says nothing about the address.
 */
export function isHardBounce(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown }
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && command === 'RCPT TO'
}
