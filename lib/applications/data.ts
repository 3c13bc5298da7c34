import 'server-only'
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db, type Executor, type Transaction } from '@/db'
import { applicationEvents, applicationRoles, applicationSkills, media, roles, skills, trainerApplications, users, type ApplicationStatus } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import type { CurrentUser } from '@/lib/auth/session'
import { tags } from '@/lib/cache-tags'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail, siteLink } from '@/lib/email/templates'
import type { CheckedCv } from './cv'
import { formatDay, splitLanguages, type ApplicationInput } from './schema'

export { formatDay }
import { canApplicantWithdraw, isOpen, openStatuses, reapplyAfterDays } from './status'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const dayMs = 24 * 60 * 60 * 1000


export const openApplicationMessage = 'You already have an application in progress. You can follow it in your dashboard, or withdraw it there to send a new one.'
export const reapplyMessage = (date: Date) => `You can apply again on ${formatDay(date)}.`
export const signInToApplyMessage = 'Sign in or create an account to send your application, so you can follow it.'
export const notFoundMessage = 'We could not find this application.'

/** When someone rejected at `decidedAt` may apply again. */
export const reapplyDate = (decidedAt: Date) => new Date(decidedAt.getTime() + reapplyAfterDays * dayMs)

/** A published role, as the form's "roles you prepare people for" lists it. */
export interface RoleOptionDto {
  slug: string
  title: string
}

/** Every published role by title, for the application form. Cached; refreshed by the `roles` tag. */
export const listRoleOptions = unstable_cache(
  async (): Promise<RoleOptionDto[]> =>
    db
      .select({ slug: roles.slug, title: roles.title })
      .from(roles)
      .where(and(eq(roles.status, 'published'), isNull(roles.deletedAt)))
      .orderBy(asc(roles.title)),
  ['applications:role-options'],
  { tags: [tags.roles] },
)

/** Whether this person may send a new application now, and if not, why (and where to look). */
export type Eligibility = { canApply: true } | { canApply: false; reason: 'open'; openId: string } | { canApply: false; reason: 'rejected'; reapplyOn: Date }

export async function applicationEligibility(executor: Executor, userId: string, now = new Date()): Promise<Eligibility> {
  const [open] = await executor
    .select({ id: trainerApplications.id })
    .from(trainerApplications)
    .where(and(eq(trainerApplications.userId, userId), inArray(trainerApplications.status, [...openStatuses])))
    .limit(1)
  if (open) return { canApply: false, reason: 'open', openId: open.id }
  const [rejected] = await executor
    .select({ decidedAt: trainerApplications.decidedAt, submittedAt: trainerApplications.submittedAt })
    .from(trainerApplications)
    .where(and(eq(trainerApplications.userId, userId), eq(trainerApplications.status, 'rejected')))
    .orderBy(desc(sql`coalesce(${trainerApplications.decidedAt}, ${trainerApplications.submittedAt})`))
    .limit(1)
  if (rejected) {
    const reapplyOn = reapplyDate(rejected.decidedAt ?? rejected.submittedAt)
    if (reapplyOn > now) return { canApply: false, reason: 'rejected', reapplyOn }
  }
  return { canApply: true }
}

/** The signed-in person's own eligibility (the dashboard list and the form's account panel). */
export async function getMyEligibility(user: CurrentUser): Promise<Eligibility> {
  return applicationEligibility(db, user.id)
}

const fieldError = (field: string, message: string) => fail('Please correct the highlighted fields.', { fieldErrors: { [field]: [message] } })

/**
 * Stores a checked application in the caller's transaction (guardedSubmit's): the rules (one open
 * application, 90 days after a rejection), skills and roles resolved to existing rows, the CV, the
 * first timeline event, the audit row and the confirmation email. Refusals store nothing.
 */
export async function createApplication(tx: Transaction, user: CurrentUser, input: ApplicationInput, cv: CheckedCv | null, ip?: string): Promise<ActionResult<{ id: string | null }>> {
  // Serializes this person's submits: two at once cannot both pass the checks below.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update')
  const eligibility = await applicationEligibility(tx, user.id)
  if (!eligibility.canApply) return fail(eligibility.reason === 'open' ? openApplicationMessage : reapplyMessage(eligibility.reapplyOn))

  const wantedSkills = [...new Map(input.skills.map((s) => [s.toLowerCase(), s])).values()]
  const skillRows = await tx
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(
      inArray(
        sql`lower(${skills.name})`,
        wantedSkills.map((s) => s.toLowerCase()),
      ),
    )
  const known = new Set(skillRows.map((s) => s.name.toLowerCase()))
  const unknown = wantedSkills.filter((s) => !known.has(s.toLowerCase()))
  if (unknown.length > 0) return fieldError('skills', `We do not know ${unknown.map((s) => `"${s}"`).join(', ')}. Choose skills from the suggestions.`)

  const wantedRoles = [...new Set(input.roles)]
  const roleRows = wantedRoles.length
    ? await tx
        .select({ id: roles.id, slug: roles.slug })
        .from(roles)
        .where(and(inArray(roles.slug, wantedRoles), eq(roles.status, 'published'), isNull(roles.deletedAt)))
    : []
  if (roleRows.length !== wantedRoles.length) return fieldError('roles', 'Choose roles from the list.')

  let cvMediaId: string | null = null
  if (cv) {
    const [row] = await tx
      .insert(media)
      .values({ bytes: cv.bytes, mimeType: 'application/pdf', byteSize: cv.byteSize, sha256: cv.sha256, altText: `CV of ${input.fullName}`, createdBy: user.id })
      .returning({ id: media.id })
    cvMediaId = row!.id
  }

  const values = {
    userId: user.id,
    fullName: input.fullName,
    email: input.email,
    country: input.country,
    languages: splitLanguages(input.languages),
    offers: input.offers,
    yearsExperience: input.yearsExperience,
    headline: input.headline,
    bio: input.bio,
    linkedinUrl: input.linkedinUrl || null,
    websiteUrl: input.websiteUrl || null,
    motivation: input.motivation,
    availability: input.availability,
    cvMediaId,
    cvFileName: cv?.fileName ?? null,
  }
  const [application] = await tx.insert(trainerApplications).values(values).returning({ id: trainerApplications.id, submittedAt: trainerApplications.submittedAt })
  const id = application!.id
  if (skillRows.length) await tx.insert(applicationSkills).values(skillRows.map((s) => ({ applicationId: id, skillId: s.id })))
  if (roleRows.length) await tx.insert(applicationRoles).values(roleRows.map((r) => ({ applicationId: id, roleId: r.id })))
  await tx.insert(applicationEvents).values({ applicationId: id, fromStatus: null, toStatus: 'submitted', actorId: user.id, createdAt: application!.submittedAt })
  const { userId: _userId, cvMediaId: _cv, ...answers } = values
  await writeAudit(tx, {
    actorId: user.id,
    action: 'application.submit',
    entityType: 'trainer_application',
    entityId: id,
    after: { ...answers, status: 'submitted', skills: skillRows.map((s) => s.name), roles: roleRows.map((r) => r.slug), cv: cv ? { fileName: cv.fileName, byteSize: cv.byteSize, sha256: cv.sha256 } : null },
    ip: ip ?? null,
  })

  const link = siteLink(`/dashboard/applications/${id}`)
  const { text, html } = renderEmail({
    heading: 'We received your application',
    paragraphs: [
      `Hello ${user.name},`,
      'Thank you for applying to join the SkillsU network of trainers, coaches and consultants. Your application is in our queue.',
      'What happens next: we screen every application, invite the people whose expertise matches what our learners need to a short interview, and then decide. You can follow each step, and withdraw the application if your plans change, from your dashboard.',
    ],
    action: { label: 'Follow your application', url: link },
    reason: 'You receive this email because you applied to join the SkillsU trainer network with this account.',
  })
  await enqueueEmail(tx, { to: user.email, userId: user.id, kind: 'application-submitted', subject: 'We received your trainer application', text, html })
  return ok({ id }, 'Your application was sent.')
}

/** True when a database error is the one-open-application-per-user index (a race the checks above lost). */
export function isOpenApplicationConflict(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, constraint_name, message } = e as { code?: string; constraint?: string; constraint_name?: string; message?: string }
    if (code === '23505' && [constraint, constraint_name].includes('trainer_applications_one_open_key')) return true
    if (typeof message === 'string' && message.includes('trainer_applications_one_open_key')) return true
    if (e === (e as { cause?: unknown }).cause) break
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// The applicant's view: only their own applications, ever.
// ---------------------------------------------------------------------------------------------

export interface MyApplicationSummaryDto {
  id: string
  status: ApplicationStatus
  headline: string
  submittedAt: string
  decidedAt: string | null
}

export async function listMyApplications(user: CurrentUser): Promise<MyApplicationSummaryDto[]> {
  const rows = await db
    .select({ id: trainerApplications.id, status: trainerApplications.status, headline: trainerApplications.headline, submittedAt: trainerApplications.submittedAt, decidedAt: trainerApplications.decidedAt })
    .from(trainerApplications)
    .where(eq(trainerApplications.userId, user.id))
    .orderBy(desc(trainerApplications.submittedAt), desc(trainerApplications.createdAt))
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null }))
}

export type TimelineStep = { key: 'submitted' | 'screening' | 'interview' | 'decision'; label: string; reachedAt: string | null; outcome?: ApplicationStatus }

export interface MyApplicationDto {
  id: string
  status: ApplicationStatus
  version: number
  open: boolean
  fullName: string
  email: string
  country: string
  languages: string[]
  offers: string[]
  yearsExperience: number
  headline: string
  bio: string
  linkedinUrl: string | null
  websiteUrl: string | null
  motivation: string
  availability: string
  cvFileName: string | null
  skills: string[]
  roles: RoleOptionDto[]
  submittedAt: string
  decidedAt: string | null
  timeline: TimelineStep[]
  /** After a rejection: the first day a new application is possible (ISO), else null. */
  reapplyOn: string | null
}

/** One of the user's own applications, or null (another person's, a malformed id, or none). */
export async function getMyApplication(user: CurrentUser, id: string): Promise<MyApplicationDto | null> {
  if (!uuid.test(id)) return null
  const [row] = await db
    .select()
    .from(trainerApplications)
    .where(and(eq(trainerApplications.id, id), eq(trainerApplications.userId, user.id)))
  if (!row) return null
  const [skillRows, roleRows, events] = await Promise.all([
    db
      .select({ name: skills.name })
      .from(applicationSkills)
      .innerJoin(skills, eq(skills.id, applicationSkills.skillId))
      .where(eq(applicationSkills.applicationId, id))
      .orderBy(asc(skills.name)),
    db
      .select({ slug: roles.slug, title: roles.title })
      .from(applicationRoles)
      .innerJoin(roles, eq(roles.id, applicationRoles.roleId))
      .where(eq(applicationRoles.applicationId, id))
      .orderBy(asc(roles.title)),
    db
      .select({ toStatus: applicationEvents.toStatus, createdAt: applicationEvents.createdAt })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.createdAt)),
  ])
  const firstAt = (statuses: ApplicationStatus[]) => events.find((e) => statuses.includes(e.toStatus))?.createdAt.toISOString() ?? null
  const decision = events.find((e) => ['accepted', 'rejected', 'withdrawn'].includes(e.toStatus))
  const timeline: TimelineStep[] = [
    { key: 'submitted', label: 'Submitted', reachedAt: firstAt(['submitted']) ?? row.submittedAt.toISOString() },
    { key: 'screening', label: 'Screening', reachedAt: firstAt(['screening']) },
    { key: 'interview', label: 'Interview', reachedAt: firstAt(['interview']) },
    { key: 'decision', label: 'Decision', reachedAt: decision?.createdAt.toISOString() ?? null, outcome: decision?.toStatus },
  ]
  const reapplyOn = row.status === 'rejected' ? reapplyDate(row.decidedAt ?? decision?.createdAt ?? row.submittedAt) : null
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    open: isOpen(row.status),
    fullName: row.fullName,
    email: row.email,
    country: row.country,
    languages: row.languages,
    offers: row.offers,
    yearsExperience: row.yearsExperience,
    headline: row.headline,
    bio: row.bio,
    linkedinUrl: row.linkedinUrl,
    websiteUrl: row.websiteUrl,
    motivation: row.motivation,
    availability: row.availability,
    cvFileName: row.cvFileName,
    skills: skillRows.map((s) => s.name),
    roles: roleRows,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    timeline,
    reapplyOn: reapplyOn && reapplyOn > new Date() ? reapplyOn.toISOString() : null,
  }
}

/** The applicant withdraws one of their open applications (version-checked: a stale page is refused). */
export async function withdrawMyApplication(user: CurrentUser, id: string, version: number, ip?: string): Promise<ActionResult<{ status: ApplicationStatus }>> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: trainerApplications.status, version: trainerApplications.version })
      .from(trainerApplications)
      .where(and(eq(trainerApplications.id, id), eq(trainerApplications.userId, user.id)))
      .for('update')
    if (!current) return fail(notFoundMessage)
    if (!canApplicantWithdraw(current.status)) return fail('This application is already closed, so it cannot be withdrawn.')
    if (current.version !== version) return fail('This application changed since you opened the page. Reload it to see the latest status, then try again.')
    const now = new Date()
    const [updated] = await tx
      .update(trainerApplications)
      .set({ status: 'withdrawn', version: sql`${trainerApplications.version} + 1`, decidedAt: now, updatedAt: now })
      .where(and(eq(trainerApplications.id, id), eq(trainerApplications.userId, user.id), eq(trainerApplications.version, version), inArray(trainerApplications.status, [...openStatuses])))
      .returning({ id: trainerApplications.id })
    if (!updated) return fail('This application changed since you opened the page. Reload it to see the latest status, then try again.')
    await tx.insert(applicationEvents).values({ applicationId: id, fromStatus: current.status, toStatus: 'withdrawn', actorId: user.id, createdAt: now })
    await writeAudit(tx, {
      actorId: user.id,
      action: 'application.withdraw',
      entityType: 'trainer_application',
      entityId: id,
      before: { status: current.status, version: current.version },
      after: { status: 'withdrawn', version: current.version + 1 },
      ip: ip ?? null,
    })
    return ok({ status: 'withdrawn' as const }, 'Your application was withdrawn. You can apply again whenever you are ready.')
  })
}
