import { z } from 'zod'
import { emailField } from '@/lib/forms/schema'

export const suppressionPageSize = 50

export const suppressionReasonLabels = { hard_bounce: 'Hard bounce', complaint: 'Complaint', manual: 'Added by an admin' } as const

/** The list's query string; anything malformed falls back to "no filter". */
export const suppressionListQuerySchema = z.object({
  q: z.string().trim().max(254).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type SuppressionListQuery = z.output<typeof suppressionListQuerySchema>

/** An admin marks an address: the person complained, or asked not to be mailed. */
export const addSuppressionSchema = z.object({
  email: emailField,
  reason: z.enum(['complaint', 'manual'], { error: 'Choose a reason' }),
  detail: z.string().trim().max(500, 'Use at most 500 characters').optional().default(''),
})
export type AddSuppressionInput = z.input<typeof addSuppressionSchema>

export const clearSuppressionSchema = z.object({ email: emailField })
export type ClearSuppressionInput = z.input<typeof clearSuppressionSchema>
