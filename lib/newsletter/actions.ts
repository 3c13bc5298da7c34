'use server'

import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { guardedSubmit } from '@/lib/forms/guard'
import { issueFormTicket, redeemFormTicket } from '@/lib/forms/ticket'
import { consume, retryMessage } from '@/lib/rate-limit'
import { clientIp } from '@/lib/request'
import { confirmSubscription, newsletterLimits, subscribeInTx, unsubscribe } from './data'
import {
  confirmMessages,
  confirmSchema,
  subscribeMessage,
  subscribeSchema,
  subscribeTicketMessage,
  unsubscribeMessages,
  unsubscribeSchema,
  type SubscribeState,
} from './schema'

/**
 * A sign-up from the footer or the home page: the same answer whether or not the address is on the
 * list. Sent without JavaScript it takes two submits: the first is answered with a ticket that
 * stands in for the browser-made guard fields (lib/forms/ticket.ts).
 */
export async function subscribeToNewsletter(_prev: SubscribeState | null, form: FormData): Promise<SubscribeState> {
  const result: SubscribeState = await handleAction(form, subscribeSchema, async ({ email, source, idempotencyKey, fillMs, hp, ticket }) => {
    const browserMade = idempotencyKey ? { idempotencyKey, fillMs } : ticket ? redeemFormTicket('newsletter', ticket) : null
    // A first submit without JavaScript (a filled honeypot still goes to the guard, which drops it).
    if (!browserMade && !hp) return { ...ok(null, subscribeTicketMessage), email, ticket: issueFormTicket('newsletter') }
    const ip = await clientIp()
    return guardedSubmit<null>({
      form: 'newsletter',
      guard: { idempotencyKey: browserMade?.idempotencyKey ?? 'no-script-honeypot', fillMs: browserMade?.fillMs ?? 0, hp },
      email,
      ip,
      thanks: ok(null, subscribeMessage),
      run: async (tx) => {
        await subscribeInTx(tx, { email, source, ip })
        return ok(null, subscribeMessage)
      },
    })
  })
  // A refused address stays in the field (React resets a form after its action).
  return result.ok ? result : { ...result, email: String(form.get('email') ?? '').slice(0, 254) }
}

export type ConfirmResult = ActionResult<{ state: 'confirmed' | 'already-confirmed' }>
type ConfirmedState = { state: 'confirmed' | 'already-confirmed' }

/** The button on /newsletter/confirm: a POST, so a mail scanner opening the link confirms nothing. */
export async function confirmNewsletterSubscription(_prev: ConfirmResult | null, form: FormData): Promise<ConfirmResult> {
  return handleAction(form, confirmSchema, async ({ token }): Promise<ConfirmResult> => {
    const ip = await clientIp()
    const limit = await consume(newsletterLimits.confirmIp, ip)
    if (!limit.ok) return fail(retryMessage(limit.retryAfterSeconds), { retryAfterSeconds: limit.retryAfterSeconds })
    const state = await confirmSubscription(token, ip)
    if (state === 'just-confirmed') return ok<ConfirmedState>({ state: 'confirmed' }, confirmMessages.confirmed)
    if (state === 'confirmed') return ok<ConfirmedState>({ state: 'already-confirmed' }, confirmMessages.alreadyConfirmed)
    return fail(confirmMessages.invalid)
  })
}

/** The button on /newsletter/unsubscribe (the one-click POST for mail clients is app/api/newsletter/unsubscribe). */
export async function unsubscribeFromNewsletter(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, unsubscribeSchema, async (input) => {
    const ip = await clientIp()
    const limit = await consume(newsletterLimits.unsubscribeIp, ip)
    if (!limit.ok) return fail(retryMessage(limit.retryAfterSeconds), { retryAfterSeconds: limit.retryAfterSeconds })
    return (await unsubscribe(input, ip)) === 'unsubscribed' ? ok(null, unsubscribeMessages.done) : fail(unsubscribeMessages.invalid)
  })
}
