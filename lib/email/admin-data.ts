import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm'
import { db } from '@/db'
import { emailOutbox } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { env, isProduction } from '@/lib/env'
import {
  emailStatusLabels,
  emailStatusValues,
  redactTokens,
  resendableStatuses,
  secretEmailKinds,
  type EmailStatus,
  type OutboxListQuery,
} from './admin-schema'
import { currentPostalAddress } from './postal-address'
import { withPostalAddress } from './templates'

export const outboxPageSize = 25

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

export interface OutboxRowDto {
  id: string
  to: string
  kind: string
  subject: string
  status: EmailStatus
  attempts: number
  createdAt: string
  sentAt: string | null
  sendAfter: string
}

export interface OutboxListDto {
  rows: OutboxRowDto[]
  total: number
  page: number
  pageCount: number
  /** Per status, across the recipient search (the tabs' numbers). */
  counts: Record<EmailStatus, number>
  /** False: nothing is sent, due mail is held. */
  smtpConfigured: boolean
  held: number
}

/**
 * What the admin may see of a body. Development: everything, rendered. Production: never a
 * secret: account-key kinds show nothing, other kinds show the text with every token link hidden.
 */
export type OutboxBodyDto =
  | { mode: 'rendered'; html: string; text: string; headers: Record<string, string> }
  | { mode: 'redacted'; text: string; headers: Record<string, string> }
  | { mode: 'hidden'; reason: string }

export interface OutboxDetailDto extends OutboxRowDto {
  category: string
  messageId: string
  lastError: string | null
  leaseUntil: string | null
  providerResponse: string | null
  bodyPurgedAt: string | null
  userId: string | null
  body: OutboxBodyDto
  canResend: boolean
  smtpConfigured: boolean
}

const rowColumns = {
  id: emailOutbox.id,
  to: emailOutbox.toAddress,
  kind: emailOutbox.kind,
  subject: emailOutbox.subject,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
  sendAfter: emailOutbox.sendAfter,
}

interface RowSelect {
  id: string
  to: string
  kind: string
  subject: string
  status: EmailStatus
  attempts: number
  createdAt: Date
  sentAt: Date | null
  sendAfter: Date
}

const toRowDto = (r: RowSelect): OutboxRowDto => ({
  id: r.id,
  to: r.to,
  kind: r.kind,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  sendAfter: r.sendAfter.toISOString(),
})

/** The outbox, newest first, for admins: metadata only (bodies are on the detail page). */
export async function listOutbox(query: OutboxListQuery): Promise<OutboxListDto> {
  await requireRole('admin')
  const search: SQL[] = query.q ? [ilike(emailOutbox.toAddress, likePattern(query.q.toLowerCase()))] : []
  const where = and(...search, ...(query.status ? [eq(emailOutbox.status, query.status)] : []))
  const [statusCounts, [totalRow], [heldRow]] = await Promise.all([
    db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).where(and(...search)).groupBy(emailOutbox.status),
    db.select({ n: count() }).from(emailOutbox).where(where),
    db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'held')),
  ])
  const total = Number(totalRow?.n ?? 0)
  const pageCount = Math.max(1, Math.ceil(total / outboxPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select(rowColumns)
    .from(emailOutbox)
    .where(where)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(outboxPageSize)
    .offset((page - 1) * outboxPageSize)
  const counts = Object.fromEntries(emailStatusValues.map((s) => [s, 0])) as Record<EmailStatus, number>
  for (const c of statusCounts) counts[c.status] = Number(c.n)
  return { rows: rows.map(toRowDto), total, page, pageCount, counts, smtpConfigured: !!env.SMTP_URL, held: Number(heldRow?.n ?? 0) }
}

const redactHeaders = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, redactTokens(v)]))

/** One message for an admin, with as much of its body as may be shown in this mode. */
export async function getOutboxMessage(id: string): Promise<OutboxDetailDto | null> {
  await requireRole('admin')
  if (!uuidPattern.test(id)) return null
  const [row] = await db
    .select({
      ...rowColumns,
      category: emailOutbox.category,
      messageId: emailOutbox.messageId,
      lastError: emailOutbox.lastError,
      leaseUntil: emailOutbox.leaseUntil,
      providerResponse: emailOutbox.providerResponse,
      bodyPurgedAt: emailOutbox.bodyPurgedAt,
      userId: emailOutbox.userId,
      textBody: emailOutbox.textBody,
      htmlBody: emailOutbox.htmlBody,
      headers: emailOutbox.headers,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id))
  if (!row) return null

  let body: OutboxBodyDto
  if (row.bodyPurgedAt) {
    body = { mode: 'hidden', reason: 'The body was deleted after the retention period; only the details above are kept.' }
  } else if (isProduction && secretEmailKinds.includes(row.kind)) {
    body = { mode: 'hidden', reason: 'This message holds a key to an account, so its body is never shown here.' }
  } else {
    const parts = withPostalAddress({ text: row.textBody, html: row.htmlBody }, await currentPostalAddress())
    body = isProduction
      ? { mode: 'redacted', text: redactTokens(parts.text), headers: redactHeaders(row.headers) }
      : { mode: 'rendered', html: parts.html, text: parts.text, headers: row.headers }
  }
  return {
    ...toRowDto(row),
    category: row.category,
    messageId: row.messageId,
    lastError: row.lastError,
    leaseUntil: row.leaseUntil?.toISOString() ?? null,
    providerResponse: row.providerResponse,
    bodyPurgedAt: row.bodyPurgedAt?.toISOString() ?? null,
    userId: row.userId,
    body,
    canResend: resendableStatuses.includes(row.status) && !row.bodyPurgedAt,
    smtpConfigured: !!env.SMTP_URL,
  }
}

/**
 * Sends a failed (or sent) message again: queued now, attempts from zero, with an audit row. A
 * sent message gets a new Message-ID, or receivers would drop it as the copy they already have.
 */
export async function resendEmail(input: { id: string }, ip?: string): Promise<ActionResult<{ status: EmailStatus }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: emailOutbox.status, attempts: emailOutbox.attempts, bodyPurgedAt: emailOutbox.bodyPurgedAt, messageId: emailOutbox.messageId })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, input.id))
      .for('update')
    if (!before) return fail('This message no longer exists. Reload the page.')
    if (!resendableStatuses.includes(before.status)) {
      return fail(`Only failed or sent messages can be sent again; this one is ${emailStatusLabels[before.status].toLowerCase()}.`)
    }
    if (before.bodyPurgedAt) return fail('The body of this message was deleted after the retention period, so it cannot be sent again.')
    const messageId = before.status === 'sent' ? `<${randomUUID()}@${new URL(env.SITE_URL).hostname}>` : before.messageId
    await tx
      .update(emailOutbox)
      .set({ status: 'queued', attempts: 0, sendAfter: new Date(), lastError: null, leaseOwner: null, leaseUntil: null, sentAt: null, providerResponse: null, messageId })
      .where(eq(emailOutbox.id, input.id))
    await writeAudit(tx, {
      actorId: admin.id,
      action: 'email.resend',
      entityType: 'email_outbox',
      entityId: input.id,
      before: { status: before.status, attempts: before.attempts },
      after: { status: 'queued', attempts: 0 },
      ip,
    })
    return ok(
      { status: 'queued' as const },
      env.SMTP_URL ? 'Queued: the message goes out within a few seconds.' : 'Queued, but no SMTP server is configured: it will be held until one is.',
    )
  })
}
