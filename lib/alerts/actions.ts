'use server'

import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { consume, retryMessage } from '@/lib/rate-limit'
import { clientIp } from '@/lib/request'
import { alertsLimits, unsubscribeFromAlerts } from './data'
import { alertsUnsubscribeMessages, alertsUnsubscribeSchema } from './schema'

/** The button on /alerts/unsubscribe (mail clients' one-click POST is app/api/alerts/unsubscribe). */
export async function unsubscribeFromAlertsByLink(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return handleAction(form, alertsUnsubscribeSchema, async (input) => {
    const ip = await clientIp()
    const limit = await consume(alertsLimits.unsubscribeIp, ip)
    if (!limit.ok) return fail(retryMessage(limit.retryAfterSeconds), { retryAfterSeconds: limit.retryAfterSeconds })
    return (await unsubscribeFromAlerts(input, ip)) === 'unsubscribed' ? ok(null, alertsUnsubscribeMessages.done) : fail(alertsUnsubscribeMessages.invalid)
  })
}
