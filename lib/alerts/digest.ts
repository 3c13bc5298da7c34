import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { db, queryRows, type Executor } from '@/db'
import { alertDigests, candidateProfiles, users } from '@/db/schema'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail, siteLink } from '@/lib/email/templates'
import { matchingOpportunities, type DigestItem } from './data'
import { digestFrequencies, periodKey, periodKeys, previousPeriodStart, type DigestFrequency } from './periods'
import { digestItemLimit } from './schema'
import { alertsListUnsubscribeHeaders, alertsUnsubscribeUrl } from './tokens'

/**
 * Opportunity alerts: one digest per candidate and period (alert_digests' unique key).
 *
 * Who: candidates (role candidate, not disabled) with alerts daily/weekly/monthly and not paused,
 * whose address is verified. Digests are marketing mail to the account's address, and anyone can
 * sign up with someone else's address: until the owner proves it is theirs we send them nothing
 * they did not ask for. Once verified, the next run catches up (nothing was recorded meanwhile).
 *
 * When: a candidate is due when their current period (UTC day, ISO week or month of `now`) has no
 * alert_digests row yet.
 *
 * What: opportunities published after the end of the last digest's window (last_digest_at) and up
 * to `now`, still listed at `now`. A first digest starts at the profile's creation, and no digest
 * reaches back before the start of the previous period: turning alerts on after a year, or
 * coming back from a pause, brings recent opportunities, not the whole archive.
 *
 * Idempotent: per candidate, ONE transaction locks the profile, inserts the period's row
 * (ON CONFLICT DO NOTHING: another run got there first, skip), queues the email and moves
 * last_digest_at to the window's end. A crash leaves all of it or none; a rerun skips the done.
 */

export interface DigestPlan {
  userId: string
  email: string
  name: string
  frequency: DigestFrequency
  periodKey: string
  windowStart: Date
  windowEnd: Date
  /** The listed ones, best first (at most digestItemLimit). */
  items: DigestItem[]
  /** Every match in the window; more than items.length means "and N more". */
  total: number
}

export interface DigestRunSummary {
  /** Candidates due at the start of the run. */
  due: number
  /** Digests queued (with at least one opportunity). */
  sent: number
  /** Periods recorded with nothing new (no email). */
  empty: number
  /** Due at the start, but done by another run meanwhile, or alerts turned off or paused. */
  skipped: number
  /** Candidates whose transaction failed (rolled back; the next run retries them). */
  failed: number
  dryRun: boolean
  /** What was (or, in a dry run, would be) sent, in order. */
  plans: DigestPlan[]
}

export interface RunDigestsOptions {
  now?: Date
  /** Computes who would get what and writes nothing. */
  dryRun?: boolean
  /** At most this many candidates in this run (the next run takes the rest). */
  limit?: number
  /** Stops between candidates (the scheduler's stop()); the rest wait for the next run. */
  signal?: AbortSignal
  /** Where per-candidate failures are reported. */
  log?: (message: string, error?: unknown) => void
}

type CandidateRow = { user_id: string; email: string; name: string; frequency: DigestFrequency }

/** Candidates due now: eligible, and no digest row for their frequency's current period. */
async function dueCandidates(executor: Executor, now: Date, limit?: number): Promise<CandidateRow[]> {
  const keys = periodKeys(now)
  return queryRows<CandidateRow>(
    executor,
    sql`select u.id as user_id, u.email, u.name, p.alert_frequency as frequency
          from ${candidateProfiles} p
          join ${users} u on u.id = p.user_id
         where u.role = 'candidate' and u.disabled_at is null and u.email_verified_at is not null
           and p.alert_frequency in ('daily', 'weekly', 'monthly') and p.alerts_paused_at is null
           and not exists (
                 select 1 from ${alertDigests} d
                  where d.user_id = p.user_id
                    and d.period_key = case p.alert_frequency when 'daily' then ${keys.daily} when 'weekly' then ${keys.weekly} else ${keys.monthly} end)
         order by u.id
         ${limit ? sql`limit ${limit}` : sql``}`,
  )
}

type ProfileState = { frequency: string; paused: boolean; last_digest_at: string | Date | null; created_at: string | Date; eligible: boolean }

/** The candidate's settings now (locked in a real run, so two runs decide one after the other). */
async function profileState(executor: Executor, userId: string, lock: boolean): Promise<ProfileState | undefined> {
  const [row] = await queryRows<ProfileState>(
    executor,
    sql`select p.alert_frequency as frequency, (p.alerts_paused_at is not null) as paused, p.last_digest_at, p.created_at,
               (u.role = 'candidate' and u.disabled_at is null and u.email_verified_at is not null) as eligible
          from ${candidateProfiles} p join ${users} u on u.id = p.user_id
         where p.user_id = ${userId}
         ${lock ? sql`for update of p` : sql``}`,
  )
  return row
}

const later = (a: Date, b: Date) => (a > b ? a : b)

async function planFor(executor: Executor, candidate: CandidateRow, now: Date, lock: boolean): Promise<DigestPlan | null> {
  const state = await profileState(executor, candidate.user_id, lock)
  if (!state || !state.eligible || state.paused || !digestFrequencies.includes(state.frequency as DigestFrequency)) return null
  const frequency = state.frequency as DigestFrequency
  const floor = previousPeriodStart(frequency, now)
  const windowStart = later(new Date(state.last_digest_at ?? state.created_at), floor)
  const matches = windowStart < now ? await matchingOpportunities(executor, { userId: candidate.user_id, start: windowStart, end: now }) : []
  return {
    userId: candidate.user_id,
    email: candidate.email,
    name: candidate.name,
    frequency,
    periodKey: periodKey(frequency, now),
    windowStart,
    windowEnd: now,
    items: matches.slice(0, digestItemLimit),
    total: matches.length,
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

/** The digest email: the matches with their reasons, "and N more", and the way out in one click. */
export function renderDigest(plan: DigestPlan) {
  const more = plan.total - plan.items.length
  const listUrl = siteLink('/opportunities')
  const lines = plan.items.map((item) => {
    const where = [item.company, item.location, item.remote ? 'remote' : ''].filter(Boolean).join(' · ')
    return `${oneLine(item.title)} (${oneLine(where)}). ${item.reason}.`
  })
  const subject = plan.total === 1 ? `New opportunity for you: ${oneLine(plan.items[0]!.title)}` : `${plan.total} new opportunities that match you`
  const { text, html } = renderEmail({
    heading: plan.total === 1 ? 'A new opportunity that matches you' : `${plan.total} new opportunities that match you`,
    paragraphs: [
      `Hi ${oneLine(plan.name)},`,
      `${plan.total === 1 ? 'This opportunity was' : 'These opportunities were'} published on SkillsU since your last digest and ${plan.total === 1 ? 'matches' : 'match'} your target roles or skills, best matches first:`,
      ...lines,
      ...(more > 0 ? [`And ${more} more ${more === 1 ? 'opportunity' : 'opportunities'} for you on SkillsU: ${listUrl}`] : []),
    ],
    action: { label: 'See all opportunities', url: listUrl },
    reason: `You are getting this because you turned on ${plan.frequency} opportunity alerts in your SkillsU account. Change how often in your dashboard: ${siteLink('/dashboard#alerts')}`,
    footerLink: { label: 'Unsubscribe from opportunity alerts in one click', url: alertsUnsubscribeUrl(plan.userId) },
  })
  return { subject, text, html }
}

type Outcome = 'sent' | 'empty' | 'skipped'

/** One candidate, one transaction: the period's row, the email and last_digest_at together. */
async function digestOne(candidate: CandidateRow, now: Date): Promise<{ outcome: Outcome; plan?: DigestPlan }> {
  return db.transaction(async (tx) => {
    const plan = await planFor(tx, candidate, now, true)
    if (!plan) return { outcome: 'skipped' as const }
    const [row] = await tx
      .insert(alertDigests)
      .values({ userId: plan.userId, periodKey: plan.periodKey, opportunityCount: plan.total, windowStart: plan.windowStart, windowEnd: plan.windowEnd })
      .onConflictDoNothing()
      .returning({ id: alertDigests.id })
    // Another run (this process or another) already did this period.
    if (!row) return { outcome: 'skipped' as const }
    if (plan.total > 0) {
      const email = renderDigest(plan)
      const outboxId = await enqueueEmail(tx, {
        to: plan.email,
        userId: plan.userId,
        kind: 'opportunity-digest',
        category: 'marketing',
        headers: alertsListUnsubscribeHeaders(plan.userId),
        ...email,
      })
      await tx.update(alertDigests).set({ outboxId }).where(eq(alertDigests.id, row.id))
    }
    await tx
      .update(candidateProfiles)
      .set({ lastDigestAt: sql`greatest(${candidateProfiles.lastDigestAt}, ${plan.windowEnd.toISOString()}::timestamptz)` })
      .where(and(eq(candidateProfiles.userId, plan.userId)))
    return { outcome: plan.total > 0 ? ('sent' as const) : ('empty' as const), plan }
  })
}

/** Sends every due digest once (see the comment at the top). Safe to run often and concurrently. */
export async function runDigests(options: RunDigestsOptions = {}): Promise<DigestRunSummary> {
  const now = options.now ?? new Date()
  const log = options.log ?? ((message, error) => console.error(message, error))
  const dryRun = options.dryRun ?? false
  const candidates = await dueCandidates(db, now, options.limit)
  const summary: DigestRunSummary = { due: candidates.length, sent: 0, empty: 0, skipped: 0, failed: 0, dryRun, plans: [] }
  for (const candidate of candidates) {
    if (options.signal?.aborted) break
    if (dryRun) {
      const plan = await planFor(db, candidate, now, false)
      if (!plan) summary.skipped++
      else if (plan.total === 0) summary.empty++
      else {
        summary.sent++
        summary.plans.push(plan)
      }
      continue
    }
    try {
      const { outcome, plan } = await digestOne(candidate, now)
      summary[outcome]++
      if (outcome === 'sent' && plan) summary.plans.push(plan)
    } catch (error) {
      // Rolled back as a whole: nothing recorded for this candidate, so the next run retries them.
      summary.failed++
      log(`[alerts] digest for user ${candidate.user_id} failed; it will be retried on the next run`, error)
    }
  }
  return summary
}
