import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { db, type Transaction } from '@/db'
import { formBotEvents, formSubmissions } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { consume, retryMessage, type Limit } from '@/lib/rate-limit'
import { clientIp } from '@/lib/request'
import type { FormGuard } from './schema'

export type PublicFormName = 'newsletter' | 'partnership' | 'demo' | 'trainer-application'

/** Below this, a person cannot have read and filled the form: the submit is a bot's. */
export const minimumFillMs: Record<PublicFormName, number> = {
  newsletter: 2_000,
  partnership: 4_000,
  demo: 4_000,
  'trainer-application': 10_000,
}

/** Per IP and per email address, for every public form. */
export const publicFormLimits: Record<PublicFormName, { ip: Limit; email: Limit }> = {
  newsletter: { ip: { name: 'form-newsletter-ip', points: 20, durationSeconds: 3600 }, email: { name: 'form-newsletter-email', points: 5, durationSeconds: 3600 } },
  partnership: { ip: { name: 'form-partnership-ip', points: 10, durationSeconds: 3600 }, email: { name: 'form-partnership-email', points: 3, durationSeconds: 3600 } },
  demo: { ip: { name: 'form-demo-ip', points: 10, durationSeconds: 3600 }, email: { name: 'form-demo-email', points: 3, durationSeconds: 3600 } },
  'trainer-application': { ip: { name: 'form-application-ip', points: 10, durationSeconds: 3600 }, email: { name: 'form-application-email', points: 5, durationSeconds: 3600 } },
}

export type BotReason = 'honeypot' | 'too-fast'

export function botReason(form: PublicFormName, guard: FormGuard): BotReason | null {
  if (guard.hp) return 'honeypot'
  if (guard.fillMs < minimumFillMs[form]) return 'too-fast'
  return null
}

/** Counts a caught bot (per form, reason and day); nothing it sent is kept. */
export async function countBot(form: PublicFormName, reason: BotReason) {
  await db
    .insert(formBotEvents)
    .values({ form, reason, day: sql`current_date`, count: 1 })
    .onConflictDoUpdate({ target: [formBotEvents.form, formBotEvents.reason, formBotEvents.day], set: { count: sql`${formBotEvents.count} + 1` } })
}

async function storedResult<T>(form: PublicFormName, key: string): Promise<ActionResult<T> | null> {
  const [row] = await db
    .select({ result: formSubmissions.result })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.form, form), eq(formSubmissions.key, key)))
  return (row?.result as ActionResult<T> | null | undefined) ?? null
}

export interface GuardedSubmit<T> {
  form: PublicFormName
  guard: FormGuard
  /** The address the submit is about (rate-limited too); lower-cased by the schema. */
  email: string
  /** What a bot is told: the same answer a person gets, so it learns nothing. */
  thanks: ActionResult<T>
  /** Stores the record (and queues its emails) in the transaction that claims the key. */
  run: (tx: Transaction) => Promise<ActionResult<T>>
  /** Overrides the per-form limits (tests, or a form with its own). */
  limits?: { ip: Limit; email: Limit }
  ip?: string
}

/**
 * The one path of every public form submit:
 * 1. a bot (honeypot filled, or faster than a person) is told "thanks", counted, nothing stored;
 * 2. a key seen before gets the first answer again (a double click or a replayed request);
 * 3. rate limits per IP and per address, with "try again in N minutes";
 * 4. the record is stored in the transaction that claims the key, so two racing submits with
 *    the same key create one record: the second waits on the first's row lock and answers with
 *    the first's result. A refused submit (a validation error from `run`) releases the key.
 */
export async function guardedSubmit<T>({ form, guard, email, thanks, run, limits, ip }: GuardedSubmit<T>): Promise<ActionResult<T>> {
  const reason = botReason(form, guard)
  if (reason) {
    await countBot(form, reason)
    return thanks
  }
  const seen = await storedResult<T>(form, guard.idempotencyKey)
  if (seen) return seen
  const limit = limits ?? publicFormLimits[form]
  for (const [l, key] of [
    [limit.ip, ip ?? (await clientIp())],
    [limit.email, email],
  ] as const) {
    const state = await consume(l, key)
    if (!state.ok) return fail(retryMessage(state.retryAfterSeconds), { retryAfterSeconds: state.retryAfterSeconds })
  }
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ form, key: guard.idempotencyKey })
      .onConflictDoNothing()
      .returning({ key: formSubmissions.key })
    if (claimed.length === 0) {
      const [row] = await tx
        .select({ result: formSubmissions.result })
        .from(formSubmissions)
        .where(and(eq(formSubmissions.form, form), eq(formSubmissions.key, guard.idempotencyKey)))
      return (row?.result as ActionResult<T> | null) ?? fail('This form was already sent. Reload the page to send it again.')
    }
    const result = await run(tx)
    if (!result.ok) {
      // Nothing was stored: let the person correct the form and send it again with the same key.
      await tx.delete(formSubmissions).where(and(eq(formSubmissions.form, form), eq(formSubmissions.key, guard.idempotencyKey)))
      return result
    }
    await tx
      .update(formSubmissions)
      .set({ result })
      .where(and(eq(formSubmissions.form, form), eq(formSubmissions.key, guard.idempotencyKey)))
    return result
  })
}

export { ok }
