import 'server-only'
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { db, type Executor, type Transaction } from '@/db'
import { programRoles, programs, programSkills, roles, skills, users } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { clientIp } from '@/lib/request'
import { programStatusLabels, type AdminProgramFilters, type ProgramFormat, type ProgramFormValues, type ProgramLevel, type ProgramStatus } from './schema'

/** Who may manage programs; permanent deletion is for admins alone. */
const staff = ['editor', 'admin'] as const

export const conflictMessage = 'Someone else saved this program first. Reload to see their changes; your text is still in the form.'
export const goneMessage = 'This program no longer exists, or it was moved to the trash. Reload the list.'

/** What a write tells its action: the row, its new version and the slugs whose pages changed. */
export interface ProgramWrite {
  id: string
  version: number
  slugs: string[]
}

type Row = typeof programs.$inferSelect

async function links(tx: Executor, id: string) {
  const [roleRows, skillRows] = await Promise.all([
    tx.select({ id: programRoles.roleId }).from(programRoles).where(eq(programRoles.programId, id)),
    tx.select({ id: programSkills.skillId }).from(programSkills).where(eq(programSkills.programId, id)),
  ])
  return { roleIds: roleRows.map((r) => r.id).sort(), skillIds: skillRows.map((s) => s.id).sort() }
}

/** The audited state of a program: content, links and status, nothing internal. */
function snapshot(row: Row, linked: { roleIds: string[]; skillIds: string[] }) {
  return {
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    description: row.description,
    format: row.format,
    duration: row.duration,
    level: row.level,
    roleIds: [...linked.roleIds].sort(),
    skillIds: [...linked.skillIds].sort(),
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }
}

const invalidField = (field: string, message: string) => fail('Please correct the highlighted fields.', { fieldErrors: { [field]: [message] } })

/** The slug is free, and every chosen role and skill exists. */
async function checkReferences(tx: Transaction, values: ProgramFormValues, id?: string): Promise<ActionResult<null>> {
  const [taken] = await tx
    .select({ deletedAt: programs.deletedAt })
    .from(programs)
    .where(and(eq(programs.slug, values.slug), id ? ne(programs.id, id) : undefined))
  if (taken) return invalidField('slug', taken.deletedAt ? 'A program in the trash uses this address; restore it or choose another' : 'Another program uses this address')
  if (values.roleIds.length) {
    const found = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(and(inArray(roles.id, values.roleIds), isNull(roles.deletedAt)))
    if (found.length !== values.roleIds.length) return invalidField('roleIds', 'One of the chosen roles is no longer available')
  }
  if (values.skillIds.length) {
    const found = await tx.select({ id: skills.id }).from(skills).where(inArray(skills.id, values.skillIds))
    if (found.length !== values.skillIds.length) return invalidField('skillIds', 'One of the chosen skills is no longer available')
  }
  return ok(null)
}

async function replaceLinks(tx: Transaction, id: string, values: ProgramFormValues) {
  await tx.delete(programRoles).where(eq(programRoles.programId, id))
  await tx.delete(programSkills).where(eq(programSkills.programId, id))
  if (values.roleIds.length) await tx.insert(programRoles).values(values.roleIds.map((roleId) => ({ programId: id, roleId })))
  if (values.skillIds.length) await tx.insert(programSkills).values(values.skillIds.map((skillId) => ({ programId: id, skillId })))
}

function contentColumns(values: ProgramFormValues) {
  return {
    title: values.title,
    slug: values.slug,
    summary: values.summary,
    description: values.description,
    format: values.format,
    duration: values.duration,
    level: values.level,
  }
}

async function lockRow(tx: Transaction, id: string) {
  const [row] = await tx.select().from(programs).where(eq(programs.id, id)).for('update')
  return row
}

export async function createProgram(values: ProgramFormValues): Promise<ActionResult<ProgramWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const checked = await checkReferences(tx, values)
    if (!checked.ok) return checked
    const [row] = await tx
      .insert(programs)
      .values({ ...contentColumns(values), status: 'draft', updatedBy: user.id })
      .returning()
    await replaceLinks(tx, row!.id, values)
    await writeAudit(tx, { actorId: user.id, action: 'program.create', entityType: 'program', entityId: row!.id, after: snapshot(row!, values), ip })
    return ok({ id: row!.id, version: row!.version, slugs: [row!.slug] }, 'Program created as a draft.')
  })
}

export async function updateProgram(input: ProgramFormValues & { id: string; expectedVersion: number }): Promise<ActionResult<ProgramWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  const { id, expectedVersion, ...values } = input
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, id)
    if (!before || before.deletedAt) return fail(goneMessage)
    if (before.version !== expectedVersion) return fail(conflictMessage)
    const checked = await checkReferences(tx, values, id)
    if (!checked.ok) return checked
    const linkedBefore = await links(tx, id)
    const [row] = await tx
      .update(programs)
      .set({ ...contentColumns(values), version: sql`${programs.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(programs.id, id), eq(programs.version, expectedVersion), isNull(programs.deletedAt)))
      .returning()
    if (!row) return fail(conflictMessage)
    await replaceLinks(tx, id, values)
    await writeAudit(tx, { actorId: user.id, action: 'program.update', entityType: 'program', entityId: id, before: snapshot(before, linkedBefore), after: snapshot(row, values), ip })
    return ok({ id, version: row.version, slugs: [...new Set([before.slug, row.slug])] }, 'Program saved.')
  })
}

const transitions = {
  publish: { to: 'published', verb: 'published' },
  unpublish: { to: 'draft', verb: 'unpublished' },
  archive: { to: 'archived', verb: 'archived' },
} as const satisfies Record<string, { to: ProgramStatus; verb: string }>
export type ProgramTransition = keyof typeof transitions

/** Publish (public from now on), unpublish (back to draft) or archive (kept, no longer public). */
export async function changeProgramStatus(input: { id: string; expectedVersion: number }, transition: ProgramTransition): Promise<ActionResult<ProgramWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  const { to, verb } = transitions[transition]
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before || before.deletedAt) return fail(goneMessage)
    if (before.version !== input.expectedVersion) return fail(conflictMessage)
    if (before.status === to) return fail(`This program is already ${programStatusLabels[to].toLowerCase()}.`)
    const linked = await links(tx, input.id)
    const [row] = await tx
      .update(programs)
      .set({
        status: to,
        // The first publication date is kept through later unpublish/republish cycles.
        publishedAt: to === 'published' ? sql`coalesce(${programs.publishedAt}, now())` : before.publishedAt,
        version: sql`${programs.version} + 1`,
        updatedBy: user.id,
        updatedAt: sql`now()`,
      })
      .where(and(eq(programs.id, input.id), eq(programs.version, input.expectedVersion), isNull(programs.deletedAt)))
      .returning()
    if (!row) return fail(conflictMessage)
    await writeAudit(tx, { actorId: user.id, action: `program.${transition}`, entityType: 'program', entityId: input.id, before: snapshot(before, linked), after: snapshot(row, linked), ip })
    return ok({ id: input.id, version: row.version, slugs: [row.slug] }, `“${row.title}” ${verb}.`)
  })
}

/** Moves a program to the trash (no longer public; restorable). */
export async function trashProgram(input: { id: string; expectedVersion: number }): Promise<ActionResult<ProgramWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before || before.deletedAt) return fail(goneMessage)
    if (before.version !== input.expectedVersion) return fail(conflictMessage)
    const linked = await links(tx, input.id)
    const [row] = await tx
      .update(programs)
      .set({ deletedAt: sql`now()`, version: sql`${programs.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(programs.id, input.id), eq(programs.version, input.expectedVersion), isNull(programs.deletedAt)))
      .returning()
    if (!row) return fail(conflictMessage)
    await writeAudit(tx, { actorId: user.id, action: 'program.delete', entityType: 'program', entityId: input.id, before: snapshot(before, linked), after: snapshot(row, linked), ip })
    return ok({ id: input.id, version: row.version, slugs: [row.slug] }, `“${row.title}” moved to the trash.`)
  })
}

/** Takes a program out of the trash, as a draft: it is public again only once republished. */
export async function restoreProgram(input: { id: string }): Promise<ActionResult<ProgramWrite>> {
  const user = await requireRole(...staff)
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before || !before.deletedAt) return fail('This program is not in the trash. Reload the page.')
    const linked = await links(tx, input.id)
    const [row] = await tx
      .update(programs)
      .set({ deletedAt: null, status: 'draft', version: sql`${programs.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
      .where(and(eq(programs.id, input.id), isNotNull(programs.deletedAt)))
      .returning()
    if (!row) return fail('This program is not in the trash. Reload the page.')
    await writeAudit(tx, { actorId: user.id, action: 'program.restore', entityType: 'program', entityId: input.id, before: snapshot(before, linked), after: snapshot(row, linked), ip })
    return ok({ id: input.id, version: row.version, slugs: [row.slug] }, `“${row.title}” restored as a draft.`)
  })
}

/** Deletes a program for good (its role and skill links go with it). Admins only, from the trash. */
export async function purgeProgram(input: { id: string }): Promise<ActionResult<ProgramWrite>> {
  const user = await requireRole('admin')
  const ip = await clientIp()
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, input.id)
    if (!before) return fail('This program was already deleted. Reload the page.')
    if (!before.deletedAt) return fail('Move the program to the trash first; only items in the trash can be deleted permanently.')
    const linked = await links(tx, input.id)
    await tx.delete(programs).where(and(eq(programs.id, input.id), isNotNull(programs.deletedAt)))
    await writeAudit(tx, { actorId: user.id, action: 'program.purge', entityType: 'program', entityId: input.id, before: snapshot(before, linked), ip })
    return ok({ id: input.id, version: before.version, slugs: [before.slug] }, `“${before.title}” was deleted permanently.`)
  })
}

// ------------------------------------------------------------------------------------------------
// Reads for the admin pages
// ------------------------------------------------------------------------------------------------

export interface AdminProgramRowDto {
  id: string
  title: string
  slug: string
  format: ProgramFormat
  level: ProgramLevel
  status: ProgramStatus
  version: number
  roleCount: number
  skillCount: number
  updatedAt: string
  deletedAt: string | null
}

export const adminListLimit = 200

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, '\\$&')
}

async function adminRows(where: SQL | undefined, order: SQL[]): Promise<AdminProgramRowDto[]> {
  const rows = await db
    .select({
      id: programs.id,
      title: programs.title,
      slug: programs.slug,
      format: programs.format,
      level: programs.level,
      status: programs.status,
      version: programs.version,
      roleCount: sql<number>`(select count(*)::int from ${programRoles} where ${programRoles.programId} = ${programs.id})`,
      skillCount: sql<number>`(select count(*)::int from ${programSkills} where ${programSkills.programId} = ${programs.id})`,
      updatedAt: programs.updatedAt,
      deletedAt: programs.deletedAt,
    })
    .from(programs)
    .where(where)
    .orderBy(...order)
    .limit(adminListLimit)
  return rows.map((r) => ({
    ...r,
    status: r.status as ProgramStatus,
    roleCount: Number(r.roleCount),
    skillCount: Number(r.skillCount),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  }))
}

/** The admin list: everything not in the trash, filtered by status, format and a title search. */
export async function listProgramsForAdmin(filters: AdminProgramFilters): Promise<AdminProgramRowDto[]> {
  await requireRole(...staff)
  return adminRows(
    and(
      isNull(programs.deletedAt),
      filters.status ? eq(programs.status, filters.status) : undefined,
      filters.format ? eq(programs.format, filters.format) : undefined,
      filters.q ? ilike(programs.title, `%${escapeLike(filters.q)}%`) : undefined,
    ),
    [desc(programs.updatedAt), desc(programs.id)],
  )
}

export async function listTrashedPrograms(): Promise<AdminProgramRowDto[]> {
  await requireRole(...staff)
  return adminRows(isNotNull(programs.deletedAt), [desc(programs.deletedAt), desc(programs.id)])
}

export interface ProgramEditDto {
  id: string
  version: number
  status: ProgramStatus
  publishedAt: string | null
  updatedAt: string
  updatedBy: string | null
  values: ProgramFormValues
}

/** One program as the edit form holds it, or null when it does not exist or is in the trash. */
export async function getProgramForEdit(id: string): Promise<ProgramEditDto | null> {
  await requireRole(...staff)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null
  const [row] = await db
    .select({ p: programs, updatedBy: users.name })
    .from(programs)
    .leftJoin(users, eq(users.id, programs.updatedBy))
    .where(and(eq(programs.id, id), isNull(programs.deletedAt)))
  if (!row) return null
  const p = row.p
  const linked = await links(db, id)
  return {
    id: p.id,
    version: p.version,
    status: p.status as ProgramStatus,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    values: {
      title: p.title,
      slug: p.slug,
      summary: p.summary,
      description: p.description,
      format: p.format,
      duration: p.duration,
      level: p.level,
      roleIds: linked.roleIds,
      skillIds: linked.skillIds,
    },
  }
}

export interface ProgramFormOptions {
  roles: { id: string; title: string; status: string }[]
  skills: { id: string; name: string }[]
}

/** The choices of the form's role and skill lists. */
export async function listProgramFormOptions(): Promise<ProgramFormOptions> {
  await requireRole(...staff)
  const [roleRows, skillRows] = await Promise.all([
    db.select({ id: roles.id, title: roles.title, status: roles.status }).from(roles).where(isNull(roles.deletedAt)).orderBy(asc(roles.title)),
    db.select({ id: skills.id, name: skills.name }).from(skills).orderBy(asc(sql`lower(${skills.name})`)),
  ])
  return { roles: roleRows, skills: skillRows }
}
