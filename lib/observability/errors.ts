import { sql } from 'drizzle-orm'
import { db as appDb, type Database } from '@/db'
import { errorEvents } from '@/db/schema'
import { env } from '@/lib/env'
import { logger } from './logger'
import { metrics } from './metrics'
import { currentRequestId } from './request-context'

/** error_events keeps the newest this many rows (the operations page shows the last 50). */
export const errorEventsKept = 1000
const webhookTimeoutMs = 3_000

export interface ServerErrorReport {
  error: unknown
  /** Next's digest: the reference the error page shows the user. */
  digest?: string
  requestId?: string
  /** The route pattern (e.g. /roles/[slug]). */
  route?: string
}

// Next can report one failure more than once (the page render, then its error boundary's);
// a digest seen in the last few minutes is logged and stored once.
const recentDigests = new Map<string, number>()
const dedupeMs = 5 * 60_000

function seenRecently(digest: string | undefined, now = Date.now()) {
  if (!digest) return false
  for (const [d, at] of recentDigests) if (now - at > dedupeMs) recentDigests.delete(d)
  if (recentDigests.has(digest)) return true
  recentDigests.set(digest, now)
  return false
}

function messageOf(error: unknown) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.slice(0, 1000)
}

/**
 * A server error: logged once (with digest, request id and route), counted, kept in error_events
 * for the operations page (the newest 1000), and sent to ERROR_WEBHOOK_URL if set. Never throws;
 * the webhook is fire-and-forget with a timeout, so no response waits for it.
 */
export async function reportServerError(report: ServerErrorReport, database: Database = appDb): Promise<void> {
  if (seenRecently(report.digest)) return
  const requestId = report.requestId ?? currentRequestId()
  const route = report.route ?? null
  const message = messageOf(report.error)
  logger().error({ err: report.error, digest: report.digest, requestId, route }, 'server error')
  metrics().serverErrors.inc({ route: route ?? '(unknown)' })
  if (env.ERROR_WEBHOOK_URL) postWebhook(env.ERROR_WEBHOOK_URL, { digest: report.digest ?? null, requestId: requestId ?? null, route, message, at: new Date().toISOString() })
  try {
    await storeErrorEvent({ digest: report.digest ?? null, requestId: requestId ?? null, route, message }, database)
  } catch (error) {
    logger().warn({ err: error }, 'could not store the error event')
  }
}

/** Inserts the event and trims the table to the newest `errorEventsKept` rows, by the primary key index. */
export async function storeErrorEvent(event: { digest: string | null; requestId: string | null; route: string | null; message: string }, database: Database = appDb) {
  await database.insert(errorEvents).values(event)
  await database.execute(
    sql`delete from error_events where id <= (select id from error_events order by id desc offset ${errorEventsKept}::integer limit 1)`,
  )
}

function postWebhook(url: string, payload: Record<string, unknown>) {
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: `SkillsU server error ${payload.digest ?? ''} on ${payload.route ?? '?'}: ${payload.message}`, ...payload }),
    signal: AbortSignal.timeout(webhookTimeoutMs),
  })
    .then((response) => {
      void response.body?.cancel()
      if (!response.ok) logger().warn({ status: response.status }, 'error webhook refused the report')
    })
    .catch((error: unknown) => logger().warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'error webhook failed'))
}
