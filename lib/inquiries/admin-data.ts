import 'server-only'
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db, type Transaction } from '@/db'
import { inquiries, inquiryNotes, users } from '@/db/schema'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { toCsv } from '@/lib/csv'
import {
  inquiryConflictMessage,
  inquiryStatusLabels,
  inquiryStatusValues,
  partnershipTypeLabels,
  sizeLabel,
  type InquiryKind,
  type InquiryListQuery,
  type InquiryStatus,
  type PartnershipType,
} from './schema'

export const inquiriesPageSize = 25
/** An export is the whole filtered list, up to this many rows (newest first). */
export const inquiryExportLimit = 10_000

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const missingMessage = 'This inquiry no longer exists. Reload the page.'
const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

export interface InquiryRowDto {
  id: string
  kind: InquiryKind
  status: InquiryStatus
  company: string
  contactName: string
  email: string
  owner: { id: string; name: string } | null
  createdAt: string
}

export interface InquiryListDto {
  rows: InquiryRowDto[]
  total: number
  page: number
  pageCount: number
  /** How many of each status match the other filters (the tabs' numbers). */
  counts: Record<InquiryStatus, number>
}

export interface InquiryOwnerDto {
  id: string
  name: string
  email: string
}

export interface InquiryDetailDto extends InquiryRowDto {
  size: string
  sizeLabel: string
  partnershipType: string | null
  message: string
  interests: string[]
  preferredDates: string[]
  timeZone: string | null
  version: number
  updatedAt: string
  notes: { id: string; body: string; author: string | null; createdAt: string }[]
}

/** The list's filters except the status (the status counts are taken across them). */
function filterConditions(query: InquiryListQuery, meId: string): SQL[] {
  const conditions: SQL[] = []
  if (query.q) {
    const pattern = likePattern(query.q)
    conditions.push(or(ilike(inquiries.company, pattern), ilike(inquiries.contactName, pattern), ilike(inquiries.email, pattern))!)
  }
  if (query.kind) conditions.push(eq(inquiries.kind, query.kind))
  if (query.owner === 'unassigned') conditions.push(isNull(inquiries.ownerId))
  else if (query.owner === 'mine') conditions.push(eq(inquiries.ownerId, meId))
  else if (query.owner) conditions.push(eq(inquiries.ownerId, query.owner))
  // Days are UTC days, inclusive at both ends.
  if (query.from) conditions.push(gte(inquiries.createdAt, new Date(`${query.from}T00:00:00Z`)))
  if (query.to) conditions.push(lt(inquiries.createdAt, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)))
  return conditions
}

const owner = alias(users, 'owner')
const rowColumns = {
  id: inquiries.id,
  kind: inquiries.kind,
  status: inquiries.status,
  company: inquiries.company,
  contactName: inquiries.contactName,
  email: inquiries.email,
  ownerId: owner.id,
  ownerName: owner.name,
  createdAt: inquiries.createdAt,
}

type Row = { id: string; kind: InquiryKind; status: InquiryStatus; company: string; contactName: string; email: string; ownerId: string | null; ownerName: string | null; createdAt: Date }
const toRow = (r: Row): InquiryRowDto => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  company: r.company,
  contactName: r.contactName,
  email: r.email,
  owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
  createdAt: r.createdAt.toISOString(),
})

/** The inbox: admins only (the data layer checks, whatever page calls it). Newest first. */
export async function listInquiries(query: InquiryListQuery): Promise<InquiryListDto> {
  const me = await requireRole('admin')
  const base = filterConditions(query, me.id)
  const statusCounts = await db
    .select({ status: inquiries.status, n: count() })
    .from(inquiries)
    .where(base.length ? and(...base) : undefined)
    .groupBy(inquiries.status)
  const counts = Object.fromEntries(inquiryStatusValues.map((s) => [s, statusCounts.find((c) => c.status === s)?.n ?? 0])) as Record<InquiryStatus, number>
  const where = and(...base, ...(query.status ? [eq(inquiries.status, query.status)] : []))
  const total = query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0)
  const pageCount = Math.max(1, Math.ceil(total / inquiriesPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select(rowColumns)
    .from(inquiries)
    .leftJoin(owner, eq(owner.id, inquiries.ownerId))
    .where(where)
    .orderBy(desc(inquiries.createdAt), asc(inquiries.id))
    .limit(inquiriesPageSize)
    .offset((page - 1) * inquiriesPageSize)
  return { rows: rows.map(toRow), total, page, pageCount, counts }
}

/** Who can own an inquiry: admins whose accounts are active, by name. */
export async function listInquiryOwners(): Promise<InquiryOwnerDto[]> {
  await requireRole('admin')
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.email))
}

export async function getInquiryForAdmin(id: string): Promise<InquiryDetailDto | null> {
  await requireRole('admin')
  if (!uuidPattern.test(id)) return null
  const [row] = await db
    .select({
      ...rowColumns,
      size: inquiries.size,
      partnershipType: inquiries.partnershipType,
      message: inquiries.message,
      interests: inquiries.interests,
      preferredDates: inquiries.preferredDates,
      timeZone: inquiries.timeZone,
      version: inquiries.version,
      updatedAt: inquiries.updatedAt,
    })
    .from(inquiries)
    .leftJoin(owner, eq(owner.id, inquiries.ownerId))
    .where(eq(inquiries.id, id))
  if (!row) return null
  const author = alias(users, 'author')
  const notes = await db
    .select({ id: inquiryNotes.id, body: inquiryNotes.body, author: author.name, createdAt: inquiryNotes.createdAt })
    .from(inquiryNotes)
    .leftJoin(author, eq(author.id, inquiryNotes.authorId))
    .where(eq(inquiryNotes.inquiryId, id))
    .orderBy(asc(inquiryNotes.createdAt), asc(inquiryNotes.id))
  return {
    ...toRow(row),
    size: row.size,
    sizeLabel: sizeLabel(row.size),
    partnershipType: row.partnershipType ? (partnershipTypeLabels[row.partnershipType as PartnershipType] ?? row.partnershipType) : null,
    message: row.message,
    interests: row.interests,
    preferredDates: row.preferredDates,
    timeZone: row.timeZone,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: n.createdAt.toISOString() })),
  }
}

/** The filtered list as CSV (every field; cells that a spreadsheet would run are neutralized by toCsv). */
export async function exportInquiriesCsv(query: InquiryListQuery): Promise<string> {
  const me = await requireRole('admin')
  const conditions = [...filterConditions(query, me.id), ...(query.status ? [eq(inquiries.status, query.status)] : [])]
  const rows = await db
    .select({
      ...rowColumns,
      ownerEmail: owner.email,
      size: inquiries.size,
      partnershipType: inquiries.partnershipType,
      message: inquiries.message,
      interests: inquiries.interests,
      preferredDates: inquiries.preferredDates,
      timeZone: inquiries.timeZone,
    })
    .from(inquiries)
    .leftJoin(owner, eq(owner.id, inquiries.ownerId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(inquiries.createdAt), asc(inquiries.id))
    .limit(inquiryExportLimit)
  const header = ['Received (UTC)', 'Kind', 'Status', 'Company', 'Contact name', 'Email', 'Size', 'Partnership', 'Interests', 'Preferred dates', 'Time zone', 'Message', 'Owner', 'Owner email', 'ID']
  return toCsv(
    header,
    rows.map((r) => [
      r.createdAt,
      r.kind,
      inquiryStatusLabels[r.status],
      r.company,
      r.contactName,
      r.email,
      r.size,
      r.partnershipType ? (partnershipTypeLabels[r.partnershipType as PartnershipType] ?? r.partnershipType) : '',
      r.interests,
      r.preferredDates,
      r.timeZone ?? '',
      r.message,
      r.ownerName ?? '',
      r.ownerEmail ?? '',
      r.id,
    ]),
  )
}

// ------------------------------------------------------------------------------------------------
// Changes: each one from the version the admin saw, with its audit row in the same transaction.

type Locked = typeof inquiries.$inferSelect

async function lockCurrent(tx: Transaction, id: string, version: number): Promise<Locked | ActionResult<never>> {
  const [row] = await tx.select().from(inquiries).where(eq(inquiries.id, id)).for('update')
  if (!row) return fail(missingMessage)
  if (row.version !== version) return fail(inquiryConflictMessage)
  return row
}

async function bump(tx: Transaction, id: string, set: Partial<Pick<Locked, 'status' | 'ownerId'>> = {}) {
  const [after] = await tx
    .update(inquiries)
    .set({ ...set, version: sql`${inquiries.version} + 1`, updatedAt: sql`now()` })
    .where(eq(inquiries.id, id))
    .returning({ version: inquiries.version })
  return after!.version
}

export async function setInquiryStatus(input: { id: string; version: number; status: InquiryStatus }, ip?: string): Promise<ActionResult<{ version: number }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const before = await lockCurrent(tx, input.id, input.version)
    if ('ok' in before) return before
    if (before.status === input.status) return fail(`This inquiry is already ${inquiryStatusLabels[input.status].toLowerCase()}.`)
    const version = await bump(tx, input.id, { status: input.status })
    await writeAudit(tx, { actorId: admin.id, action: 'inquiry.status', entityType: 'inquiry', entityId: input.id, before: { status: before.status }, after: { status: input.status }, ip })
    return ok({ version }, `Marked as ${inquiryStatusLabels[input.status].toLowerCase()}.`)
  })
}

/** Gives the inquiry to an admin ('' leaves it unassigned). */
export async function assignInquiry(input: { id: string; version: number; ownerId: string }, ip?: string): Promise<ActionResult<{ version: number }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const before = await lockCurrent(tx, input.id, input.version)
    if ('ok' in before) return before
    const ownerId = input.ownerId || null
    let ownerName: string | null = null
    if (ownerId) {
      const [candidate] = await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.id, ownerId), eq(users.role, 'admin'), isNull(users.disabledAt)))
      if (!candidate) return fail('Please correct the highlighted fields.', { fieldErrors: { ownerId: ['Choose an admin from the list.'] } })
      ownerName = candidate.name
    }
    if (before.ownerId === ownerId) return fail(ownerId ? `${ownerName} already owns this inquiry.` : 'This inquiry is already unassigned.')
    const version = await bump(tx, input.id, { ownerId })
    await writeAudit(tx, { actorId: admin.id, action: 'inquiry.assign', entityType: 'inquiry', entityId: input.id, before: { ownerId: before.ownerId }, after: { ownerId }, ip })
    return ok({ version }, ownerId ? (ownerId === admin.id ? 'Assigned to you.' : `Assigned to ${ownerName}.`) : 'The inquiry is now unassigned.')
  })
}

export async function addInquiryNote(input: { id: string; version: number; body: string }, ip?: string): Promise<ActionResult<{ version: number; noteId: string }>> {
  const admin = await requireRole('admin')
  return db.transaction(async (tx) => {
    const before = await lockCurrent(tx, input.id, input.version)
    if ('ok' in before) return before
    const [note] = await tx.insert(inquiryNotes).values({ inquiryId: input.id, authorId: admin.id, body: input.body }).returning({ id: inquiryNotes.id })
    const version = await bump(tx, input.id)
    await writeAudit(tx, { actorId: admin.id, action: 'inquiry.note', entityType: 'inquiry', entityId: input.id, after: { noteId: note!.id, length: input.body.length }, ip })
    return ok({ version, noteId: note!.id }, 'Note added.')
  })
}
