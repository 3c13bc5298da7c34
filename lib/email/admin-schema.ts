import { z } from 'zod'
import { emailStatusValues } from '@/db/schema/accounts'

export type EmailStatus = (typeof emailStatusValues)[number]
export { emailStatusValues }

export const emailStatusLabels: Record<EmailStatus, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed', held: 'Held' }

/** The outbox list's query string; anything malformed falls back to "no filter". */
export const outboxListQuerySchema = z.object({
  q: z.string().trim().max(254).catch(''),
  status: z.enum(emailStatusValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type OutboxListQuery = z.output<typeof outboxListQuerySchema>

export function outboxQueryParams(q: OutboxListQuery): Record<string, string | undefined> {
  return { q: q.q || undefined, status: q.status }
}

export const resendEmailSchema = z.object({ id: z.uuid('Choose a message from the list.') })
export type ResendEmailInput = z.infer<typeof resendEmailSchema>

/** Which statuses an admin may send again: a failed message, or a sent one the recipient says never came. */
export const resendableStatuses: readonly EmailStatus[] = ['failed', 'sent']

/** Kinds whose whole body is a key to an account: never shown to an admin in production. */
export const secretEmailKinds: readonly string[] = ['email_verification', 'password_reset', 'email_change']

const tokenLink = /\S*token(?:=|%3D)\S*/gi

/** Every word that carries a token (sign-in, confirm, unsubscribe links) becomes a placeholder. */
export const redactTokens = (text: string) => text.replace(tokenLink, '[link hidden]')
