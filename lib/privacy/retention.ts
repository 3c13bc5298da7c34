/**
 * The retention run: deletes personal data past its period (lib/privacy/retention-config.ts).
 * Idempotent (a second run finds nothing due) and one at a time across every instance: the run
 * holds a transaction-scoped PostgreSQL advisory lock, and a run that cannot take it skips.
 * No `server-only` import: `npm run retention` and `npm run worker` load it outside Next.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { db as appDb, queryRows, type Database } from '@/db'
import { applicationNotes, consentRecords, media, trainerApplications } from '@/db/schema'
import { purgeSentBodies } from '@/lib/email/sender'
import { logger } from '@/lib/observability/logger'
import { retentionPeriods, type RetentionPeriods } from './retention-config'

// Any constant shared by every instance (the migrator uses 7_240_311).
const RETENTION_LOCK_KEY = 7_240_312

export interface RetentionSummary {
  /** false: another instance was running it, nothing was done. */
  ran: boolean
  newsletterSignups: number
  applicationCvs: number
  emailBodies: number
  inquiries: number
  auditRows: number
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

const count = async (tx: Tx, query: ReturnType<typeof sql>) => (await queryRows<{ n: number | string }>(tx, query)).reduce((sum, r) => sum + Number(r.n), 0)

/** Never-confirmed newsletter sign-ups, and the consent rows of those addresses' sign-ups. */
async function purgeUnconfirmedNewsletter(tx: Tx, days: number) {
  const rows = await queryRows<{ email: string }>(
    tx,
    sql`delete from newsletter_subscribers
        where status = 'pending' and confirmed_at is null
          and coalesce(confirm_sent_at, created_at) < now() - ${days}::integer * interval '1 day'
        returning email`,
  )
  if (rows.length) {
    const emails = rows.map((r) => r.email)
    await tx.delete(consentRecords).where(and(eq(consentRecords.purpose, 'newsletter'), inArray(consentRecords.email, emails)))
  }
  return rows.length
}

/** CV files of rejected or withdrawn applications: the bytes go, the application stays with a note saying so. */
async function purgeClosedApplicationCvs(tx: Tx, months: number) {
  const due = await queryRows<{ id: string; media_id: string }>(
    tx,
    sql`select id, cv_media_id as media_id from trainer_applications
        where status in ('rejected', 'withdrawn') and cv_media_id is not null
          and coalesce(decided_at, updated_at) < now() - ${months}::integer * interval '1 month'
        for update`,
  )
  if (!due.length) return 0
  const ids = due.map((r) => r.id)
  // updated_at stays: the application did not change, only its file went.
  await tx.update(trainerApplications).set({ cvMediaId: null, cvFileName: null }).where(inArray(trainerApplications.id, ids))
  await tx.delete(media).where(inArray(media.id, due.map((r) => r.media_id)))
  const body = `The CV was deleted under the retention policy (${months} months after the application was closed).`
  await tx.insert(applicationNotes).values(ids.map((applicationId) => ({ applicationId, authorId: null, body })))
  return due.length
}

/** Inquiries untouched for the period (their notes go with them). */
async function purgeInquiries(tx: Tx, months: number) {
  return count(tx, sql`with gone as (delete from inquiries where updated_at < now() - ${months}::integer * interval '1 month' returning 1) select count(*) as n from gone`)
}

async function purgeAuditRows(tx: Tx, months: number) {
  return count(tx, sql`with gone as (delete from audit_log where created_at < now() - ${months}::integer * interval '1 month' returning 1) select count(*) as n from gone`)
}

/** One run: every purge in one transaction, under the lock. */
export async function runRetention(options: { database?: Database; periods?: Partial<RetentionPeriods> } = {}): Promise<RetentionSummary> {
  const database = options.database ?? appDb
  const p: RetentionPeriods = { ...retentionPeriods, ...options.periods }
  return database.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as locked`)
    if (!lock?.locked) return { ran: false, newsletterSignups: 0, applicationCvs: 0, emailBodies: 0, inquiries: 0, auditRows: 0 }
    return {
      ran: true,
      newsletterSignups: await purgeUnconfirmedNewsletter(tx, p.unconfirmedNewsletterDays),
      applicationCvs: await purgeClosedApplicationCvs(tx, p.closedApplicationCvMonths),
      // The sender purges these hourly too (same function, same period).
      emailBodies: await purgeSentBodies(p.sentEmailBodyDays, tx),
      inquiries: await purgeInquiries(tx, p.inquiryMonths),
      auditRows: await purgeAuditRows(tx, p.auditMonths),
    }
  })
}

/** What a run logs: one line with every purge's count (JSON in production, so collectors can count them). */
export function retentionLogRecord(summary: RetentionSummary): { fields: RetentionSummary & { job: 'retention' }; message: string } {
  return { fields: { job: 'retention', ...summary }, message: summary.ran ? 'retention run' : 'retention run skipped: another instance holds the lock' }
}

export function logRetentionSummary(summary: RetentionSummary) {
  const { fields, message } = retentionLogRecord(summary)
  logger().info(fields, message)
}
