import { z } from 'zod'

/** An alerts unsubscribe link: the user id and its HMAC-SHA256 (base64url). */
export const alertsUnsubscribeSchema = z.object({
  u: z.uuid({ error: 'This link is not valid.' }),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.'),
})
export type AlertsUnsubscribeInput = z.output<typeof alertsUnsubscribeSchema>

export const alertsUnsubscribeMessages = {
  done: 'Opportunity alerts are off. We will not email you new opportunities any more.',
  invalid: 'This unsubscribe link is not valid. Use the whole link from one of our emails: it may have been cut off when it was copied.',
} as const

/** The most opportunities one digest lists; the rest are "and N more" with a link to the list. */
export const digestItemLimit = 10

/** How many of the shared skills a reason names before "and N more". */
export const reasonSkillLimit = 5
