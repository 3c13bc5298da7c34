import 'server-only'
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { siteLink } from '@/lib/email/templates'
import { env } from '@/lib/env'

/** A new confirmation token: the value goes in the email, only its SHA-256 is stored. */
export function newConfirmToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashConfirmToken(token) }
}

export const hashConfirmToken = (token: string) => createHash('sha256').update(token).digest('hex')

function secret(): string {
  // Set by deployments, or made and kept under .data/ by `npm start` (scripts/prepare-env.ts).
  if (!env.NEXTAUTH_SECRET) throw new Error('NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed')
  return env.NEXTAUTH_SECRET
}

/**
 * The unsubscribe token of a subscriber: HMAC-SHA256 of the id with the app's secret (labelled,
 * so the same secret signing sessions can never produce a valid value here). It never expires,
 * as RFC 8058 links in old emails must keep working, and it needs no database row.
 */
export function unsubscribeToken(subscriberId: string): string {
  return createHmac('sha256', secret()).update(`newsletter-unsubscribe:${subscriberId}`).digest('base64url')
}

/** Compares in constant time, so the response time does not reveal how much of a forged token matched. */
export function verifyUnsubscribeToken(subscriberId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(subscriberId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The one-click unsubscribe link for a subscriber (every newsletter email, and List-Unsubscribe). */
export function newsletterUnsubscribeUrl(subscriberId: string): string {
  return siteLink(`/newsletter/unsubscribe?id=${encodeURIComponent(subscriberId)}&token=${unsubscribeToken(subscriberId)}`)
}

/** The RFC 8058 one-click endpoint (the List-Unsubscribe-Post target): same id and token. */
export function newsletterOneClickUrl(subscriberId: string): string {
  return siteLink(`/api/newsletter/unsubscribe?id=${encodeURIComponent(subscriberId)}&token=${unsubscribeToken(subscriberId)}`)
}

/**
 * The headers every newsletter email carries once delivery lands (issue 7): List-Unsubscribe
 * names the one-click endpoint (a mail client POSTs to it, RFC 8058), not the page.
 */
export function newsletterListUnsubscribeHeaders(subscriberId: string): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${newsletterOneClickUrl(subscriberId)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

export const confirmUrl = (token: string) => siteLink(`/newsletter/confirm?token=${token}`)
