import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Executor } from '@/db'
import { emailOutbox } from '@/db/schema'
import { env } from '@/lib/env'

export interface OutgoingEmail {
  to: string
  userId?: string | null
  kind: string
  subject: string
  text: string
  html: string
}

/**
 * Queues a message in the caller's transaction: it is sent only if the change that caused it
 * commits, and never inside a request. Header fields refuse line breaks (no header injection).
 */
export async function enqueueEmail(tx: Executor, email: OutgoingEmail) {
  if (/[\r\n]/.test(email.to) || /[\r\n]/.test(email.subject)) throw new Error('Line breaks are not allowed in email headers')
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to.toLowerCase(),
      userId: email.userId ?? null,
      kind: email.kind,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      messageId: `<${randomUUID()}@${new URL(env.SITE_URL).hostname}>`,
    })
    .returning({ id: emailOutbox.id })
  return row!.id
}
