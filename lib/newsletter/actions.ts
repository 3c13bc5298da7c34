'use server'

import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { guardedSubmit } from '@/lib/forms/guard'
import { consume, retryMessage } from '@/lib/rate-limit'
import { clientIp } from '@/lib/request'
import { confirmSubscription, newsletterLimits, subscribeInTx, unsubscribe } from './data'
import { confirmMessages, confirmSchema, subscribeMessage, subscribeSchema, unsubscribeMessages, unsubscribeSchema } from './schema'

/** A sign-up from the footer or the home page: the same answer whether or not the address is on the list. */
export async function subscribeToNewsletter(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, subscribeSchema, async ({ email, source, idempotencyKey, fillMs, hp }) => {
    const ip = await clientIp()
    return guardedSubmit<null>({
      form: 'newsletter',
      guard: { idempotencyKey, fillMs, hp },
      email,
      ip,
      thanks: ok(null, subscribeMessage),
      run: async (tx) => {
        await subscribeInTx(tx, { email, source, ip })
        return ok(null, subscribeMessage)
      },
    })
  })
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
