import 'server-only'
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { db, queryRows, type Transaction } from '@/db'
import { roleCategories, roleRevisions, roles, roleSkills, roleSlugHistory, skills, users } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { cleanSkillName, skillSlug } from '@/lib/skills/normalize'
import { roleContentSchema, type RoleContent } from './schema'

/** Revisions kept per role: the newest ones plus every published one. */
export const keptRevisions = 100

type RoleRow = typeof roles.$inferSelect

export type RoleWriteResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; error: string; field?: string; conflict?: { version: number; updatedBy: string | null; updatedAt: string; content: RoleContent } }

const editorRoles = ['editor', 'admin'] as const

/** The content of a role as its columns hold it (the published state for a published role). */
async function contentFromColumns(tx: Transaction | typeof db, row: RoleRow): Promise<RoleContent> {
  const [category] = await tx.select({ slug: roleCategories.slug }).from(roleCategories).where(eq(roleCategories.id, row.categoryId))
  const skillRows = await tx
    .select({ name: skills.name, sharePct: roleSkills.sharePct, isEmerging: roleSkills.isEmerging })
    .from(roleSkills)
    .innerJoin(skills, eq(skills.id, roleSkills.skillId))
    .where(eq(roleSkills.roleId, row.id))
    .orderBy(asc(roleSkills.position), desc(roleSkills.sharePct))
  return {
    slug: row.slug,
    title: row.title,
    categorySlug: category?.slug ?? '',
    summary: row.summary,
    overview: row.overview,
    responsibilities: row.responsibilities,
    qualifications: row.qualifications,
    trends: row.trends,
    skills: skillRows,
    market: {
      growthRatePct: row.growthRatePct,
      growthPeriodStart: row.growthPeriodStart,
      growthPeriodEnd: row.growthPeriodEnd,
      growthDriver: row.growthDriver ?? '',
      entryToSeniorRatio: row.entryToSeniorRatio,
      demandChangePct: row.demandChangePct,
      demandChangePeriod: row.demandChangePeriod ?? '',
      demandHubs: row.demandHubs,
    },
    salary: {
      currency: row.salaryCurrency,
      region: row.salaryRegion,
      min: row.salaryMin,
      avg: row.salaryAvg,
      max: row.salaryMax,
      maxOpenEnded: row.salaryMaxOpenEnded,
      locationPremiums: row.locationPremiums,
    },
    sources: row.sources,
    lastReviewedAt: row.lastReviewedAt,
  }
}

/** The editor's working copy: the pending draft of a published role, else the columns. */
async function workingContent(tx: Transaction | typeof db, row: RoleRow): Promise<RoleContent> {
  if (row.draft) {
    const parsed = roleContentSchema.safeParse(row.draft)
    if (parsed.success) return parsed.data
  }
  return contentFromColumns(tx, row)
}

/** The category id, or the field error when the category or the slug cannot be used by this role. */
async function checkReferences(tx: Transaction, roleId: string | null, content: RoleContent): Promise<{ categoryId: string } | { ok: false; field: string; error: string }> {
  const [category] = await tx.select({ id: roleCategories.id }).from(roleCategories).where(eq(roleCategories.slug, content.categorySlug))
  if (!category) return { ok: false, field: 'categorySlug', error: 'Choose a category from the list' }
  const other = roleId ? sql`<> ${roleId}` : sql`is not null`
  const [clash] = await tx.select({ id: roles.id }).from(roles).where(and(eq(roles.slug, content.slug), sql`${roles.id} ${other}`))
  const [historic] = await tx
    .select({ roleId: roleSlugHistory.roleId })
    .from(roleSlugHistory)
    .where(and(eq(roleSlugHistory.slug, content.slug), sql`${roleSlugHistory.roleId} ${other}`))
  if (clash || historic) return { ok: false, field: 'slug', error: 'Another role uses this address' }
  return { categoryId: category.id }
}

/** Writes content into the role's columns and skills (what the public sees once published). */
async function applyContent(tx: Transaction, roleId: string, content: RoleContent): Promise<RoleWriteResult> {
  const checked = await checkReferences(tx, roleId, content)
  if (!('categoryId' in checked)) return checked
  const category = { id: checked.categoryId }

  await tx
    .update(roles)
    .set({
      slug: content.slug,
      title: content.title,
      categoryId: category.id,
      summary: content.summary,
      overview: content.overview,
      responsibilities: content.responsibilities,
      qualifications: content.qualifications,
      trends: content.trends,
      growthRatePct: content.market.growthRatePct,
      growthPeriodStart: content.market.growthPeriodStart,
      growthPeriodEnd: content.market.growthPeriodEnd,
      growthDriver: content.market.growthDriver || null,
      entryToSeniorRatio: content.market.entryToSeniorRatio,
      demandChangePct: content.market.demandChangePct,
      demandChangePeriod: content.market.demandChangePeriod || null,
      demandHubs: content.market.demandHubs,
      salaryCurrency: content.salary.currency,
      salaryRegion: content.salary.region,
      salaryMin: content.salary.min,
      salaryAvg: content.salary.avg,
      salaryMax: content.salary.max,
      salaryMaxOpenEnded: content.salary.maxOpenEnded,
      locationPremiums: content.salary.locationPremiums,
      sources: content.sources,
      lastReviewedAt: content.lastReviewedAt,
    })
    .where(eq(roles.id, roleId))

  const wanted = new Map(content.skills.map((s) => [skillSlug(s.name), s]))
  if (wanted.size) {
    await tx
      .insert(skills)
      .values([...wanted].map(([slug, s]) => ({ slug, name: cleanSkillName(s.name) })))
      .onConflictDoNothing()
  }
  const skillRows = wanted.size ? await tx.select({ id: skills.id, slug: skills.slug }).from(skills).where(inArray(skills.slug, [...wanted.keys()])) : []
  const ids = skillRows.map((s) => s.id)
  await tx.delete(roleSkills).where(ids.length ? and(eq(roleSkills.roleId, roleId), notInArray(roleSkills.skillId, ids)) : eq(roleSkills.roleId, roleId))
  const order = [...wanted.keys()]
  for (const row of skillRows) {
    const s = wanted.get(row.slug)!
    await tx
      .insert(roleSkills)
      .values({ roleId, skillId: row.id, sharePct: s.sharePct, isEmerging: s.isEmerging, position: order.indexOf(row.slug) })
      .onConflictDoUpdate({ target: [roleSkills.roleId, roleSkills.skillId], set: { sharePct: s.sharePct, isEmerging: s.isEmerging, position: order.indexOf(row.slug) } })
  }
  return { ok: true, data: undefined }
}

async function addRevision(tx: Transaction, roleId: string, version: number, action: string, content: RoleContent, actorId: string, published = false) {
  await tx.insert(roleRevisions).values({ roleId, version, action, content, published, createdBy: actorId })
  // Bounded history: drop unpublished revisions beyond the newest `keptRevisions`.
  await tx.execute(sql`
    delete from ${roleRevisions} where role_id = ${roleId} and not published and id not in (
      select id from ${roleRevisions} where role_id = ${roleId} order by version desc, created_at desc limit ${keptRevisions})`)
}

/** Locks the row and checks the version the editor started from. */
async function lockForWrite(tx: Transaction, id: string, expectedVersion: number): Promise<{ row: RoleRow } | RoleWriteResult<never>> {
  const [row] = await tx.select().from(roles).where(eq(roles.id, id)).for('update')
  if (!row) return { ok: false, error: 'This role no longer exists' }
  if (row.version !== expectedVersion) {
    const [editor] = row.updatedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.updatedBy)) : []
    return {
      ok: false,
      error: 'Someone else saved this role first. Their version is kept; compare it with yours below.',
      conflict: { version: row.version, updatedBy: editor?.name ?? null, updatedAt: row.updatedAt.toISOString(), content: await workingContent(tx, row) },
    }
  }
  return { row }
}

export interface RoleSlugs {
  id: string
  version: number
  /** Public slugs whose pages change: the old and the new one. */
  slugs: string[]
}

/** Creates a draft role. */
export async function createRole(content: RoleContent): Promise<RoleWriteResult<RoleSlugs>> {
  const editor = await requireRole(...editorRoles)
  return db.transaction(async (tx) => {
    const checked = await checkReferences(tx, null, content)
    if (!('categoryId' in checked)) return checked
    const [row] = await tx
      .insert(roles)
      .values({ slug: content.slug, title: content.title, categoryId: checked.categoryId, summary: content.summary, overview: content.overview, status: 'draft', updatedBy: editor.id })
      .returning({ id: roles.id })
    await applyContent(tx, row!.id, content)
    await addRevision(tx, row!.id, 1, 'create', content, editor.id)
    await writeAudit(tx, { actorId: editor.id, action: 'role.create', entityType: 'role', entityId: row!.id, after: { slug: content.slug, title: content.title } })
    return { ok: true, data: { id: row!.id, version: 1, slugs: [] } }
  })
}

/**
 * Saves the editor's content from the version they started with. A published role keeps its public
 * columns and stores the content as its draft; a draft or archived role is written directly.
 */
export async function saveRole(id: string, expectedVersion: number, content: RoleContent, ip?: string): Promise<RoleWriteResult<RoleSlugs>> {
  const editor = await requireRole(...editorRoles)
  return db
    .transaction(async (tx) => {
      const locked = await lockForWrite(tx, id, expectedVersion)
      if (!('row' in locked)) return locked
      const { row } = locked
      if (row.deletedAt) return { ok: false as const, error: 'This role is in the trash; restore it first' }
      const before = await workingContent(tx, row)
      const version = row.version + 1
      let slugs: string[] = []
      if (row.status === 'published') {
        // Checked now so the editor hears of it at once, not when publishing.
        const checked = await checkReferences(tx, id, content)
        if (!('categoryId' in checked)) return checked
        await tx.update(roles).set({ draft: content, version, updatedBy: editor.id, updatedAt: sql`now()` }).where(eq(roles.id, id))
      } else {
        const applied = await applyContent(tx, id, content)
        if (!applied.ok) return applied
        await tx.update(roles).set({ draft: null, version, updatedBy: editor.id, updatedAt: sql`now()` }).where(eq(roles.id, id))
        slugs = [row.slug, content.slug]
      }
      await addRevision(tx, id, version, 'save', content, editor.id)
      await writeAudit(tx, { actorId: editor.id, action: 'role.save', entityType: 'role', entityId: id, before: { version: row.version, title: before.title }, after: { version, title: content.title }, ip })
      return { ok: true as const, data: { id, version, slugs } }
    })
    .catch(rethrowUnlessSlugClash)
}

function rethrowUnlessSlugClash(error: unknown): RoleWriteResult<never> {
  const text = `${(error as Error)?.message} ${(error as { cause?: Error })?.cause?.message ?? ''}`
  if (text.includes('roles_slug_key')) return { ok: false, field: 'slug', error: 'Another role uses this address' }
  throw error
}

/** Publishes the working copy: the public page shows it from now on; an old slug redirects. */
export async function publishRole(id: string, expectedVersion: number, ip?: string): Promise<RoleWriteResult<RoleSlugs>> {
  const editor = await requireRole(...editorRoles)
  return db
    .transaction(async (tx) => {
      const locked = await lockForWrite(tx, id, expectedVersion)
      if (!('row' in locked)) return locked
      const { row } = locked
      if (row.deletedAt) return { ok: false as const, error: 'This role is in the trash; restore it first' }
      const content = await workingContent(tx, row)
      const checked = roleContentSchema.safeParse(content)
      if (!checked.success) return { ok: false as const, error: 'Some fields are incomplete; fix them in the editor before publishing' }
      const applied = await applyContent(tx, id, content)
      if (!applied.ok) return applied
      if (row.publishedAt && row.slug !== content.slug) {
        await tx.insert(roleSlugHistory).values({ slug: row.slug, roleId: id }).onConflictDoUpdate({ target: roleSlugHistory.slug, set: { roleId: id } })
      }
      await tx.delete(roleSlugHistory).where(eq(roleSlugHistory.slug, content.slug))
      const version = row.version + 1
      await tx
        .update(roles)
        .set({ status: 'published', publishedAt: sql`coalesce(${roles.publishedAt}, now())`, draft: null, version, updatedBy: editor.id, updatedAt: sql`now()` })
        .where(eq(roles.id, id))
      await addRevision(tx, id, version, 'publish', content, editor.id, true)
      await writeAudit(tx, { actorId: editor.id, action: 'role.publish', entityType: 'role', entityId: id, before: { status: row.status, slug: row.slug }, after: { status: 'published', slug: content.slug }, ip })
      return { ok: true as const, data: { id, version, slugs: [row.slug, content.slug] } }
    })
    .catch(rethrowUnlessSlugClash)
}

/** Unpublish (back to draft) or archive; the public page becomes a 404. */
export async function setRoleStatus(id: string, expectedVersion: number, status: 'draft' | 'archived', ip?: string): Promise<RoleWriteResult<RoleSlugs>> {
  const editor = await requireRole(...editorRoles)
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, id, expectedVersion)
    if (!('row' in locked)) return locked
    const { row } = locked
    const version = row.version + 1
    // A pending draft becomes the role's content when it leaves the public site.
    if (row.draft) {
      const applied = await applyContent(tx, id, await workingContent(tx, row))
      if (!applied.ok) return applied
    }
    await tx.update(roles).set({ status, draft: null, version, updatedBy: editor.id, updatedAt: sql`now()` }).where(eq(roles.id, id))
    await addRevision(tx, id, version, status === 'archived' ? 'archive' : 'unpublish', await workingContent(tx, (await tx.select().from(roles).where(eq(roles.id, id)))[0]!), editor.id)
    await writeAudit(tx, { actorId: editor.id, action: `role.${status === 'archived' ? 'archive' : 'unpublish'}`, entityType: 'role', entityId: id, before: { status: row.status }, after: { status }, ip })
    return { ok: true, data: { id, version, slugs: [row.slug] } }
  })
}

/** Moves a role to the trash (404 for the public) or back. */
export async function trashRole(id: string, trashed: boolean, ip?: string): Promise<RoleWriteResult<RoleSlugs>> {
  const editor = await requireRole(...editorRoles)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(roles)
      .set({ deletedAt: trashed ? sql`now()` : null, version: sql`${roles.version} + 1`, updatedBy: editor.id, updatedAt: sql`now()` })
      .where(and(eq(roles.id, id), trashed ? isNull(roles.deletedAt) : isNotNull(roles.deletedAt)))
      .returning({ slug: roles.slug, version: roles.version })
    if (!row) return { ok: false, error: trashed ? 'This role is already in the trash' : 'This role is not in the trash' }
    await writeAudit(tx, { actorId: editor.id, action: trashed ? 'role.trash' : 'role.restore_from_trash', entityType: 'role', entityId: id, ip })
    return { ok: true, data: { id, version: row.version, slugs: [row.slug] } }
  })
}

/** Deletes a role for good: admins only, and only from the trash. */
export async function purgeRole(id: string, ip?: string): Promise<RoleWriteResult<RoleSlugs>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ slug: roles.slug, title: roles.title, deletedAt: roles.deletedAt }).from(roles).where(eq(roles.id, id)).for('update')
    if (!row) return { ok: false, error: 'This role no longer exists' }
    if (!row.deletedAt) return { ok: false, error: 'Move the role to the trash first' }
    await tx.delete(roles).where(eq(roles.id, id))
    await writeAudit(tx, { actorId: admin.id, action: 'role.purge', entityType: 'role', entityId: id, before: { slug: row.slug, title: row.title }, ip })
    return { ok: true, data: { id, version: 0, slugs: [row.slug] } }
  })
}

/** Restores an earlier revision as a new revision of the working copy; nothing is overwritten. */
export async function restoreRevision(id: string, expectedVersion: number, revisionId: string, ip?: string): Promise<RoleWriteResult<RoleSlugs>> {
  await requireRole(...editorRoles)
  const [revision] = await db
    .select({ content: roleRevisions.content, version: roleRevisions.version })
    .from(roleRevisions)
    .where(and(eq(roleRevisions.id, revisionId), eq(roleRevisions.roleId, id)))
  if (!revision) return { ok: false, error: 'That revision does not exist' }
  const content = roleContentSchema.safeParse(revision.content)
  if (!content.success) return { ok: false, error: 'That revision cannot be restored' }
  const saved = await saveRole(id, expectedVersion, content.data, ip)
  if (saved.ok) {
    await db.update(roleRevisions).set({ action: 'restore' }).where(and(eq(roleRevisions.roleId, id), eq(roleRevisions.version, saved.data.version)))
  }
  return saved
}

export interface AdminRoleRow {
  id: string
  slug: string
  title: string
  category: string
  status: string
  hasDraft: boolean
  trashed: boolean
  version: number
  updatedAt: string
}

export const adminRoleSorts = ['updated', 'title', 'status'] as const

/**
 * The admin list: search, filters, sort and pagination; stays fast with 10,000 roles. The page's
 * ids come from an index in the list's order (an offset over index entries, not over sorted
 * rows), then only those rows are read; the total is a separate count. Page 400 costs about what
 * page 1 does.
 */
export async function listRolesForAdmin(query: { q?: string; status?: string; category?: string; trash?: boolean; sort?: (typeof adminRoleSorts)[number]; page: number; pageSize?: number }) {
  await requireRole(...editorRoles)
  const pageSize = query.pageSize ?? 25
  const where: (SQL | undefined)[] = [query.trash ? isNotNull(roles.deletedAt) : isNull(roles.deletedAt)]
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`
    where.push(or(ilike(roles.title, pattern), ilike(roles.slug, pattern)))
  }
  if (query.status && ['draft', 'published', 'archived'].includes(query.status)) where.push(eq(roles.status, query.status as 'draft'))
  if (query.category) where.push(sql`${roles.categoryId} = (select ${roleCategories.id} from ${roleCategories} where ${roleCategories.slug} = ${query.category})`)
  // Each order matches an index on roles (…, id) where deleted_at is null (migration 0007).
  const order = [...(query.sort === 'title' ? [asc(roles.title)] : query.sort === 'status' ? [asc(roles.status), asc(roles.title)] : [desc(roles.updatedAt)]), asc(roles.id)]
  const pageIds = db.$with('page_ids').as(
    db
      .select({ id: roles.id })
      .from(roles)
      .where(and(...where))
      .orderBy(...order)
      .limit(pageSize)
      .offset((Math.max(1, query.page) - 1) * pageSize),
  )
  const [rows, [count]] = await Promise.all([
    db
      .with(pageIds)
      .select({
        id: roles.id,
        slug: roles.slug,
        title: roles.title,
        category: roleCategories.name,
        status: roles.status,
        hasDraft: sql<boolean>`${roles.draft} is not null`,
        trashed: sql<boolean>`${roles.deletedAt} is not null`,
        version: roles.version,
        updatedAt: roles.updatedAt,
      })
      .from(pageIds)
      .innerJoin(roles, eq(roles.id, pageIds.id))
      .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
      .orderBy(...order),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(roles)
      .where(and(...where)),
  ])
  const total = count?.n ?? 0
  return {
    rows: rows.map(({ updatedAt, ...r }): AdminRoleRow => ({ ...r, updatedAt: updatedAt.toISOString() })),
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}

export interface RoleForEdit {
  id: string
  status: string
  version: number
  hasDraft: boolean
  trashed: boolean
  publishedSlug: string | null
  content: RoleContent
}

export async function getRoleForEdit(id: string): Promise<RoleForEdit | null> {
  await requireRole(...editorRoles)
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [row] = await db.select().from(roles).where(eq(roles.id, id))
  if (!row) return null
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    hasDraft: !!row.draft,
    trashed: !!row.deletedAt,
    publishedSlug: row.status === 'published' ? row.slug : null,
    content: await workingContent(db, row),
  }
}

/** The working copy by slug, for the editor's preview (draft mode). */
export async function getRoleDraftBySlug(slug: string): Promise<RoleContent | null> {
  await requireRole(...editorRoles)
  const [row] = await db
    .select()
    .from(roles)
    .where(and(isNull(roles.deletedAt), or(eq(roles.slug, slug), sql`${roles.draft}->>'slug' = ${slug}`)))
    .limit(1)
  return row ? workingContent(db, row) : null
}

export async function listRevisions(roleId: string) {
  await requireRole(...editorRoles)
  return db
    .select({ id: roleRevisions.id, version: roleRevisions.version, action: roleRevisions.action, published: roleRevisions.published, createdAt: roleRevisions.createdAt, author: users.name })
    .from(roleRevisions)
    .leftJoin(users, eq(users.id, roleRevisions.createdBy))
    .where(eq(roleRevisions.roleId, roleId))
    .orderBy(desc(roleRevisions.version), desc(roleRevisions.createdAt))
}

export async function getRevisionContent(roleId: string, revisionId: string): Promise<RoleContent | null> {
  await requireRole(...editorRoles)
  const [row] = await db.select({ content: roleRevisions.content }).from(roleRevisions).where(and(eq(roleRevisions.id, revisionId), eq(roleRevisions.roleId, roleId)))
  const parsed = roleContentSchema.safeParse(row?.content)
  return parsed.success ? parsed.data : null
}

export async function listCategoryOptions() {
  await requireRole(...editorRoles)
  return db.select({ slug: roleCategories.slug, name: roleCategories.name }).from(roleCategories).orderBy(asc(roleCategories.sortOrder))
}

/** What needs an editor's attention, for the admin home. */
export async function getContentHealth() {
  await requireRole(...editorRoles)
  const rows = await queryRows<{ slug: string; title: string; id: string; issue: string }>(
    db,
    sql`select r.id, r.slug, r.title, x.issue from ${roles} r
        cross join lateral (values
          (case when jsonb_array_length(r.responsibilities) = 0 or jsonb_array_length(r.qualifications) = 0 or jsonb_array_length(r.trends) = 0
                  or r.salary_avg is null or r.growth_rate_pct is null or r.demand_change_pct is null then 'Has empty sections' end),
          (case when r.last_reviewed_at is null or r.last_reviewed_at < current_date - interval '12 months' then 'Figures not reviewed for over 12 months' end),
          (case when not exists (select 1 from ${roleSkills} rs where rs.role_id = r.id) then 'No skills with a share of postings' end),
          (case when not exists (select 1 from ${roleSkills} a join ${roleSkills} b on b.skill_id = a.skill_id and b.role_id <> a.role_id
                                  join ${roles} o on o.id = b.role_id and o.status = 'published' and o.deleted_at is null where a.role_id = r.id)
                then 'No related roles (shares no skill with a published role)' end)
        ) as x(issue)
        where r.deleted_at is null and x.issue is not null
        order by r.title, x.issue limit 200`,
  )
  return rows
}

/** The working copy shaped like the public page's data, for the editor's preview. */
export async function getRolePreview(slug: string): Promise<import('./data').RolePageDto | null> {
  const editor = await requireRole(...editorRoles).catch(() => null)
  if (!editor) return null
  const content = await getRoleDraftBySlug(slug)
  if (!content) return null
  const [category] = await db.select({ slug: roleCategories.slug, name: roleCategories.name }).from(roleCategories).where(eq(roleCategories.slug, content.categorySlug))
  return {
    slug: content.slug,
    title: content.title,
    summary: content.summary,
    category: { slug: category?.slug ?? content.categorySlug, name: category?.name ?? content.categorySlug },
    salaryAvg: content.salary.avg,
    salaryCurrency: content.salary.currency,
    growthRatePct: content.market.growthRatePct,
    overview: content.overview,
    responsibilities: content.responsibilities,
    qualifications: content.qualifications,
    trends: content.trends,
    skills: [...content.skills].sort((a, b) => b.sharePct - a.sharePct).map((s) => ({ name: s.name, slug: skillSlug(s.name), sharePct: s.sharePct, isEmerging: s.isEmerging })),
    market: { ...content.market, growthDriver: content.market.growthDriver || null, demandChangePeriod: content.market.demandChangePeriod || null },
    salary: content.salary,
    sources: content.sources,
    lastReviewedAt: content.lastReviewedAt,
    updatedAt: new Date().toISOString(),
  }
}
