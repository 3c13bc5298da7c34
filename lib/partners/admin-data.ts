import 'server-only'
import { and, asc, eq, isNotNull, isNull, like, sql } from 'drizzle-orm'
import { db, type Transaction } from '@/db'
import { media, partners } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { partnerConflictMessage, type PartnerFormData, type PartnerUpdateData } from './schema'
import { processLogoFile, type ProcessedLogo } from './upload'

const staff = ['editor', 'admin'] as const
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const messages = {
  missing: 'This partner no longer exists. Reload the page.',
  trashed: 'This partner is in the trash. Restore it first.',
  notTrashed: 'This partner is not in the trash.',
  changed: 'Someone else changed this partner first. Reload the page to see their changes.',
}

export interface PartnerLogo {
  src: string
  width: number
  height: number
  alt: string
}

export interface AdminPartnerRow {
  id: string
  name: string
  websiteUrl: string | null
  visible: boolean
  version: number
  logo: PartnerLogo | null
  deletedAt: string | null
}

export interface PartnerForEdit {
  id: string
  name: string
  websiteUrl: string
  visible: boolean
  version: number
  trashed: boolean
  logo: PartnerLogo | null
}

const logoColumns = { mediaId: media.id, width: media.width, height: media.height, alt: media.altText }

function toLogo(name: string, r: { mediaId: string | null; width: number | null; height: number | null; alt: string | null }): PartnerLogo | null {
  return r.mediaId ? { src: `/media/${r.mediaId}`, width: r.width ?? 96, height: r.height ?? 96, alt: r.alt || `${name} logo` } : null
}

/** The partners an editor manages, in the public order; or the trash, most recently trashed first. */
export async function listPartnersForAdmin(view: 'active' | 'trash' = 'active'): Promise<AdminPartnerRow[]> {
  await requireRole(...staff)
  const rows = await db
    .select({
      id: partners.id,
      name: partners.name,
      websiteUrl: partners.websiteUrl,
      visible: partners.visible,
      version: partners.version,
      deletedAt: partners.deletedAt,
      ...logoColumns,
    })
    .from(partners)
    .leftJoin(media, eq(media.id, partners.logoMediaId))
    .where(view === 'trash' ? isNotNull(partners.deletedAt) : isNull(partners.deletedAt))
    .orderBy(...(view === 'trash' ? [sql`${partners.deletedAt} desc`, asc(partners.name)] : [asc(partners.displayOrder), asc(partners.name)]))
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    websiteUrl: r.websiteUrl,
    visible: r.visible,
    version: r.version,
    deletedAt: r.deletedAt?.toISOString() ?? null,
    logo: toLogo(r.name, r),
  }))
}

export async function countPartnersInTrash(): Promise<number> {
  await requireRole(...staff)
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(partners).where(isNotNull(partners.deletedAt))
  return row?.n ?? 0
}

export async function getPartnerForEdit(id: string): Promise<PartnerForEdit | null> {
  await requireRole(...staff)
  if (!uuidPattern.test(id)) return null
  const [row] = await db
    .select({ id: partners.id, name: partners.name, websiteUrl: partners.websiteUrl, visible: partners.visible, version: partners.version, deletedAt: partners.deletedAt, ...logoColumns })
    .from(partners)
    .leftJoin(media, eq(media.id, partners.logoMediaId))
    .where(eq(partners.id, id))
  if (!row) return null
  return { id: row.id, name: row.name, websiteUrl: row.websiteUrl ?? '', visible: row.visible, version: row.version, trashed: !!row.deletedAt, logo: toLogo(row.name, row) }
}

/** What the audit row records of a partner: its fields, never the logo's bytes. */
type PartnerSnapshot = { name: string; websiteUrl: string | null; visible: boolean; logoMediaId: string | null; version: number }
const snapshot = (r: PartnerSnapshot): PartnerSnapshot => ({ name: r.name, websiteUrl: r.websiteUrl, visible: r.visible, logoMediaId: r.logoMediaId, version: r.version })

/** A stable key for the partner, from its name; `-2`, `-3`, ... when it is taken (trashed partners keep theirs). */
export function slugFromName(name: string) {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return base || 'partner'
}

async function freeSlug(tx: Transaction, name: string) {
  const base = slugFromName(name)
  const taken = new Set((await tx.select({ slug: partners.slug }).from(partners).where(like(partners.slug, `${base}%`))).map((r) => r.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

async function insertLogo(tx: Transaction, logo: ProcessedLogo, name: string, actorId: string) {
  const [row] = await tx
    .insert(media)
    .values({ bytes: logo.bytes, mimeType: logo.mimeType, byteSize: logo.byteSize, width: logo.width, height: logo.height, sha256: logo.sha256, altText: `${name} logo`, createdBy: actorId })
    .returning({ id: media.id })
  return row!.id
}

/** Removes a logo file that no partner shows any more (an old logo after a new upload, or a deleted partner's). */
async function deleteUnusedLogo(tx: Transaction, mediaId: string | null) {
  if (!mediaId) return
  await tx.delete(media).where(and(eq(media.id, mediaId), sql`not exists (select 1 from ${partners} where ${partners.logoMediaId} = ${mediaId})`))
}

/** Checks the upload before any write: refused files never reach the database. */
async function readLogo(file: File | undefined): Promise<{ logo?: ProcessedLogo } | ActionResult<never>> {
  if (!file) return {}
  const result = await processLogoFile(file)
  if (!result.ok) return fail('Please correct the highlighted fields.', { fieldErrors: { logo: [result.error] } })
  return { logo: result.logo }
}

export async function createPartner(input: PartnerFormData, ip?: string): Promise<ActionResult<{ id: string }>> {
  const editor = await requireRole(...staff)
  const read = await readLogo(input.logo)
  if ('ok' in read) return read
  return db.transaction(async (tx) => {
    const logoMediaId = read.logo ? await insertLogo(tx, read.logo, input.name, editor.id) : null
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${partners.displayOrder}), -1)::int` }).from(partners).where(isNull(partners.deletedAt))
    const [row] = await tx
      .insert(partners)
      .values({
        slug: await freeSlug(tx, input.name),
        name: input.name,
        websiteUrl: input.websiteUrl || null,
        visible: input.visible,
        logoMediaId,
        displayOrder: (last?.n ?? -1) + 1,
      })
      .returning()
    await writeAudit(tx, { actorId: editor.id, action: 'partner.create', entityType: 'partner', entityId: row!.id, after: snapshot(row!), ip })
    return ok({ id: row!.id }, `${input.name} was added.`)
  })
}

/** Saves the edit form from the version the editor started from; a newer version is never overwritten. */
export async function updatePartner(input: PartnerUpdateData, ip?: string): Promise<ActionResult<{ id: string; version: number }>> {
  const editor = await requireRole(...staff)
  const read = await readLogo(input.logo)
  if ('ok' in read) return read
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, input.id)).for('update')
    if (!before) return fail(messages.missing)
    if (before.deletedAt) return fail(messages.trashed)
    if (before.version !== input.version) return fail(partnerConflictMessage)
    const logoMediaId = read.logo ? await insertLogo(tx, read.logo, input.name, editor.id) : before.logoMediaId
    const [after] = await tx
      .update(partners)
      .set({ name: input.name, websiteUrl: input.websiteUrl || null, visible: input.visible, logoMediaId, version: sql`${partners.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(partners.id, input.id), eq(partners.version, input.version)))
      .returning()
    // Unreachable while the row is locked; throwing rolls back the new logo too.
    if (!after) throw new Error('partner version changed under a row lock')
    if (read.logo) await deleteUnusedLogo(tx, before.logoMediaId)
    else if (logoMediaId && before.name !== input.name) await tx.update(media).set({ altText: `${input.name} logo` }).where(eq(media.id, logoMediaId))
    await writeAudit(tx, { actorId: editor.id, action: 'partner.update', entityType: 'partner', entityId: input.id, before: snapshot(before), after: snapshot(after), ip })
    return ok({ id: input.id, version: after.version }, `${input.name} was saved.`)
  })
}

export async function setPartnerVisibility(id: string, version: number, visible: boolean, ip?: string): Promise<ActionResult<{ visible: boolean; version: number }>> {
  const editor = await requireRole(...staff)
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, id)).for('update')
    if (!before) return fail(messages.missing)
    if (before.deletedAt) return fail(messages.trashed)
    if (before.version !== version) return fail(messages.changed)
    const [after] = await tx
      .update(partners)
      .set({ visible, version: sql`${partners.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(partners.id, id), eq(partners.version, version)))
      .returning()
    if (!after) return fail(messages.changed)
    await writeAudit(tx, { actorId: editor.id, action: visible ? 'partner.show' : 'partner.hide', entityType: 'partner', entityId: id, before: { visible: before.visible }, after: { visible }, ip })
    return ok({ visible, version: after.version }, visible ? `${after.name} is shown on the site.` : `${after.name} is hidden from the site.`)
  })
}

/**
 * Swaps a partner with its neighbour in the display order and renumbers the list 0..n-1, so equal
 * orders (from the seed or a restore) never make a move do nothing. The order is not part of what
 * the edit form saves, so a move does not bump versions: an open edit form stays valid.
 */
export async function movePartner(id: string, direction: 'up' | 'down', ip?: string): Promise<ActionResult<{ position: number; count: number }>> {
  const editor = await requireRole(...staff)
  return db.transaction(async (tx) => {
    const list = await tx
      .select({ id: partners.id, name: partners.name, displayOrder: partners.displayOrder })
      .from(partners)
      .where(isNull(partners.deletedAt))
      .orderBy(asc(partners.displayOrder), asc(partners.name))
      .for('update')
    const from = list.findIndex((p) => p.id === id)
    if (from < 0) {
      const [row] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, id))
      return fail(row ? messages.trashed : messages.missing)
    }
    const to = direction === 'up' ? from - 1 : from + 1
    if (to < 0 || to >= list.length) return fail(direction === 'up' ? `${list[from]!.name} is already first.` : `${list[from]!.name} is already last.`)
    const order = [...list]
    ;[order[from], order[to]] = [order[to]!, order[from]!]
    for (const [index, p] of order.entries()) {
      if (p.displayOrder !== index) await tx.update(partners).set({ displayOrder: index, updatedAt: sql`now()` }).where(eq(partners.id, p.id))
    }
    const name = list[from]!.name
    await writeAudit(tx, { actorId: editor.id, action: 'partner.move', entityType: 'partner', entityId: id, before: { position: from + 1 }, after: { position: to + 1 }, ip })
    return ok({ position: to + 1, count: list.length }, `${name} moved ${direction} to position ${to + 1} of ${list.length}.`)
  })
}

/** Soft delete: the partner leaves the site and the list, and can be restored from the trash. */
export async function trashPartner(id: string, ip?: string): Promise<ActionResult<null>> {
  const editor = await requireRole(...staff)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(partners)
      .set({ deletedAt: sql`now()`, version: sql`${partners.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(partners.id, id), isNull(partners.deletedAt)))
      .returning({ name: partners.name, version: partners.version })
    if (!row) return fail((await exists(tx, id)) ? 'This partner is already in the trash.' : messages.missing)
    await writeAudit(tx, { actorId: editor.id, action: 'partner.trash', entityType: 'partner', entityId: id, before: { deletedAt: null }, after: { deletedAt: 'now' }, ip })
    return ok(null, `${row.name} was moved to the trash.`)
  })
}

/** Brings a partner back from the trash, at the end of the list and with its visibility as it was. */
export async function restorePartner(id: string, ip?: string): Promise<ActionResult<null>> {
  const editor = await requireRole(...staff)
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${partners.displayOrder}), -1)::int` }).from(partners).where(isNull(partners.deletedAt))
    const [row] = await tx
      .update(partners)
      .set({ deletedAt: null, displayOrder: (last?.n ?? -1) + 1, version: sql`${partners.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(partners.id, id), isNotNull(partners.deletedAt)))
      .returning({ name: partners.name })
    if (!row) return fail((await exists(tx, id)) ? messages.notTrashed : messages.missing)
    await writeAudit(tx, { actorId: editor.id, action: 'partner.restore', entityType: 'partner', entityId: id, before: { deletedAt: 'trash' }, after: { deletedAt: null }, ip })
    return ok(null, `${row.name} was restored.`)
  })
}

/** Deletes a partner and its logo for good: admins only, and only from the trash. */
export async function deletePartnerForever(id: string, ip?: string): Promise<ActionResult<null>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(partners).where(eq(partners.id, id)).for('update')
    if (!row) return fail(messages.missing)
    if (!row.deletedAt) return fail('Move the partner to the trash first.')
    await tx.delete(partners).where(eq(partners.id, id))
    await deleteUnusedLogo(tx, row.logoMediaId)
    await writeAudit(tx, { actorId: admin.id, action: 'partner.delete', entityType: 'partner', entityId: id, before: { ...snapshot(row), slug: row.slug }, ip })
    return ok(null, `${row.name} was deleted permanently.`)
  })
}

async function exists(tx: Transaction, id: string) {
  const [row] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, id))
  return !!row
}
