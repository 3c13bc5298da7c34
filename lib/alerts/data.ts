import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { db, queryRows, type Executor } from '@/db'
import { candidateProfiles, opportunities, partners, roles, roleSkills, skills, users, userSkills, userTargetRoles } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { recordConsent } from '@/lib/privacy/consent-records'
import type { Limit } from '@/lib/rate-limit'
import { reasonSkillLimit, type AlertsUnsubscribeInput } from './schema'
import { verifyAlertsUnsubscribeToken } from './tokens'

/**
 * Per-IP limit on the unsubscribe endpoint and button. Generous: mail providers send RFC 8058
 * one-click requests for many people from a few addresses of their own.
 */
export const alertsLimits = {
  unsubscribeIp: { name: 'alerts-unsubscribe-ip', points: 120, durationSeconds: 10 * 60 },
} satisfies Record<string, Limit>

/** One opportunity in a digest, with why it was picked. */
export interface DigestItem {
  id: string
  title: string
  company: string
  location: string
  remote: boolean
  publishedAt: Date
  /** "Matches your target role Back-End Developer" or "Uses 3 of your skills: Go, SQL, Docker". */
  reason: string
  match: 'target-role' | 'skills'
}

type MatchRow = {
  id: string
  title: string
  company: string
  location: string
  remote: boolean
  published_at: string | Date
  role_title: string | null
  is_target: boolean
  overlap: number
  skill_names: string[] | null
}

/** "Go, SQL, Docker" or "Go, SQL, Docker, Kafka, Redis and 2 more". */
function skillList(names: string[]): string {
  const shown = names.slice(0, reasonSkillLimit).join(', ')
  return names.length > reasonSkillLimit ? `${shown} and ${names.length - reasonSkillLimit} more` : shown
}

function reasonOf(row: MatchRow): string {
  if (row.is_target) return `Matches your target role ${row.role_title}`
  const names = row.skill_names ?? []
  return row.overlap === 1 ? `Uses 1 of your skills: ${skillList(names)}` : `Uses ${row.overlap} of your skills: ${skillList(names)}`
}

/**
 * The opportunities published in (start, end] and still listed at `end` that match the candidate,
 * best first: their target roles (in the candidate's order), then those whose role needs the most
 * of the candidate's skills; newest first within each. Opportunities with neither are left out.
 */
export async function matchingOpportunities(executor: Executor, input: { userId: string; start: Date; end: Date }): Promise<DigestItem[]> {
  const start = sql`${input.start.toISOString()}::timestamptz`
  const end = sql`${input.end.toISOString()}::timestamptz`
  const rows = await queryRows<MatchRow>(
    executor,
    sql`select o.id, o.title, coalesce(p.name, o.company_name) as company, o.location, o.remote, o.published_at,
               r.title as role_title, (t.role_id is not null) as is_target, coalesce(sk.n, 0)::int as overlap, sk.names as skill_names
          from ${opportunities} o
          left join ${partners} p on p.id = o.partner_id and p.deleted_at is null
          left join ${roles} r on r.id = o.role_id
          left join ${userTargetRoles} t on t.role_id = o.role_id and t.user_id = ${input.userId}
          left join lateral (
                select count(*)::int as n, array_agg(s.name order by rs.share_pct desc, rs.position, s.name) as names
                  from ${roleSkills} rs
                  join ${userSkills} us on us.skill_id = rs.skill_id and us.user_id = ${input.userId}
                  join ${skills} s on s.id = rs.skill_id
                 where rs.role_id = o.role_id
               ) sk on true
         where o.status = 'published' and o.deleted_at is null
           and o.published_at > ${start} and o.published_at <= ${end}
           and (o.expires_at is null or o.expires_at > ${end})
           and (t.role_id is not null or coalesce(sk.n, 0) > 0)
         order by (t.role_id is not null) desc, t.position asc nulls last, coalesce(sk.n, 0) desc, o.published_at desc, o.id`,
  )
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    company: row.company,
    location: row.location,
    remote: row.remote,
    publishedAt: new Date(row.published_at),
    reason: reasonOf(row),
    match: row.is_target ? 'target-role' : 'skills',
  }))
}

/**
 * Turns a candidate's alerts off from the signed link in a digest. No session: the HMAC is the
 * authorization. Idempotent: a second request (or the link of a deleted account) answers the
 * same and changes nothing. The dashboard reads the frequency, so it shows "off" at once.
 */
export async function unsubscribeFromAlerts(input: AlertsUnsubscribeInput, ip?: string): Promise<'unsubscribed' | 'invalid'> {
  if (!verifyAlertsUnsubscribeToken(input.u, input.token)) return 'invalid'
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ frequency: candidateProfiles.alertFrequency, email: users.email })
      .from(candidateProfiles)
      .innerJoin(users, eq(users.id, candidateProfiles.userId))
      .where(eq(candidateProfiles.userId, input.u))
      .for('update', { of: candidateProfiles })
    if (!before || before.frequency === 'off') return
    await tx.update(candidateProfiles).set({ alertFrequency: 'off', updatedAt: sql`now()` }).where(eq(candidateProfiles.userId, input.u))
    await writeAudit(tx, {
      actorId: null,
      action: 'alerts.unsubscribe',
      entityType: 'candidate_profile',
      entityId: input.u,
      before: { alertFrequency: before.frequency },
      after: { alertFrequency: 'off', via: 'email link' },
      ip,
    })
    await recordConsent(tx, { source: 'alerts-unsubscribe', email: before.email, userId: input.u })
  })
  return 'unsubscribed'
}
