import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Executor } from '@/db'
import { emailOutbox } from '@/db/schema'
import { env } from '@/lib/env'
import { currentRequestId } from '@/lib/observability/request-context'

export interface OutgoingEmail {
  to: string
  userId?: string | null
  kind: string
  subject: string
  text: string
  html: string
  /** transactional (default) or marketing (newsletter, digests); marketing mail needs List-Unsubscribe headers. */
  category?: 'transactional' | 'marketing'
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). No line breaks. */
  headers?: Record<string, string>
}

/**
 * Queues a message in the caller's transaction: it is sent only if the change that caused it
 * commits, and never inside a request. Header fields refuse line breaks (no header injection).
 */
export async function enqueueEmail(tx: Executor, email: OutgoingEmail) {
  const headerValues = [email.to, email.subject, ...Object.entries(email.headers ?? {}).flat()]
  if (headerValues.some((v) => /[\r\n]/.test(v))) throw new Error('Line breaks are not allowed in email headers')
  if (email.category === 'marketing' && !email.headers?.['List-Unsubscribe']) throw new Error('Marketing email needs a List-Unsubscribe header')
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to.toLowerCase(),
      userId: email.userId ?? null,
      kind: email.kind,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      category: email.category ?? 'transactional',
      // Mail queued while serving a request names it, so a message can be traced to its request's logs.
      headers: withRequestId(email.headers ?? {}),
      messageId: `<${randomUUID()}@${new URL(env.SITE_URL).hostname}>`,
    })
    .returning({ id: emailOutbox.id })
  return row!.id
}

function withRequestId(headers: Record<string, string>): Record<string, string> {
  const requestId = currentRequestId()
  return requestId ? { 'X-Request-Id': requestId, ...headers } : headers
}
