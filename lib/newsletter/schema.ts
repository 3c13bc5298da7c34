import { z } from 'zod'
import { subscriberStatusValues, type SubscriberStatus } from '@/db/schema/newsletter'
import type { ActionResult } from '@/lib/action-result'
import { emailField, formGuardSchema } from '@/lib/forms/schema'

/** Where a sign-up came from (stored in `source`); each place renders the form with its own id prefix. */
export const newsletterSources = ['footer', 'home'] as const
export type NewsletterSource = (typeof newsletterSources)[number]

/** What the person types: the form's resolver and the server parse the same field. */
export const newsletterFormSchema = z.object({ email: emailField })
export type NewsletterFormInput = z.input<typeof newsletterFormSchema>

/**
 * The whole submit: the address, where the form was, and the guard: the browser-made fields, or,
 * when the form was sent without JavaScript (no key), the ticket its first submit was answered
 * with (lib/forms/ticket.ts).
 */
export const subscribeSchema = newsletterFormSchema.extend({
  source: z.enum(newsletterSources).catch('footer'),
  ...formGuardSchema.shape,
  idempotencyKey: z.preprocess((v) => (v === '' ? undefined : v), formGuardSchema.shape.idempotencyKey.optional()),
  ticket: z.string().max(200).optional().catch(undefined),
})
export type SubscribeInput = z.output<typeof subscribeSchema>

/**
 * What the sign-up form shows after a submit: the result; the address as typed, kept in the field
 * after a refusal; and, after a first submit without JavaScript, the ticket the second one carries.
 */
export type SubscribeState = ActionResult<null> & { email?: string; ticket?: string }

/** The answer to a first submit without JavaScript: the second one (with the ticket) subscribes. */
export const subscribeTicketMessage = 'Almost there: check your address and press Subscribe again to sign up.'

/**
 * The one answer to every sign-up (new, pending, confirmed, unsubscribed, and bots): the form
 * never tells whether an address is on the list.
 */
export const subscribeMessage = 'Thanks! Check your inbox and click the link in our email to confirm your subscription.'

/** The confirmation link works this long; a second email for a pending address waits this long. */
export const confirmLifetimeSeconds = 7 * 24 * 60 * 60
export const resendAfterSeconds = 10 * 60

/** A confirmation token as mailed: 32 random bytes, base64url. */
export const confirmTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.')
export const confirmSchema = z.object({ token: confirmTokenSchema })

/** An unsubscribe link: the subscriber id and its HMAC-SHA256 (base64url). */
export const unsubscribeSchema = z.object({
  id: z.uuid({ error: 'This link is not valid.' }),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.'),
})
export type UnsubscribeInput = z.output<typeof unsubscribeSchema>

export const confirmMessages = {
  confirmed: 'Your subscription is confirmed. Welcome to the SkillsU community!',
  alreadyConfirmed: 'Your subscription was already confirmed. You are on the list.',
  invalid: 'This confirmation link is not valid or has expired. Subscribe again and we will send you a new one.',
} as const

export const unsubscribeMessages = {
  done: 'You are unsubscribed. We will not send you the newsletter any more.',
  invalid: 'This unsubscribe link is not valid. Use the whole link from one of our emails: it may have been cut off when it was copied.',
} as const

export const newsletterPageSize = 25

export const subscriberStatusLabels: Record<SubscriberStatus, string> = {
  pending: 'Pending confirmation',
  confirmed: 'Subscriber',
  unsubscribed: 'Unsubscribed',
}

/** The admin list's filters, read from the URL; anything malformed falls back to "no filter". */
export const newsletterListQuerySchema = z.object({
  q: z.string().trim().max(254).catch(''),
  status: z.enum(subscriberStatusValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type NewsletterListQuery = z.output<typeof newsletterListQuerySchema>
