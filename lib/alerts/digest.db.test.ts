import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the secret that signs unsubscribe links must be there first.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'alerts-db-test-secret-0123456789abcdefghijklmn'
})
// test/session (for the request's IP) reads the session source: it is mocked as in every action test.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
// Queuing a digest can be made to fail for the Nth candidate: its transaction must roll back whole.
const outbox = vi.hoisted(() => ({ failOnCall: 0, calls: 0 }))
vi.mock('@/lib/email/outbox', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/email/outbox')>()
  return {
    ...real,
    enqueueEmail: async (...args: Parameters<typeof real.enqueueEmail>) => {
      outbox.calls++
      if (outbox.failOnCall && outbox.calls === outbox.failOnCall) throw new Error('simulated crash while queuing')
      return real.enqueueEmail(...args)
    },
  }
})

import { GET as oneClickGet, POST as oneClick } from '@/app/api/alerts/unsubscribe/route'
import type { Database } from '@/db'
import { alertDigests, auditLog, candidateProfiles, emailOutbox, opportunities, roleCategories, roles, roleSkills, skills, userSkills, userTargetRoles, users, type AlertFrequency, type UserRole } from '@/db/schema'
import { consume } from '@/lib/rate-limit'
import { describeEachEngine } from '@/test/db'
import { freshIp, request } from '@/test/session'
import { unsubscribeFromAlertsByLink } from './actions'
import { alertsLimits } from './data'
import { runDigests } from './digest'
import { periodKey, periodStart } from './periods'
import { alertsUnsubscribeMessages, digestItemLimit } from './schema'
import { alertsListUnsubscribeHeaders, alertsOneClickUrl, alertsUnsubscribeToken, alertsUnsubscribeUrl } from './tokens'

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const unique = (label: string) => `${label}-${runId}-${++counter}`
const day = 86_400_000

describeEachEngine('opportunity alerts', ({ handle }) => {
  const d = (): Database => handle().db
  let categoryId = ''
  const skill = {} as Record<'go' | 'sql' | 'docker' | 'kafka' | 'figma' | 'css', string>
  /** Each test runs in its own year, so opportunities of one never fall in another's windows. */
  let year = 2031


  beforeAll(async () => {
    const [category] = await d().insert(roleCategories).values({ slug: unique('cat'), name: unique('Category') }).returning({ id: roleCategories.id })
    categoryId = category!.id
    const names = { go: 'Go', sql: 'SQL', docker: 'Docker', kafka: 'Kafka', figma: 'Figma', css: 'CSS' }
    for (const [key, name] of Object.entries(names)) {
      const [row] = await d()
        .insert(skills)
        .values({ name, slug: name.toLowerCase() })
        .onConflictDoUpdate({ target: skills.slug, set: { name } })
        .returning({ id: skills.id })
      skill[key as keyof typeof skill] = row!.id
    }
  })

  beforeEach(() => {
    year++
    outbox.failOnCall = 0
    outbox.calls = 0
    request.ip = freshIp()
  })

  // Candidates of earlier tests stop being due, so each test counts only its own.
  afterEach(async () => {
    await d().update(candidateProfiles).set({ alertFrequency: 'off' })
  })

  async function makeRole(title: string, roleSkillIds: string[] = []) {
    const [role] = await d()
      .insert(roles)
      .values({ slug: unique('role'), title, categoryId, summary: 'A role.', overview: 'What the role does.', status: 'published', publishedAt: new Date() })
      .returning({ id: roles.id })
    if (roleSkillIds.length) await d().insert(roleSkills).values(roleSkillIds.map((skillId, position) => ({ roleId: role!.id, skillId, sharePct: 90 - position * 10, position })))
    return role!.id
  }

  async function makeCandidate(over: { frequency?: AlertFrequency; verified?: boolean; paused?: boolean; disabled?: boolean; role?: UserRole; targets?: string[]; skills?: string[]; name?: string } = {}) {
    const [user] = await d()
      .insert(users)
      .values({
        email: `${unique('cand')}@example.com`,
        name: over.name ?? 'Casey Candidate',
        role: over.role ?? 'candidate',
        emailVerifiedAt: over.verified === false ? null : new Date(),
        disabledAt: over.disabled ? new Date() : null,
      })
      .returning({ id: users.id, email: users.email })
    await d()
      .insert(candidateProfiles)
      .values({ userId: user!.id, alertFrequency: over.frequency ?? 'weekly', alertsPausedAt: over.paused ? new Date() : null, createdAt: new Date(Date.UTC(2030, 0, 1)) })
    if (over.targets?.length) await d().insert(userTargetRoles).values(over.targets.map((roleId, position) => ({ userId: user!.id, roleId, position })))
    if (over.skills?.length) await d().insert(userSkills).values(over.skills.map((skillId) => ({ userId: user!.id, skillId })))
    return user!
  }

  async function makeOpportunity(title: string, roleId: string | null, publishedAt: Date, over: { status?: string; expiresAt?: Date; deleted?: boolean; location?: string } = {}) {
    const [row] = await d()
      .insert(opportunities)
      .values({
        title,
        roleId,
        companyName: 'Acme Ltd',
        location: over.location ?? 'Lisbon',
        applyUrl: 'https://example.com/jobs/1',
        status: over.status ?? 'published',
        publishedAt,
        expiresAt: over.expiresAt,
        deletedAt: over.deleted ? new Date() : null,
      })
      .returning({ id: opportunities.id })
    return row!.id
  }

  const mailTo = (userId: string) => d().select().from(emailOutbox).where(eq(emailOutbox.userId, userId)).orderBy(emailOutbox.createdAt)
  const digestsOf = (userId: string) => d().select().from(alertDigests).where(eq(alertDigests.userId, userId)).orderBy(alertDigests.createdAt)
  const profileOf = async (userId: string) => (await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, userId)))[0]!

  it('matches target roles before skills, skills by overlap, newest first, and says why', async () => {
    const now = new Date(Date.UTC(year, 2, 11, 9)) // a Wednesday
    const backEnd = await makeRole('Back-End Developer', [skill.go, skill.sql])
    const dataEng = await makeRole('Data Engineer', [skill.sql, skill.kafka, skill.docker, skill.go])
    const devOps = await makeRole('DevOps Engineer', [skill.docker, skill.css])
    const design = await makeRole('Product Designer', [skill.figma])
    const me = await makeCandidate({ targets: [backEnd], skills: [skill.go, skill.sql, skill.docker] })

    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000)
    await makeOpportunity('Old back-end job', backEnd, at(30))
    await makeOpportunity('New back-end job', backEnd, at(2))
    await makeOpportunity('Data job', dataEng, at(1))
    await makeOpportunity('DevOps job', devOps, at(1))
    await makeOpportunity('Design job', design, at(1)) // no shared skill, not a target
    await makeOpportunity('Roleless job', null, at(1))
    await makeOpportunity('Draft back-end job', backEnd, at(3), { status: 'draft' })
    await makeOpportunity('Archived back-end job', backEnd, at(3), { status: 'archived' })
    await makeOpportunity('Deleted back-end job', backEnd, at(3), { deleted: true })
    await makeOpportunity('Expired back-end job', backEnd, at(50), { expiresAt: at(1) })
    await makeOpportunity('Scheduled back-end job', backEnd, new Date(now.getTime() + day))

    const summary = await runDigests({ now })
    expect(summary).toMatchObject({ due: 1, sent: 1, empty: 0, skipped: 0, failed: 0 })
    const plan = summary.plans[0]!
    expect(plan.items.map((i) => [i.title, i.reason])).toEqual([
      ['New back-end job', 'Matches your target role Back-End Developer'],
      ['Old back-end job', 'Matches your target role Back-End Developer'],
      ['Data job', 'Uses 3 of your skills: SQL, Docker, Go'],
      ['DevOps job', 'Uses 1 of your skills: Docker'],
    ])
    const [mail] = await mailTo(me.id)
    expect(mail).toMatchObject({ toAddress: me.email, kind: 'opportunity-digest', category: 'marketing', subject: '4 new opportunities that match you', status: expect.any(String) })
    expect(mail!.textBody).toContain('New back-end job (Acme Ltd · Lisbon). Matches your target role Back-End Developer.')
    expect(mail!.textBody).toContain('Data job (Acme Ltd · Lisbon). Uses 3 of your skills: SQL, Docker, Go.')
    expect(mail!.textBody.indexOf('New back-end job')).toBeLessThan(mail!.textBody.indexOf('DevOps job'))
    for (const absent of ['Design job', 'Roleless job', 'Draft', 'Archived', 'Deleted', 'Expired', 'Scheduled']) expect(mail!.textBody).not.toContain(absent)
    expect(mail!.htmlBody).toContain('Uses 3 of your skills: SQL, Docker, Go.')

    // RFC 8058: the one-click endpoint in the header, and a visible link in both parts.
    expect(mail!.headers).toEqual(alertsListUnsubscribeHeaders(me.id))
    expect(mail!.headers).toEqual({ 'List-Unsubscribe': `<${alertsOneClickUrl(me.id)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
    expect(mail!.textBody).toContain(alertsUnsubscribeUrl(me.id))
    expect(mail!.htmlBody).toContain(alertsUnsubscribeUrl(me.id).replace(/&/g, '&amp;'))

    const [digest] = await digestsOf(me.id)
    expect(digest).toMatchObject({ periodKey: periodKey('weekly', now), opportunityCount: 4, outboxId: mail!.id, windowEnd: now })
    expect((await profileOf(me.id)).lastDigestAt).toEqual(now)
  })

  it('lists at most ten and says how many more, with a link to all opportunities', async () => {
    const now = new Date(Date.UTC(year, 4, 6, 12))
    const role = await makeRole('Back-End Developer')
    const me = await makeCandidate({ targets: [role] })
    for (let i = 0; i < digestItemLimit + 3; i++) await makeOpportunity(`Job ${String(i).padStart(2, '0')}`, role, new Date(now.getTime() - (i + 1) * 60_000))
    const summary = await runDigests({ now })
    expect(summary.plans[0]!.items).toHaveLength(digestItemLimit)
    expect(summary.plans[0]!.total).toBe(digestItemLimit + 3)
    const [mail] = await mailTo(me.id)
    expect(mail!.subject).toBe('13 new opportunities that match you')
    expect(mail!.textBody).toContain('Job 00')
    expect(mail!.textBody).not.toContain('Job 10')
    expect(mail!.textBody).toMatch(/And 3 more opportunities for you on SkillsU: http:\/\/[^\s]+\/opportunities/)
    expect((await digestsOf(me.id))[0]!.opportunityCount).toBe(13)
  })

  it('nothing new: no email, but the period is recorded and the window moves on', async () => {
    const now = new Date(Date.UTC(year, 5, 10, 8))
    const role = await makeRole('Back-End Developer')
    const other = await makeRole('Product Designer', [skill.figma])
    const me = await makeCandidate({ targets: [role], skills: [skill.go] })
    await makeOpportunity('Unrelated design job', other, new Date(now.getTime() - 3_600_000))
    const summary = await runDigests({ now })
    expect(summary).toMatchObject({ due: 1, sent: 0, empty: 1, failed: 0, plans: [] })
    expect(await mailTo(me.id)).toHaveLength(0)
    expect(await digestsOf(me.id)).toMatchObject([{ periodKey: periodKey('weekly', now), opportunityCount: 0, outboxId: null }])
    expect((await profileOf(me.id)).lastDigestAt).toEqual(now)
    // Done for the week: a later run the same week sends nothing, even with something new.
    await makeOpportunity('Back-end job', role, new Date(now.getTime() + 3_600_000))
    expect(await runDigests({ now: new Date(now.getTime() + 2 * 3_600_000) })).toMatchObject({ due: 0, sent: 0 })
    expect(await mailTo(me.id)).toHaveLength(0)
    // Next week it comes, once.
    expect(await runDigests({ now: new Date(now.getTime() + 7 * day) })).toMatchObject({ due: 1, sent: 1 })
    const mails = await mailTo(me.id)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('New opportunity for you: Back-end job')
  })

  it('skips candidates with alerts off or paused, unverified, disabled, and non-candidates', async () => {
    const now = new Date(Date.UTC(year, 6, 7, 8))
    const role = await makeRole('Back-End Developer')
    await makeOpportunity('Back-end job', role, new Date(now.getTime() - 3_600_000))
    const skipped = [
      await makeCandidate({ targets: [role], frequency: 'off' }),
      await makeCandidate({ targets: [role], paused: true }),
      await makeCandidate({ targets: [role], verified: false }),
      await makeCandidate({ targets: [role], disabled: true }),
      await makeCandidate({ targets: [role], role: 'trainer' }),
    ]
    const me = await makeCandidate({ targets: [role] })
    expect(await runDigests({ now })).toMatchObject({ due: 1, sent: 1 })
    expect(await mailTo(me.id)).toHaveLength(1)
    for (const user of skipped) {
      expect(await mailTo(user.id)).toHaveLength(0)
      expect(await digestsOf(user.id)).toHaveLength(0)
    }
    // Verifying later catches up: nothing was recorded for the unverified one meanwhile.
    await d().update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, skipped[2]!.id))
    expect(await runDigests({ now: new Date(now.getTime() + 3_600_000) })).toMatchObject({ due: 1, sent: 1 })
    expect((await mailTo(skipped[2]!.id))[0]!.textBody).toContain('Back-end job')
  })

  it('daily, weekly and monthly candidates are due once per day, ISO week and month', async () => {
    const role = await makeRole('Back-End Developer')
    const daily = await makeCandidate({ targets: [role], frequency: 'daily' })
    const weekly = await makeCandidate({ targets: [role], frequency: 'weekly' })
    const monthly = await makeCandidate({ targets: [role], frequency: 'monthly' })
    const who = { [daily.id]: 'daily', [weekly.id]: 'weekly', [monthly.id]: 'monthly' }
    const dueAt = async (now: Date) => {
      await makeOpportunity(`Job before ${now.toISOString()}`, role, new Date(now.getTime() - 60_000))
      const summary = await runDigests({ now })
      return summary.plans.map((p) => who[p.userId]).sort()
    }
    // A Monday in the middle of March of this test's year, then hours and days from it.
    const monday = periodStart('weekly', new Date(Date.UTC(year, 2, 11)))
    const at = (days: number, hours = 0) => new Date(monday.getTime() + days * day + hours * 3_600_000)
    expect(await dueAt(at(2, 9))).toEqual(['daily', 'monthly', 'weekly']) // Wednesday: first digests
    expect(await dueAt(at(2, 18))).toEqual([]) // same day
    expect(await dueAt(at(3, 9))).toEqual(['daily']) // next day, same week and month
    expect(await dueAt(at(6, 23))).toEqual(['daily']) // Sunday: still the same ISO week
    expect(await dueAt(at(7, 0.5))).toEqual(['daily', 'weekly']) // Monday: a new week
    expect(await dueAt(new Date(Date.UTC(year, 3, 1, 0, 30)))).toEqual(['daily', 'monthly', 'weekly']) // a new month (and week)
    const y = year
    const dayKey = (d: Date) => d.toISOString().slice(0, 10)
    expect((await digestsOf(daily.id)).map((r) => r.periodKey)).toEqual([at(2), at(3), at(6), at(7), new Date(Date.UTC(y, 3, 1))].map(dayKey))
    expect((await digestsOf(monthly.id)).map((r) => r.periodKey)).toEqual([`${y}-03`, `${y}-04`])
    // Each digest lists only what was published since the previous one.
    const weeklyMails = await mailTo(weekly.id)
    expect(weeklyMails).toHaveLength(3)
    expect(weeklyMails[1]!.textBody).toContain(`Job before ${at(7, 0.5).toISOString()}`)
    expect(weeklyMails[1]!.textBody).toContain(`Job before ${at(3, 9).toISOString()}`)
    expect(weeklyMails[1]!.textBody).not.toContain(`Job before ${at(2, 9).toISOString()}`)
  })

  it('a first digest reaches back to the start of the previous period at most', async () => {
    const now = new Date(periodStart('weekly', new Date(Date.UTC(year, 8, 16))).getTime() + 2 * day + 10 * 3_600_000) // a Wednesday
    const role = await makeRole('Back-End Developer')
    const me = await makeCandidate({ targets: [role] })
    await makeOpportunity('Last week job', role, new Date(now.getTime() - 8 * day))
    await makeOpportunity('Three weeks old job', role, new Date(now.getTime() - 21 * day))
    const summary = await runDigests({ now })
    expect(summary.plans[0]!.windowStart).toEqual(new Date(periodStart('weekly', now).getTime() - 7 * day)) // Monday of the previous ISO week
    expect(summary.plans[0]!.items.map((i) => i.title)).toEqual(['Last week job'])
    expect(await mailTo(me.id)).toHaveLength(1)
  })

  it('twice in a row, and two runs at once: one digest per candidate and period', async () => {
    const now = new Date(Date.UTC(year, 9, 14, 10))
    const role = await makeRole('Back-End Developer')
    const people = [await makeCandidate({ targets: [role] }), await makeCandidate({ targets: [role] }), await makeCandidate({ targets: [role] })]
    await makeOpportunity('Back-end job', role, new Date(now.getTime() - 3_600_000))
    const [a, b] = await Promise.all([runDigests({ now }), runDigests({ now })])
    expect(a.sent + b.sent).toBe(3)
    expect(a.failed + b.failed).toBe(0)
    expect(await runDigests({ now })).toMatchObject({ due: 0, sent: 0 })
    expect(await runDigests({ now: new Date(now.getTime() + 60_000) })).toMatchObject({ due: 0, sent: 0 })
    for (const person of people) {
      expect(await mailTo(person.id)).toHaveLength(1)
      expect(await digestsOf(person.id)).toHaveLength(1)
    }
  })

  it('a crash halfway, then a rerun: no duplicates and no one missed', async () => {
    const now = new Date(Date.UTC(year, 10, 11, 10))
    const role = await makeRole('Back-End Developer')
    const people = []
    for (let i = 0; i < 5; i++) people.push(await makeCandidate({ targets: [role] }))
    await makeOpportunity('Back-end job', role, new Date(now.getTime() - 3_600_000))

    // Killed after two candidates (the run stops between transactions).
    expect(await runDigests({ now, limit: 2 })).toMatchObject({ due: 2, sent: 2 })
    // The third candidate's transaction fails after its digest row was inserted: all of it rolls back.
    outbox.calls = 0
    outbox.failOnCall = 1
    const log = vi.fn()
    const crashed = await runDigests({ now, log })
    expect(crashed).toMatchObject({ due: 3, sent: 2, failed: 1 })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('will be retried'), expect.any(Error))
    const done = await d().select({ userId: alertDigests.userId }).from(alertDigests).where(inArray(alertDigests.userId, people.map((p) => p.id)))
    expect(done).toHaveLength(4)
    const missed = people.find((p) => !done.some((r) => r.userId === p.id))!
    expect(await mailTo(missed.id)).toHaveLength(0)
    expect((await profileOf(missed.id)).lastDigestAt).toBeNull()

    outbox.failOnCall = 0
    expect(await runDigests({ now })).toMatchObject({ due: 1, sent: 1, failed: 0 })
    expect(await runDigests({ now })).toMatchObject({ due: 0, sent: 0 })
    for (const person of people) {
      const mails = await mailTo(person.id)
      expect(mails).toHaveLength(1)
      expect(mails[0]!.textBody).toContain('Back-end job')
      expect(await digestsOf(person.id)).toHaveLength(1)
    }
  })

  it('a dry run tells who would get what and writes nothing', async () => {
    const now = new Date(Date.UTC(year, 1, 10, 10))
    const role = await makeRole('Back-End Developer')
    const me = await makeCandidate({ targets: [role] })
    const nobody = await makeCandidate({ targets: [await makeRole('Other')] })
    await makeOpportunity('Back-end job', role, new Date(now.getTime() - 3_600_000))
    const count = async () => {
      const [row] = await d().execute(sql`select (select count(*) from email_outbox)::int as mail, (select count(*) from alert_digests)::int as digests`).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { mail: number; digests: number }[])
      return row
    }
    const before = await count()
    const summary = await runDigests({ now, dryRun: true })
    expect(summary).toMatchObject({ dryRun: true, due: 2, sent: 1, empty: 1 })
    expect(summary.plans).toMatchObject([{ userId: me.id, email: me.email, frequency: 'weekly', periodKey: periodKey('weekly', now), total: 1, items: [{ title: 'Back-end job', reason: 'Matches your target role Back-End Developer' }] }])
    expect(await count()).toEqual(before)
    expect((await profileOf(me.id)).lastDigestAt).toBeNull()
    expect((await profileOf(nobody.id)).lastDigestAt).toBeNull()
    // The real run afterwards does it all.
    expect(await runDigests({ now })).toMatchObject({ sent: 1, empty: 1 })
  })

  it('one-click unsubscribe (RFC 8058): POST with the signed link turns alerts off, no session needed', async () => {
    const me = await makeCandidate({ frequency: 'daily' })
    const other = await makeCandidate({ frequency: 'weekly' })
    const post = (url: string, body: BodyInit | null = 'List-Unsubscribe=One-Click', headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }) =>
      oneClick(new Request(url, { method: 'POST', body, headers }))

    // Forged, cut off, someone else's, or without the RFC body: 400, nothing changes.
    const forged = alertsOneClickUrl(me.id).replace(/token=[^&]+/, `token=${'A'.repeat(43)}`)
    expect((await post(forged)).status).toBe(400)
    expect((await post(alertsOneClickUrl(me.id).slice(0, -5))).status).toBe(400)
    expect((await post(alertsOneClickUrl(me.id).replace(me.id, other.id))).status).toBe(400)
    expect((await post(alertsOneClickUrl(me.id), null)).status).toBe(400)
    expect((await profileOf(me.id)).alertFrequency).toBe('daily')

    const res = await post(alertsOneClickUrl(me.id))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('Opportunity alerts are off.')
    expect((await profileOf(me.id)).alertFrequency).toBe('off')
    expect((await profileOf(other.id)).alertFrequency).toBe('weekly')
    const audit = await d().select().from(auditLog).where(and(eq(auditLog.action, 'alerts.unsubscribe'), eq(auditLog.entityId, me.id)))
    expect(audit).toMatchObject([{ actorId: null, entityType: 'candidate_profile', before: { alertFrequency: 'daily' }, after: { alertFrequency: 'off' }, ip: request.ip }])
    // Again: the same answer, no second audit row. Multipart bodies work too.
    const form = new FormData()
    form.set('List-Unsubscribe', 'One-Click')
    expect((await oneClick(new Request(alertsOneClickUrl(me.id), { method: 'POST', body: form }))).status).toBe(200)
    expect(await d().select().from(auditLog).where(and(eq(auditLog.action, 'alerts.unsubscribe'), eq(auditLog.entityId, me.id)))).toHaveLength(1)

    // A GET (link scanners, clients without one-click) changes nothing: it shows the page with its button.
    const get = oneClickGet(new Request(alertsOneClickUrl(other.id)))
    expect(get.status).toBe(303)
    expect(get.headers.get('location')).toBe(alertsUnsubscribeUrl(other.id))
    expect((await profileOf(other.id)).alertFrequency).toBe('weekly')

    // An unsubscribed candidate is not due any more.
    expect(await runDigests({ now: new Date(Date.UTC(year, 3, 1)) })).toMatchObject({ plans: [] })
    expect((await runDigests({ now: new Date(Date.UTC(year, 3, 1)) })).plans.some((p) => p.userId === me.id)).toBe(false)
  })

  it('one-click unsubscribe is throttled per address (429 with Retry-After)', async () => {
    const me = await makeCandidate()
    await consume(alertsLimits.unsubscribeIp, request.ip, alertsLimits.unsubscribeIp.points)
    const res = await oneClick(new Request(alertsOneClickUrl(me.id), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await profileOf(me.id)).alertFrequency).toBe('weekly')
  })

  it('the button on /alerts/unsubscribe turns alerts off; a bad link is refused by the field', async () => {
    const me = await makeCandidate({ frequency: 'monthly' })
    const form = (u: string, token: string) => {
      const f = new FormData()
      f.set('u', u)
      f.set('token', token)
      return f
    }
    expect(await unsubscribeFromAlertsByLink(null, form(me.id, 'x'.repeat(43)))).toEqual({ ok: false, error: alertsUnsubscribeMessages.invalid })
    expect(await unsubscribeFromAlertsByLink(null, form('not-a-uuid', alertsUnsubscribeToken(me.id)))).toMatchObject({ ok: false, fieldErrors: { u: ['This link is not valid.'] } })
    expect((await profileOf(me.id)).alertFrequency).toBe('monthly')
    expect(await unsubscribeFromAlertsByLink(null, form(me.id, alertsUnsubscribeToken(me.id)))).toEqual({ ok: true, data: null, message: alertsUnsubscribeMessages.done })
    expect((await profileOf(me.id)).alertFrequency).toBe('off')
    // Pressing it again (a second tab) says the same.
    expect(await unsubscribeFromAlertsByLink(null, form(me.id, alertsUnsubscribeToken(me.id)))).toMatchObject({ ok: true })
  })
})
