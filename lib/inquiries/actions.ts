'use server'

import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { guardedSubmit } from '@/lib/forms/guard'
import { offeredInterests, storeDemoBooking, storePartnershipInquiry } from './data'
import { demoBookingSchema, demoThanks, partnershipInquirySchema, partnershipThanks } from './schema'

/**
 * The partnership form (public). The answer carries no id: a bot caught by the guard gets the very
 * same answer, and a replayed submit gets the first one again.
 */
export async function submitPartnershipInquiry(input: FormData | unknown): Promise<ActionResult<null>> {
  return handleAction(input, partnershipInquirySchema, async (data) =>
    guardedSubmit({
      form: 'partnership',
      guard: data,
      email: data.email,
      thanks: ok(null, partnershipThanks),
      run: async (tx) => {
        await storePartnershipInquiry(tx, data)
        return ok(null, partnershipThanks)
      },
    }),
  )
}

/** The demo booking form (public); interests must be published roles or programs, by title. */
export async function submitDemoBooking(input: FormData | unknown): Promise<ActionResult<null>> {
  return handleAction(input, demoBookingSchema, async (data) => {
    const offered = data.interests.length ? await offeredInterests() : new Set<string>()
    return guardedSubmit({
      form: 'demo',
      guard: data,
      email: data.email,
      thanks: ok(null, demoThanks),
      run: async (tx) => {
        if (data.interests.some((i) => !offered.has(i))) return fail('Please correct the highlighted fields.', { fieldErrors: { interests: ['Some of these are no longer offered. Reload the page and choose again.'] } })
        await storeDemoBooking(tx, data)
        return ok(null, demoThanks)
      },
    })
  })
}
