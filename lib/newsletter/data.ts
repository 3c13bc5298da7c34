import 'server-only'
import { and, eq, ne, sql } from 'drizzle-orm'
import { db, type Transaction } from '@/db'
import { newsletterSubscribers, type SubscriberStatus } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail } from '@/lib/email/templates'
import { recordConsent } from '@/lib/privacy/consent-records'
import type { Limit } from '@/lib/rate-limit'
import { confirmLifetimeSeconds, resendAfterSeconds, type NewsletterSource } from './schema'
import { confirmUrl, hashConfirmToken, newConfirmToken, newsletterUnsubscribeUrl, verifyUnsubscribeToken } from './tokens'

/**
 * What a sign-up did; never shown to the person (they always get the same answer), only used by
 * tests and logs: a new pending address, a fresh link for a pending or unsubscribed one, a
 * pending address mailed less than 10 minutes ago (nothing sent), or an already confirmed one.
 */
export type SubscribeOutcome = 'created' | 'resent' | 'resubscribed' | 'too-soon' | 'already-confirmed'

const auditEntity = 'newsletter_subscriber'

/**
 * Per-IP limits on the links' endpoints (sign-ups have guardedSubmit's). The tokens cannot be
 * guessed; these only bound the work. Unsubscribe is generous: mail providers send RFC 8058
 * one-click requests for many people from a few addresses of their own.
 */
export const newsletterLimits = {
  confirmIp: { name: 'newsletter-confirm-ip', points: 30, durationSeconds: 10 * 60 },
  unsubscribeIp: { name: 'newsletter-unsubscribe-ip', points: 120, durationSeconds: 10 * 60 },
} satisfies Record<string, Limit>

/** The footer every newsletter email carries: why it came, and the one-click way out. */
export function newsletterEmailReason(subscriberId: string) {
  return `You are getting this because this address was entered in the newsletter form on SkillsU. Unsubscribe in one click: ${newsletterUnsubscribeUrl(subscriberId)}`
}

async function sendConfirmation(tx: Transaction, subscriber: { id: string; email: string }) {
  const { token, hash } = newConfirmToken()
  await tx
    .update(newsletterSubscribers)
    .set({
      status: 'pending',
      confirmTokenHash: hash,
      confirmExpiresAt: sql`now() + make_interval(secs => ${confirmLifetimeSeconds})`,
      confirmSentAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(newsletterSubscribers.id, subscriber.id))
  const { text, html } = renderEmail({
    heading: 'Confirm your subscription',
    paragraphs: [
      'Thanks for joining the SkillsU community. Please confirm that you want our newsletter at this address: we only send it to people who confirm.',
      'The link works for 7 days. If you did not ask for this, ignore this email and you will not be subscribed.',
    ],
    action: { label: 'Confirm my subscription', url: confirmUrl(token) },
    reason: newsletterEmailReason(subscriber.id),
  })
  await enqueueEmail(tx, { to: subscriber.email, kind: 'newsletter-confirm', subject: 'Confirm your SkillsU newsletter subscription', text, html })
}

/**
 * A sign-up, inside the transaction guardedSubmit opened (so the stored answer, the row and its
 * email commit together). The row is locked, so two sign-ups for one address queue up.
 * A confirmed address gets no email: it already receives the newsletter (each issue carries the
 * unsubscribe link), and a "you are already subscribed" message is one more email a stranger
 * could make us send to someone else's inbox.
 */
export async function subscribeInTx(tx: Transaction, input: { email: string; source: NewsletterSource; ip?: string }): Promise<SubscribeOutcome> {
  const find = () =>
    tx
      .select({
        id: newsletterSubscribers.id,
        email: newsletterSubscribers.email,
        status: newsletterSubscribers.status,
        sentRecently: sql<boolean>`coalesce(${newsletterSubscribers.confirmSentAt} > now() - make_interval(secs => ${resendAfterSeconds}), false)`,
      })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, input.email))
      .for('update')
  // The form showed this source's opt-in wording; the record stores the same server-side constant.
  await recordConsent(tx, { source: `${input.source}-newsletter`, email: input.email })
  let [row] = await find()
  if (!row) {
    const [created] = await tx
      .insert(newsletterSubscribers)
      .values({ email: input.email, source: input.source })
      .onConflictDoNothing()
      .returning({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
    if (created) {
      await sendConfirmation(tx, created)
      await writeAudit(tx, { actorId: null, action: 'newsletter.subscribe', entityType: auditEntity, entityId: created.id, after: { status: 'pending', source: input.source }, ip: input.ip })
      return 'created'
    }
    // Another sign-up for the same address committed first: continue from its row.
    ;[row] = await find()
    if (!row) throw new Error('newsletter subscriber vanished during sign-up')
  }
  if (row.status === 'confirmed') return 'already-confirmed'
  if (row.status === 'pending' && row.sentRecently) return 'too-soon'
  await sendConfirmation(tx, row)
  await writeAudit(tx, {
    actorId: null,
    action: row.status === 'unsubscribed' ? 'newsletter.resubscribe' : 'newsletter.resend',
    entityType: auditEntity,
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'pending', source: input.source },
    ip: input.ip,
  })
  return row.status === 'unsubscribed' ? 'resubscribed' : 'resent'
}

export type ConfirmState = 'pending' | 'confirmed' | 'invalid'

/** What the confirmation page shows before the button is pressed (a read: links opened by mail scanners change nothing). */
export async function getConfirmationState(token: string): Promise<ConfirmState> {
  const [row] = await db
    .select({ status: newsletterSubscribers.status, live: sql<boolean>`${newsletterSubscribers.confirmExpiresAt} > now()` })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.confirmTokenHash, hashConfirmToken(token)))
  return stateOf(row)
}

function stateOf(row: { status: SubscriberStatus; live: boolean | null } | undefined): ConfirmState {
  if (!row || row.status === 'unsubscribed') return 'invalid'
  if (row.status === 'confirmed') return 'confirmed'
  return row.live ? 'pending' : 'invalid'
}

/**
 * Confirms the pending address the token was mailed to. The token stays stored after use, so a
 * second click on the same link says "already confirmed" instead of "not valid"; a newer token
 * replaces it, and an unsubscribed address is never confirmed by an old link.
 */
export async function confirmSubscription(token: string, ip?: string): Promise<Exclude<ConfirmState, 'pending'> | 'just-confirmed'> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: newsletterSubscribers.id, status: newsletterSubscribers.status, live: sql<boolean>`${newsletterSubscribers.confirmExpiresAt} > now()` })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.confirmTokenHash, hashConfirmToken(token)))
      .for('update')
    const state = stateOf(row)
    if (state !== 'pending') return state
    if (!row) return 'invalid'
    await tx
      .update(newsletterSubscribers)
      .set({ status: 'confirmed', confirmedAt: sql`now()`, unsubscribedAt: null, updatedAt: sql`now()` })
      .where(eq(newsletterSubscribers.id, row.id))
    await writeAudit(tx, { actorId: null, action: 'newsletter.confirm', entityType: auditEntity, entityId: row.id, before: { status: 'pending' }, after: { status: 'confirmed' }, ip })
    return 'just-confirmed'
  })
}

/**
 * Unsubscribes the address a signed link names. Idempotent: a second request (or a link of a
 * row that no longer exists) answers the same, and changes nothing. No session is needed: the
 * HMAC is the authorization.
 */
export async function unsubscribe(input: { id: string; token: string }, ip?: string): Promise<'unsubscribed' | 'invalid'> {
  if (!verifyUnsubscribeToken(input.id, input.token)) return 'invalid'
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(newsletterSubscribers)
      .set({ status: 'unsubscribed', unsubscribedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(newsletterSubscribers.id, input.id), ne(newsletterSubscribers.status, 'unsubscribed')))
      .returning({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
    if (!row) return
    await writeAudit(tx, { actorId: null, action: 'newsletter.unsubscribe', entityType: auditEntity, entityId: row.id, after: { status: 'unsubscribed' }, ip })
    await recordConsent(tx, { source: 'newsletter-unsubscribe', email: row.email })
  })
  return 'unsubscribed'
}
