import 'server-only'
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { db, type Transaction } from '@/db'
import { opportunities, partners, roles, users } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { clientIp } from '@/lib/request'
import {
  dateFromExpiresAt,
  expiresAtFromDate,
  opportunityStatusLabels,
  type AdminOpportunityFilters,
  type EmploymentType,
  type OpportunityFormValues,
  type OpportunityStatus,
} from './schema'

/** Who may manage opportunities; permanent deletion is for admins alone. */
const staff = ['editor', 'admin'] as const

export const conflictMessage = 'Someone else saved this opportunity first. Reload to see their changes; your text is still in the form.'
export const goneMessage = 'This opportunity no longer exists, or it was moved to the trash. Reload the list.'

/** What a write tells its action: the row, its new version and the roles whose pages show it. */
export interface OpportunityWrite {
  id: string
  version: number
  roleSlugs: string[]
}

type Row = typeof opportunities.$inferSelect

/** The audited state of an opportunity: its content and status, nothing internal. */
function snapshot(row: Row) {
  return {
    title: row.title,
    partnerId: row.partnerId,
    companyName: row.companyName,
    roleId: row.roleId,
    location: row.location,
    remote: row.remote,
    employmentType: row.employmentType,
    description: row.description,
    applyUrl: row.applyUrl,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }
}

async function roleSlugs(tx: Transaction, ...ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return []
  return (await tx.select({ slug: roles.slug }).from(roles).where(inArray(roles.id, wanted))).map((r) => r.slug)
}

async function lockRow(tx: Transaction, id: string) {
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update')
  return row
}

/** The partner and role chosen in the form exist; the partner's name is kept as the company name. */
async function resolveReferences(tx: Transaction, values: OpportunityFormValues): Promise<ActionResult<{ partnerId: string | null; companyName: string; roleId: string | null }>> {
  let companyName = values.companyName
  if (values.partnerId) {
    const [partner] = await tx
      .select({ name: partners.name })
      .from(partners)
      .where(and(eq(partners.id, values.partnerId), isNull(partners.deletedAt)))
    if (!partner) return fail('Please correct the highlighted fields.', { fieldErrors: { partnerId: ['That partner is no longer available; choose another'] } })
    companyName = partner.name
  }
  if (values.roleId) {
    const [role] = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(and(eq(roles.id, values.roleId), isNull(roles.deletedAt)))
    if (!role) return fail('Please correct the highlighted fields.', { fieldErrors: { roleId: ['That role is no longer available; choose another'] } })
  }
  return ok({ partnerId: values.partnerId || null, companyName, roleId: values.roleId || null })
}

const expiryError = (message: string) => fail('Please correct the highlighted fields.', { fieldErrors: { expiresOn: [message] } })

function contentColumns(values: OpportunityFormValues, refs: { partnerId: string | null; companyName: string; roleId: string | null }) {
  return {
    title: values.title,
    partnerId: refs.partnerId,
    companyName: refs.companyName,
    roleId: refs.roleId,
    location: values.location,
    remote: values.remote,
    employmentType: values.employmentType,
    description: values.description,
    applyUrl: values.applyUrl,
  }
}

export async function createOpportunity(values: OpportunityFormValues): Promise<ActionResult<OpportunityWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const refs = await resolveReferences(tx, values)
    if (!refs.ok) return refs
    const expiresAt = values.expiresOn ? expiresAtFromDate(values.expiresOn) : null
    if (expiresAt && expiresAt.getTime() <= Date.now()) return expiryError('Choose today or a later date')
    const [row] = await tx
      .insert(opportunities)
      .values({ ...contentColumns(values, refs.data), expiresAt, status: 'draft', updatedBy: user.id })
      .returning()
    await writeAudit(tx, { actorId: user.id, action: 'opportunity.create', entityType: 'opportunity', entityId: row!.id, after: snapshot(row!), ip })
    return ok({ id: row!.id, version: row!.version, roleSlugs: await roleSlugs(tx, row!.roleId) }, 'Opportunity created as a draft.')
  })
}

export async function updateOpportunity(input: OpportunityFormValues & { id: string; expectedVersion: number }): Promise<ActionResult<OpportunityWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  const { id, expectedVersion, ...values } = input
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, id)
    if (!before || before.deletedAt) return fail(goneMessage)
    if (before.version !== expectedVersion) return fail(conflictMessage)
    const refs = await resolveReferences(tx, values)
    if (!refs.ok) return refs
    // An unchanged date keeps the stored instant (which need not fall at midnight).
    const unchanged = values.expiresOn === (before.expiresAt ? dateFromExpiresAt(before.expiresAt) : '')
    const expiresAt = unchanged ? before.expiresAt : values.expiresOn ? expiresAtFromDate(values.expiresOn) : null
    if (!unchanged && expiresAt && expiresAt.getTime() <= Date.now()) return expiryError('Choose today or a later date')
    if (expiresAt && before.publishedAt && expiresAt <= before.publishedAt) return expiryError('Choose a date after the publish date')
    const [row] = await tx
      .update(opportunities)
      .set({ ...contentColumns(values, refs.data), expiresAt, version: sql`${opportunities.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(opportunities.id, id), eq(opportunities.version, expectedVersion), isNull(opportunities.deletedAt)))
      .returning()
    if (!row) return fail(conflictMessage)
    await writeAudit(tx, { actorId: user.id, action: 'opportunity.update', entityType: 'opportunity', entityId: id, before: snapshot(before), after: snapshot(row), ip })
    return ok({ id, version: row.version, roleSlugs: await roleSlugs(tx, before.roleId, row.roleId) }, 'Opportunity saved.')
  })
}

const transitions = {
  publish: { to: 'published', verb: 'published' },
  unpublish: { to: 'draft', verb: 'unpublished' },
  archive: { to: 'archived', verb: 'archived' },
} as const satisfies Record<string, { to: OpportunityStatus; verb: string }>
export type OpportunityTransition = keyof typeof transitions

/** Publish (listed from now on), unpublish (back to draft) or archive (kept, no longer listed). */
export async function changeOpportunityStatus(input: { id: string; expectedVersion: number }, transition: OpportunityTransition): Promise<ActionResult<OpportunityWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  const { to, verb } = transitions[transition]
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before || before.deletedAt) return fail(goneMessage)
    if (before.version !== input.expectedVersion) return fail(conflictMessage)
    if (before.status === to) return fail(`This opportunity is already ${opportunityStatusLabels[to].toLowerCase()}.`)
    if (to === 'published' && before.expiresAt && before.expiresAt.getTime() <= Date.now()) {
      return fail(`It expired on ${dateFromExpiresAt(before.expiresAt)}. Choose a later expiry date, save, then publish.`)
    }
    const publishedAt = to === 'published' ? sql`now()` : to === 'draft' ? null : before.publishedAt
    const [row] = await tx
      .update(opportunities)
      .set({ status: to, publishedAt, version: sql`${opportunities.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(opportunities.id, input.id), eq(opportunities.version, input.expectedVersion), isNull(opportunities.deletedAt)))
      .returning()
    if (!row) return fail(conflictMessage)
    await writeAudit(tx, { actorId: user.id, action: `opportunity.${transition}`, entityType: 'opportunity', entityId: input.id, before: snapshot(before), after: snapshot(row), ip })
    return ok({ id: input.id, version: row.version, roleSlugs: await roleSlugs(tx, row.roleId) }, `“${row.title}” ${verb}.`)
  })
}

/** Moves an opportunity to the trash (no longer listed anywhere; restorable). */
export async function trashOpportunity(input: { id: string; expectedVersion: number }): Promise<ActionResult<OpportunityWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before || before.deletedAt) return fail(goneMessage)
    if (before.version !== input.expectedVersion) return fail(conflictMessage)
    const [row] = await tx
      .update(opportunities)
      .set({ deletedAt: sql`now()`, version: sql`${opportunities.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(opportunities.id, input.id), eq(opportunities.version, input.expectedVersion), isNull(opportunities.deletedAt)))
      .returning()
    if (!row) return fail(conflictMessage)
    await writeAudit(tx, { actorId: user.id, action: 'opportunity.delete', entityType: 'opportunity', entityId: input.id, before: snapshot(before), after: snapshot(row), ip })
    return ok({ id: input.id, version: row.version, roleSlugs: await roleSlugs(tx, row.roleId) }, `“${row.title}” moved to the trash.`)
  })
}

/** Takes an opportunity out of the trash, as a draft: it is listed again only once republished. */
export async function restoreOpportunity(input: { id: string }): Promise<ActionResult<OpportunityWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before || !before.deletedAt) return fail('This opportunity is not in the trash. Reload the page.')
    const [row] = await tx
      .update(opportunities)
      .set({ deletedAt: null, status: 'draft', publishedAt: null, version: sql`${opportunities.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(opportunities.id, input.id), isNotNull(opportunities.deletedAt)))
      .returning()
    if (!row) return fail('This opportunity is not in the trash. Reload the page.')
    await writeAudit(tx, { actorId: user.id, action: 'opportunity.restore', entityType: 'opportunity', entityId: input.id, before: snapshot(before), after: snapshot(row), ip })
    return ok({ id: input.id, version: row.version, roleSlugs: await roleSlugs(tx, row.roleId) }, `“${row.title}” restored as a draft.`)
  })
}

/** Deletes an opportunity for good. Admins only, and only from the trash. */
export async function purgeOpportunity(input: { id: string }): Promise<ActionResult<OpportunityWrite>> {
  const user = await requireRole('admin')
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before) return fail('This opportunity was already deleted. Reload the page.')
    if (!before.deletedAt) return fail('Move the opportunity to the trash first; only items in the trash can be deleted permanently.')
    const slugs = await roleSlugs(tx, before.roleId)
    await tx.delete(opportunities).where(and(eq(opportunities.id, input.id), isNotNull(opportunities.deletedAt)))
    await writeAudit(tx, { actorId: user.id, action: 'opportunity.purge', entityType: 'opportunity', entityId: input.id, before: snapshot(before), ip })
    return ok({ id: input.id, version: before.version, roleSlugs: slugs }, `“${before.title}” was deleted permanently.`)
  })
}

// ------------------------------------------------------------------------------------------------
// Reads for the admin pages
// ------------------------------------------------------------------------------------------------

export interface AdminOpportunityRowDto {
  id: string
  title: string
  company: string
  role: string | null
  status: OpportunityStatus
  version: number
  publishedAt: string | null
  expiresAt: string | null
  /** Past its expiry (no longer listed even if published). */
  expired: boolean
  updatedAt: string
  deletedAt: string | null
}

/** How many rows an admin list shows (newest changes first). */
export const adminListLimit = 200

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, '\\$&')
}

async function adminRows(where: SQL | undefined, order: SQL[]): Promise<AdminOpportunityRowDto[]> {
  const rows = await db
    .select({
      id: opportunities.id,
      title: opportunities.title,
      partnerName: partners.name,
      companyName: opportunities.companyName,
      role: roles.title,
      status: opportunities.status,
      version: opportunities.version,
      publishedAt: opportunities.publishedAt,
      expiresAt: opportunities.expiresAt,
      expired: sql<boolean>`coalesce(${opportunities.expiresAt} <= now(), false)`,
      updatedAt: opportunities.updatedAt,
      deletedAt: opportunities.deletedAt,
    })
    .from(opportunities)
    .leftJoin(partners, eq(partners.id, opportunities.partnerId))
    .leftJoin(roles, eq(roles.id, opportunities.roleId))
    .where(where)
    .orderBy(...order)
    .limit(adminListLimit)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    company: r.partnerName ?? r.companyName,
    role: r.role,
    status: r.status as OpportunityStatus,
    version: r.version,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    expired: r.expired === true,
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  }))
}

/** The admin list: everything not in the trash, filtered by status, role and a title search. */
export async function listOpportunitiesForAdmin(filters: AdminOpportunityFilters): Promise<AdminOpportunityRowDto[]> {
  await requireRole(...staff)
  return adminRows(
    and(
      isNull(opportunities.deletedAt),
      filters.status ? eq(opportunities.status, filters.status) : undefined,
      filters.role ? eq(opportunities.roleId, filters.role) : undefined,
      filters.q ? ilike(opportunities.title, `%${escapeLike(filters.q)}%`) : undefined,
    ),
    [desc(opportunities.updatedAt), desc(opportunities.id)],
  )
}

export async function listTrashedOpportunities(): Promise<AdminOpportunityRowDto[]> {
  await requireRole(...staff)
  return adminRows(isNotNull(opportunities.deletedAt), [desc(opportunities.deletedAt), desc(opportunities.id)])
}

export interface OpportunityEditDto {
  id: string
  version: number
  status: OpportunityStatus
  publishedAt: string | null
  expiresAt: string | null
  updatedAt: string
  updatedBy: string | null
  values: OpportunityFormValues
}

/** One opportunity as the edit form holds it, or null when it does not exist or is in the trash. */
export async function getOpportunityForEdit(id: string): Promise<OpportunityEditDto | null> {
  await requireRole(...staff)
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [row] = await db
    .select({ o: opportunities, updatedBy: users.name, partnerId: partners.id })
    .from(opportunities)
    .leftJoin(users, eq(users.id, opportunities.updatedBy))
    .leftJoin(partners, and(eq(partners.id, opportunities.partnerId), isNull(partners.deletedAt)))
    .where(and(eq(opportunities.id, id), isNull(opportunities.deletedAt)))
  if (!row) return null
  const o = row.o
  return {
    id: o.id,
    version: o.version,
    status: o.status as OpportunityStatus,
    publishedAt: o.publishedAt?.toISOString() ?? null,
    expiresAt: o.expiresAt?.toISOString() ?? null,
    updatedAt: o.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    values: {
      title: o.title,
      // A partner since removed from the list falls back to the company name kept with the row.
      partnerId: row.partnerId ?? '',
      companyName: row.partnerId ? '' : o.companyName,
      roleId: o.roleId ?? '',
      location: o.location,
      remote: o.remote,
      employmentType: o.employmentType as EmploymentType,
      description: o.description,
      applyUrl: o.applyUrl,
      expiresOn: o.expiresAt ? dateFromExpiresAt(o.expiresAt) : '',
    },
  }
}

export interface OpportunityFormOptions {
  partners: { id: string; name: string }[]
  roles: { id: string; title: string; status: string }[]
}

/** The choices of the form's selects (and of the list's role filter). */
export async function listOpportunityFormOptions(): Promise<OpportunityFormOptions> {
  await requireRole(...staff)
  const [partnerRows, roleRows] = await Promise.all([
    db.select({ id: partners.id, name: partners.name }).from(partners).where(isNull(partners.deletedAt)).orderBy(asc(partners.name)),
    db.select({ id: roles.id, title: roles.title, status: roles.status }).from(roles).where(isNull(roles.deletedAt)).orderBy(asc(roles.title)),
  ])
  return { partners: partnerRows, roles: roleRows }
}
