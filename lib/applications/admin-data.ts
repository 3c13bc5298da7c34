import 'server-only'
import { and, asc, avg, count, desc, eq, exists, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db, type Transaction } from '@/db'
import {
  applicationEvents,
  applicationNotes,
  applicationRoles,
  applicationScores,
  applicationSkills,
  applicationStatusValues,
  emailTemplates,
  media,
  roles,
  skills,
  trainerApplications,
  trainerProfiles,
  trainerSkills,
  users,
  type ApplicationStatus,
  type UserRole,
} from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { toCsv } from '@/lib/csv'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail, siteLink } from '@/lib/email/templates'
import {
  applicationConflictMessage,
  templateConflictMessage,
  type ApplicationListQuery,
  type ApplicationMoveInput,
  type ApplicationNoteInput,
  type ApplicationScoreInput,
  type TemplateSaveInput,
} from './admin-schema'
import { reapplyAfterDays, reviewerTransitions, statusLabels } from './status'
import { decisionTemplateKey, defaultTemplates, fillDecisionEmail, templateKeys, templateLabels, type EmailTemplateText, type TemplateKey } from './templates'

export const applicationsPageSize = 25
/** The most rows one CSV export holds; a larger selection asks the admin to narrow the filters. */
export const exportRowLimit = 10_000

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const missingMessage = 'This application no longer exists. Reload the list.'

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`)
const nextDay = (day: string) => new Date(startOfDay(day).getTime() + 24 * 60 * 60 * 1000)

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export interface ApplicationListItem {
  id: string
  fullName: string
  email: string
  country: string
  headline: string
  status: ApplicationStatus
  submittedAt: string
  skills: string[]
}

export interface ApplicationListDto {
  items: ApplicationListItem[]
  total: number
  page: number
  pageCount: number
  /** How many applications of each status match the other filters (the status tabs' numbers). */
  counts: Record<ApplicationStatus, number>
}

/** Every filter except the status one, so the per-status counts stay meaningful while a status is chosen. */
function filterConditions(query: ApplicationListQuery): SQL[] {
  const conditions: SQL[] = []
  if (query.q) {
    const pattern = likePattern(query.q)
    conditions.push(or(ilike(trainerApplications.fullName, pattern), ilike(trainerApplications.email, pattern), ilike(trainerApplications.headline, pattern))!)
  }
  if (query.skill) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(applicationSkills)
          .innerJoin(skills, eq(skills.id, applicationSkills.skillId))
          .where(and(eq(applicationSkills.applicationId, trainerApplications.id), eq(skills.slug, query.skill))),
      ),
    )
  }
  if (query.country) conditions.push(eq(trainerApplications.country, query.country))
  if (query.from) conditions.push(gte(trainerApplications.submittedAt, startOfDay(query.from)))
  if (query.to) conditions.push(lt(trainerApplications.submittedAt, nextDay(query.to)))
  return conditions
}

// Written out with aliases: inside a selection Drizzle may print columns without their table, and
// an unqualified "id" would bind to the subquery's skills.id instead of the outer application.
const skillNames = sql<string[]>`coalesce((select array_agg(s.name order by s.name) from application_skills a inner join skills s on s.id = a.skill_id where a.application_id = "trainer_applications"."id"), '{}')`

/** Applications for review, newest first, with the list's filters and search (admins only). */
export async function listApplicationsForReview(query: ApplicationListQuery): Promise<ApplicationListDto> {
  await requireRole('admin')
  const others = filterConditions(query)
  const where = and(...others, ...(query.status ? [eq(trainerApplications.status, query.status)] : []))

  const countRows = await db
    .select({ status: trainerApplications.status, n: count() })
    .from(trainerApplications)
    .where(others.length ? and(...others) : undefined)
    .groupBy(trainerApplications.status)
  const counts = Object.fromEntries(applicationStatusValues.map((s) => [s, 0])) as Record<ApplicationStatus, number>
  for (const r of countRows) counts[r.status] = r.n
  const total = query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0)

  const pageCount = Math.max(1, Math.ceil(total / applicationsPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select({
      id: trainerApplications.id,
      fullName: trainerApplications.fullName,
      email: trainerApplications.email,
      country: trainerApplications.country,
      headline: trainerApplications.headline,
      status: trainerApplications.status,
      submittedAt: trainerApplications.submittedAt,
      skills: skillNames,
    })
    .from(trainerApplications)
    .where(where)
    .orderBy(desc(trainerApplications.submittedAt), desc(trainerApplications.id))
    .limit(applicationsPageSize)
    .offset((page - 1) * applicationsPageSize)

  return { items: rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })), total, page, pageCount, counts }
}

/** The skills and countries that occur in applications: the filters' choices. */
export async function listApplicationFilterOptions(): Promise<{ skills: { slug: string; name: string }[]; countries: string[] }> {
  await requireRole('admin')
  const [skillRows, countryRows] = await Promise.all([
    db
      .selectDistinct({ slug: skills.slug, name: skills.name })
      .from(skills)
      .innerJoin(applicationSkills, eq(applicationSkills.skillId, skills.id))
      .orderBy(asc(skills.name)),
    db.selectDistinct({ country: trainerApplications.country }).from(trainerApplications).orderBy(asc(trainerApplications.country)),
  ])
  return { skills: skillRows, countries: countryRows.map((r) => r.country) }
}

// ---------------------------------------------------------------------------------------------
// CSV export
// ---------------------------------------------------------------------------------------------

export const exportHeader = [
  'Submitted (UTC)',
  'Status',
  'Name',
  'Email',
  'Country',
  'Headline',
  'Offers',
  'Years of experience',
  'Skills',
  'Languages',
  'LinkedIn',
  'Website',
  'Average score',
  'Decided (UTC)',
]

/** The filtered list (every page) as a CSV document; the same filters as the list, admins only. */
export async function exportApplicationsCsv(query: ApplicationListQuery): Promise<{ fileName: string; csv: string; rows: number }> {
  await requireRole('admin')
  const conditions = [...filterConditions(query), ...(query.status ? [eq(trainerApplications.status, query.status)] : [])]
  const rows = await db
    .select({
      submittedAt: trainerApplications.submittedAt,
      status: trainerApplications.status,
      fullName: trainerApplications.fullName,
      email: trainerApplications.email,
      country: trainerApplications.country,
      headline: trainerApplications.headline,
      offers: trainerApplications.offers,
      yearsExperience: trainerApplications.yearsExperience,
      skills: skillNames,
      languages: trainerApplications.languages,
      linkedinUrl: trainerApplications.linkedinUrl,
      websiteUrl: trainerApplications.websiteUrl,
      averageScore: sql<string | null>`(select round(avg((sc.expertise + sc.communication + sc.fit) / 3.0), 1)::text from application_scores sc where sc.application_id = "trainer_applications"."id")`,
      decidedAt: trainerApplications.decidedAt,
    })
    .from(trainerApplications)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(trainerApplications.submittedAt), desc(trainerApplications.id))
    .limit(exportRowLimit)
  const csv = toCsv(
    exportHeader,
    rows.map((r) => [
      r.submittedAt,
      statusLabels[r.status],
      r.fullName,
      r.email,
      r.country,
      r.headline,
      r.offers,
      r.yearsExperience,
      r.skills,
      r.languages,
      r.linkedinUrl,
      r.websiteUrl,
      r.averageScore,
      r.decidedAt,
    ]),
  )
  return { fileName: `trainer-applications-${new Date().toISOString().slice(0, 10)}.csv`, csv, rows: rows.length }
}

// ---------------------------------------------------------------------------------------------
// The detail
// ---------------------------------------------------------------------------------------------

export interface ScoreCard {
  expertise: number
  communication: number
  fit: number
}

export interface ApplicationReviewDto {
  id: string
  status: ApplicationStatus
  version: number
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
  submittedAt: string
  decidedAt: string | null
  applicant: { name: string; role: UserRole } | null
  skills: { name: string; slug: string }[]
  roles: { title: string; slug: string }[]
  events: { id: string; from: ApplicationStatus | null; to: ApplicationStatus; at: string; actor: { name: string; email: string } | null; byApplicant: boolean }[]
  notes: { id: string; body: string; at: string; author: { name: string; email: string } | null }[]
  scores: { mine: ScoreCard | null; average: (ScoreCard & { overall: number }) | null; reviewers: number }
  nextStatuses: ApplicationStatus[]
}

const round1 = (v: string | number | null) => (v === null ? 0 : Math.round(Number(v) * 10) / 10)

/** Everything a reviewer sees on one application (admins only); null when there is no such application. */
export async function getApplicationForReview(id: string): Promise<ApplicationReviewDto | null> {
  const admin = await requireRole('admin')
  if (!uuidPattern.test(id)) return null
  const [row] = await db.select().from(trainerApplications).where(eq(trainerApplications.id, id)).limit(1)
  if (!row) return null
  const actor = alias(users, 'actor')
  const [applicant, skillRows, roleRows, eventRows, noteRows, myScore, scoreStats] = await Promise.all([
    db.select({ name: users.name, role: users.role }).from(users).where(eq(users.id, row.userId)).limit(1),
    db
      .select({ name: skills.name, slug: skills.slug })
      .from(applicationSkills)
      .innerJoin(skills, eq(skills.id, applicationSkills.skillId))
      .where(eq(applicationSkills.applicationId, id))
      .orderBy(asc(skills.name)),
    db
      .select({ title: roles.title, slug: roles.slug })
      .from(applicationRoles)
      .innerJoin(roles, eq(roles.id, applicationRoles.roleId))
      .where(eq(applicationRoles.applicationId, id))
      .orderBy(asc(roles.title)),
    db
      .select({
        id: applicationEvents.id,
        from: applicationEvents.fromStatus,
        to: applicationEvents.toStatus,
        at: applicationEvents.createdAt,
        actorId: applicationEvents.actorId,
        actorName: actor.name,
        actorEmail: actor.email,
      })
      .from(applicationEvents)
      .leftJoin(actor, eq(actor.id, applicationEvents.actorId))
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id)),
    db
      .select({ id: applicationNotes.id, body: applicationNotes.body, at: applicationNotes.createdAt, authorName: users.name, authorEmail: users.email })
      .from(applicationNotes)
      .leftJoin(users, eq(users.id, applicationNotes.authorId))
      .where(eq(applicationNotes.applicationId, id))
      .orderBy(desc(applicationNotes.createdAt), desc(applicationNotes.id)),
    db
      .select({ expertise: applicationScores.expertise, communication: applicationScores.communication, fit: applicationScores.fit })
      .from(applicationScores)
      .where(and(eq(applicationScores.applicationId, id), eq(applicationScores.reviewerId, admin.id)))
      .limit(1),
    db
      .select({
        reviewers: count(),
        expertise: avg(applicationScores.expertise),
        communication: avg(applicationScores.communication),
        fit: avg(applicationScores.fit),
      })
      .from(applicationScores)
      .where(eq(applicationScores.applicationId, id)),
  ])
  const stats = scoreStats[0]!
  const average =
    stats.reviewers > 0
      ? {
          expertise: round1(stats.expertise),
          communication: round1(stats.communication),
          fit: round1(stats.fit),
          overall: round1((Number(stats.expertise) + Number(stats.communication) + Number(stats.fit)) / 3),
        }
      : null

  return {
    id: row.id,
    status: row.status,
    version: row.version,
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
    cvFileName: row.cvMediaId ? (row.cvFileName ?? 'cv.pdf') : null,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    applicant: applicant[0] ?? null,
    skills: skillRows,
    roles: roleRows,
    events: eventRows.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      at: e.at.toISOString(),
      actor: e.actorId && e.actorEmail !== null ? { name: e.actorName ?? '', email: e.actorEmail } : null,
      byApplicant: e.actorId === row.userId,
    })),
    notes: noteRows.map((n) => ({ id: n.id, body: n.body, at: n.at.toISOString(), author: n.authorEmail !== null ? { name: n.authorName ?? '', email: n.authorEmail } : null })),
    scores: { mine: myScore[0] ?? null, average, reviewers: stats.reviewers },
    nextStatuses: [...reviewerTransitions[row.status]],
  }
}

/** A safe attachment name: the applicant's file name reduced to plain characters, always ending in .pdf. */
export function cvDownloadName(fileName: string | null, fullName: string) {
  const base = (fileName ?? '').replace(/\.pdf$/i, '') || `cv-${fullName}`
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100)
  return `${cleaned || 'cv'}.pdf`
}

/**
 * The CV of an application, for its download route (admins only: anyone else gets the same
 * refusal as for a missing application, so the route never reveals whether one exists).
 */
export async function getApplicationCv(id: string): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  await requireRole('admin')
  if (!uuidPattern.test(id)) return null
  const [row] = await db
    .select({ bytes: media.bytes, mimeType: media.mimeType, fileName: trainerApplications.cvFileName, fullName: trainerApplications.fullName })
    .from(trainerApplications)
    .innerJoin(media, eq(media.id, trainerApplications.cvMediaId))
    .where(eq(trainerApplications.id, id))
    .limit(1)
  if (!row || row.mimeType !== 'application/pdf') return null
  return { bytes: row.bytes, fileName: cvDownloadName(row.fileName, row.fullName) }
}

// ---------------------------------------------------------------------------------------------
// Status changes, decision emails and acceptance
// ---------------------------------------------------------------------------------------------

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

async function loadTemplate(tx: Transaction, key: TemplateKey): Promise<EmailTemplateText> {
  const [row] = await tx.select({ subject: emailTemplates.subject, body: emailTemplates.body }).from(emailTemplates).where(eq(emailTemplates.key, key)).limit(1)
  return row ?? defaultTemplates[key]
}

/** The decision email for the applicant, rendered from the (possibly edited) template; values are escaped by renderEmail. */
export function renderDecisionEmail(template: EmailTemplateText, application: { id: string; fullName: string }, decidedAt: Date) {
  const dashboardUrl = siteLink(`/dashboard/applications/${application.id}`)
  const reapplyDate = longDate.format(new Date(decidedAt.getTime() + reapplyAfterDays * 24 * 60 * 60 * 1000))
  const { subject, paragraphs } = fillDecisionEmail(template, { name: application.fullName, dashboardUrl, reapplyDate })
  const { text, html } = renderEmail({
    heading: subject,
    paragraphs,
    action: { label: 'View your application', url: dashboardUrl },
    reason: 'You are receiving this email because you applied to join the SkillsU trainer network.',
  })
  return { subject, text, html }
}

/** Makes the applicant a trainer with a public card: role (candidates only; staff keep theirs), profile and skills. */
async function grantTrainer(tx: Transaction, application: { id: string; userId: string; headline: string }) {
  const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, application.userId)).for('update')
  if (!user) throw new Error('the applicant account is gone')
  if (user.role === 'candidate') await tx.update(users).set({ role: 'trainer', updatedAt: sql`now()` }).where(eq(users.id, application.userId))
  await tx
    .insert(trainerProfiles)
    .values({ userId: application.userId, applicationId: application.id, headline: application.headline, visible: true })
    .onConflictDoUpdate({ target: trainerProfiles.userId, set: { applicationId: application.id, headline: application.headline, visible: true, updatedAt: sql`now()` } })
  const skillRows = await tx.select({ skillId: applicationSkills.skillId }).from(applicationSkills).where(eq(applicationSkills.applicationId, application.id))
  if (skillRows.length) {
    await tx
      .insert(trainerSkills)
      .values(skillRows.map((s) => ({ userId: application.userId, skillId: s.skillId })))
      .onConflictDoNothing()
  }
  return { roleBefore: user.role, roleAfter: user.role === 'candidate' ? ('trainer' as const) : user.role }
}

/**
 * Moves an application one step along the reviewers' paths, from the version the reviewer saw.
 * In one transaction: the status, its timeline event, the decision email (interview, accepted,
 * rejected) in the outbox, the trainer grant on acceptance, and the audit row.
 */
export async function moveApplication(input: ApplicationMoveInput, ip?: string): Promise<ActionResult<{ status: ApplicationStatus; version: number }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        id: trainerApplications.id,
        userId: trainerApplications.userId,
        status: trainerApplications.status,
        version: trainerApplications.version,
        fullName: trainerApplications.fullName,
        email: trainerApplications.email,
        headline: trainerApplications.headline,
      })
      .from(trainerApplications)
      .where(eq(trainerApplications.id, input.id))
      .for('update')
    if (!before) return fail(missingMessage)
    if (before.version !== input.version) return fail(applicationConflictMessage)
    if (!reviewerTransitions[before.status].includes(input.to)) {
      return fail(`An application that is “${statusLabels[before.status]}” cannot move to “${statusLabels[input.to]}”.`)
    }
    const decided = input.to === 'accepted' || input.to === 'rejected'
    const [after] = await tx
      .update(trainerApplications)
      .set({ status: input.to, version: sql`${trainerApplications.version} + 1`, decidedAt: decided ? sql`now()` : undefined, updatedAt: sql`now()` })
      .where(and(eq(trainerApplications.id, input.id), eq(trainerApplications.version, input.version)))
      .returning({ version: trainerApplications.version, decidedAt: trainerApplications.decidedAt, updatedAt: trainerApplications.updatedAt })
    if (!after) throw new Error('application version changed under a row lock')
    await tx.insert(applicationEvents).values({ applicationId: before.id, fromStatus: before.status, toStatus: input.to, actorId: admin.id })

    let emailed = false
    if (input.to === 'interview' || input.to === 'accepted' || input.to === 'rejected') {
      const key = decisionTemplateKey[input.to]
      const email = renderDecisionEmail(await loadTemplate(tx, key), before, after.decidedAt ?? after.updatedAt)
      await enqueueEmail(tx, { to: before.email, userId: before.userId, kind: key, ...email })
      emailed = true
    }
    const grant = input.to === 'accepted' ? await grantTrainer(tx, before) : null

    await writeAudit(tx, {
      actorId: admin.id,
      action: 'application.status',
      entityType: 'trainer_application',
      entityId: before.id,
      before: { status: before.status, version: before.version },
      after: { status: input.to, version: after.version, ...(emailed ? { email: decisionTemplateKey[input.to as keyof typeof decisionTemplateKey] } : {}), ...(grant ? { role: grant.roleAfter } : {}) },
      ip,
    })
    const told = emailed ? ' The applicant’s email was queued.' : ''
    return ok({ status: input.to, version: after.version }, `${before.fullName}: ${statusLabels[input.to]}.${told}`)
  })
}

// ---------------------------------------------------------------------------------------------
// Notes and scores
// ---------------------------------------------------------------------------------------------

async function applicationExists(tx: Transaction, id: string) {
  const [row] = await tx.select({ id: trainerApplications.id }).from(trainerApplications).where(eq(trainerApplications.id, id)).limit(1)
  return !!row
}

/** A reviewer's internal note (never shown to the applicant). */
export async function addApplicationNote(input: ApplicationNoteInput, ip?: string): Promise<ActionResult<{ id: string }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    if (!(await applicationExists(tx, input.id))) return fail(missingMessage)
    const [note] = await tx.insert(applicationNotes).values({ applicationId: input.id, authorId: admin.id, body: input.body }).returning({ id: applicationNotes.id })
    await writeAudit(tx, { actorId: admin.id, action: 'application.note', entityType: 'trainer_application', entityId: input.id, after: { noteId: note!.id }, ip })
    return ok({ id: note!.id }, 'Your note was added.')
  })
}

/** The reviewer's own score card (1-5 on each axis); saving again replaces it. */
export async function saveApplicationScore(input: ApplicationScoreInput, ip?: string): Promise<ActionResult<ScoreCard>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    if (!(await applicationExists(tx, input.id))) return fail(missingMessage)
    const card = { expertise: input.expertise, communication: input.communication, fit: input.fit }
    const [before] = await tx
      .select({ expertise: applicationScores.expertise, communication: applicationScores.communication, fit: applicationScores.fit })
      .from(applicationScores)
      .where(and(eq(applicationScores.applicationId, input.id), eq(applicationScores.reviewerId, admin.id)))
      .for('update')
    await tx
      .insert(applicationScores)
      .values({ applicationId: input.id, reviewerId: admin.id, ...card })
      .onConflictDoUpdate({ target: [applicationScores.applicationId, applicationScores.reviewerId], set: { ...card, updatedAt: sql`now()` } })
    await writeAudit(tx, { actorId: admin.id, action: 'application.score', entityType: 'trainer_application', entityId: input.id, before: before ?? null, after: card, ip })
    return ok(card, 'Your score was saved.')
  })
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export interface DecisionTemplateDto {
  key: TemplateKey
  title: string
  when: string
  subject: string
  body: string
  /** 0 while the built-in default is in use. */
  version: number
  customized: boolean
  updatedAt: string | null
  updatedBy: string | null
  defaults: EmailTemplateText
}

/** The three decision templates: the saved version where there is one, the default otherwise (admins only). */
export async function listDecisionTemplates(): Promise<DecisionTemplateDto[]> {
  await requireRole('admin')
  const rows = await db
    .select({ key: emailTemplates.key, subject: emailTemplates.subject, body: emailTemplates.body, version: emailTemplates.version, updatedAt: emailTemplates.updatedAt, updatedBy: users.name })
    .from(emailTemplates)
    .leftJoin(users, eq(users.id, emailTemplates.updatedBy))
    .where(inArray(emailTemplates.key, [...templateKeys]))
  return templateKeys.map((key) => {
    const row = rows.find((r) => r.key === key)
    const base = { key, ...templateLabels[key], defaults: defaultTemplates[key] }
    return row
      ? { ...base, subject: row.subject, body: row.body, version: row.version, customized: true, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy }
      : { ...base, ...defaultTemplates[key], version: 0, customized: false, updatedAt: null, updatedBy: null }
  })
}

/** Saves a template from the version the admin loaded; a newer one is never overwritten. */
export async function saveDecisionTemplate(input: TemplateSaveInput, ip?: string): Promise<ActionResult<{ version: number }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(emailTemplates).where(eq(emailTemplates.key, input.key)).for('update')
    if ((before?.version ?? 0) !== input.version) return fail(templateConflictMessage)
    const values = { subject: input.subject, body: input.body, updatedBy: admin.id }
    const [after] = before
      ? await tx
          .update(emailTemplates)
          .set({ ...values, version: sql`${emailTemplates.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(emailTemplates.key, input.key), eq(emailTemplates.version, input.version)))
          .returning({ version: emailTemplates.version })
      : await tx
          .insert(emailTemplates)
          .values({ key: input.key, ...values })
          .onConflictDoNothing()
          .returning({ version: emailTemplates.version })
    // Two first saves at once: the second finds the row the first inserted.
    if (!after) return fail(templateConflictMessage)
    await writeAudit(tx, {
      actorId: admin.id,
      action: 'email_template.update',
      entityType: 'email_template',
      entityId: input.key,
      before: before ? { subject: before.subject, body: before.body, version: before.version } : { ...defaultTemplates[input.key], version: 0 },
      after: { subject: input.subject, body: input.body, version: after.version },
      ip,
    })
    return ok({ version: after.version }, `The “${templateLabels[input.key].title}” template was saved.`)
  })
}
