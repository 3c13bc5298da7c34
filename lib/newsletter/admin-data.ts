import 'server-only'
import { and, asc, count, desc, eq, ilike, type SQL } from 'drizzle-orm'
import { db } from '@/db'
import { newsletterSubscribers, subscriberStatusValues, type SubscriberStatus } from '@/db/schema'
import { requireRole } from '@/lib/auth/session'
import { newsletterPageSize, type NewsletterListQuery } from './schema'

/** One address as the admin list shows it: never its token hash. */
export interface SubscriberDto {
  id: string
  email: string
  status: SubscriberStatus
  source: string
  createdAt: string
  confirmedAt: string | null
  unsubscribedAt: string | null
}

export interface SubscriberListDto {
  subscribers: SubscriberDto[]
  /** Every address by status (not narrowed by the filters): `confirmed` are the subscribers. */
  counts: Record<SubscriberStatus, number>
  total: number
  page: number
  pageCount: number
}

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

function whereOf(query: Pick<NewsletterListQuery, 'q' | 'status'>) {
  const conditions: SQL[] = []
  if (query.q) conditions.push(ilike(newsletterSubscribers.email, likePattern(query.q)))
  if (query.status) conditions.push(eq(newsletterSubscribers.status, query.status))
  return conditions.length ? and(...conditions) : undefined
}

const columns = {
  id: newsletterSubscribers.id,
  email: newsletterSubscribers.email,
  status: newsletterSubscribers.status,
  source: newsletterSubscribers.source,
  createdAt: newsletterSubscribers.createdAt,
  confirmedAt: newsletterSubscribers.confirmedAt,
  unsubscribedAt: newsletterSubscribers.unsubscribedAt,
}

const toDto = (r: { id: string; email: string; status: SubscriberStatus; source: string; createdAt: Date; confirmedAt: Date | null; unsubscribedAt: Date | null }): SubscriberDto => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
  unsubscribedAt: r.unsubscribedAt?.toISOString() ?? null,
})

/** The admin list (admins only): search by email, filter by status, newest first. */
export async function listSubscribers(query: NewsletterListQuery): Promise<SubscriberListDto> {
  await requireRole('admin')
  const where = whereOf(query)
  const [[{ total } = { total: 0 }], byStatus] = await Promise.all([
    db.select({ total: count() }).from(newsletterSubscribers).where(where),
    db.select({ status: newsletterSubscribers.status, n: count() }).from(newsletterSubscribers).groupBy(newsletterSubscribers.status),
  ])
  const counts = Object.fromEntries(subscriberStatusValues.map((s) => [s, byStatus.find((r) => r.status === s)?.n ?? 0])) as Record<SubscriberStatus, number>
  const pageCount = Math.max(1, Math.ceil(total / newsletterPageSize))
  const page = Math.min(query.page, pageCount)
  const rows = await db
    .select(columns)
    .from(newsletterSubscribers)
    .where(where)
    .orderBy(desc(newsletterSubscribers.createdAt), asc(newsletterSubscribers.id))
    .limit(newsletterPageSize)
    .offset((page - 1) * newsletterPageSize)
  return { subscribers: rows.map(toDto), counts, total, page, pageCount }
}

/** Every address the filters match, for the CSV download (admins only). */
export async function exportSubscribers(query: Pick<NewsletterListQuery, 'q' | 'status'>): Promise<SubscriberDto[]> {
  await requireRole('admin')
  const rows = await db.select(columns).from(newsletterSubscribers).where(whereOf(query)).orderBy(desc(newsletterSubscribers.createdAt), asc(newsletterSubscribers.id))
  return rows.map(toDto)
}
