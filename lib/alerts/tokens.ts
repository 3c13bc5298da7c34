import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { siteLink } from '@/lib/email/templates'
import { env } from '@/lib/env'

function secret(): string {
  // Set by deployments, or made and kept under .data/ by `npm start` (scripts/prepare-env.ts).
  if (!env.NEXTAUTH_SECRET) throw new Error('NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed')
  return env.NEXTAUTH_SECRET
}

/**
 * The alerts unsubscribe token of a user: HMAC-SHA256 of the id with the app's secret, labelled
 * so no other signature made with the same secret (sessions, newsletter links) is valid here.
 * It never expires (RFC 8058 links in old emails must keep working) and needs no database row.
 */
export function alertsUnsubscribeToken(userId: string): string {
  return createHmac('sha256', secret()).update(`alerts-unsubscribe:${userId}`).digest('base64url')
}

/** Constant time, so the response time does not reveal how much of a forged token matched. */
export function verifyAlertsUnsubscribeToken(userId: string, token: string): boolean {
  const expected = Buffer.from(alertsUnsubscribeToken(userId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const query = (userId: string) => `u=${encodeURIComponent(userId)}&token=${alertsUnsubscribeToken(userId)}`

/** The page with the button, linked from every digest's footer. */
export const alertsUnsubscribeUrl = (userId: string) => siteLink(`/alerts/unsubscribe?${query(userId)}`)

/** The RFC 8058 one-click endpoint (the List-Unsubscribe target): same id and token. */
export const alertsOneClickUrl = (userId: string) => siteLink(`/api/alerts/unsubscribe?${query(userId)}`)

/** The headers every digest carries: mail clients POST to the one-click endpoint (RFC 8058). */
export function alertsListUnsubscribeHeaders(userId: string): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${alertsOneClickUrl(userId)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}
