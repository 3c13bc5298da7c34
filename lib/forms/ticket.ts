import 'server-only'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { env } from '@/lib/env'
import type { FormGuard } from './schema'
import type { PublicFormName } from './guard'

/**
 * A form ticket stands in for the browser-made guard fields (components/forms/form-guard.tsx) when
 * a form is sent without JavaScript. The page is cached, so the server cannot put a per-visitor key
 * or start time in it; instead the first submit is answered (per request, never cached) with a
 * signed ticket holding the time and a random key, and the second submit carries it back. The
 * guard then measures the fill time from the ticket and uses its key for idempotency, as it does
 * for the browser's own values.
 */
export const formTicketMaxAgeMs = 24 * 60 * 60 * 1000

function mac(form: PublicFormName, body: string): string {
  // Set by deployments, or made and kept under .data/ by `npm start` (scripts/prepare-env.ts).
  if (!env.NEXTAUTH_SECRET) throw new Error('NEXTAUTH_SECRET is not set: form tickets cannot be signed')
  // Labelled, so no other value signed with the same secret can pass for a ticket.
  return createHmac('sha256', env.NEXTAUTH_SECRET).update(`form-ticket:${form}:${body}`).digest('base64url')
}

/** A new ticket for `form`: "<issued ms, base 36>.<random key>.<HMAC>". */
export function issueFormTicket(form: PublicFormName, now = Date.now()): string {
  const body = `${now.toString(36)}.${randomBytes(16).toString('base64url')}`
  return `${body}.${mac(form, body)}`
}

/** The guard's key and fill time from a ticket of `form`, or null when it is forged, altered, from another form or too old. */
export function redeemFormTicket(form: PublicFormName, ticket: string, now = Date.now()): Pick<FormGuard, 'idempotencyKey' | 'fillMs'> | null {
  const parts = ticket.split('.')
  if (parts.length !== 3) return null
  const [issued, key, given] = parts as [string, string, string]
  const expected = Buffer.from(mac(form, `${issued}.${key}`))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null
  const fillMs = now - parseInt(issued, 36)
  if (!Number.isFinite(fillMs) || fillMs < 0 || fillMs > formTicketMaxAgeMs) return null
  return { idempotencyKey: key, fillMs }
}
