import 'server-only'
import { and, desc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { opportunities, partners, roles } from '@/db/schema'
import { tags } from '@/lib/cache-tags'
import { isListed, lifetimeUntilNextExpiry } from './expiry'
import type { EmploymentType } from './schema'

/** What a public opportunity card shows. Dates are ISO strings (cached data goes through JSON). */
export interface OpportunityCardDto {
  id: string
  title: string
  company: string
  /** The related role, when it is published. */
  role: { slug: string; title: string } | null
  location: string
  remote: boolean
  employmentType: EmploymentType
  description: string
  applyUrl: string
  publishedAt: string
  /** The instant it stops being listed, or null when it does not expire. */
  expiresAt: string | null
}

/** The most opportunities the public list page holds (newest first). */
export const publicListLimit = 500

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function selectListed(roleCondition: SQL | undefined, limit: number): Promise<OpportunityCardDto[]> {
  const rows = await db
    .select({
      id: opportunities.id,
      title: opportunities.title,
      partnerName: partners.name,
      companyName: opportunities.companyName,
      roleSlug: roles.slug,
      roleTitle: roles.title,
      location: opportunities.location,
      remote: opportunities.remote,
      employmentType: opportunities.employmentType,
      description: opportunities.description,
      applyUrl: opportunities.applyUrl,
      publishedAt: opportunities.publishedAt,
      expiresAt: opportunities.expiresAt,
    })
    .from(opportunities)
    .leftJoin(partners, and(eq(partners.id, opportunities.partnerId), isNull(partners.deletedAt)))
    .leftJoin(roles, and(eq(roles.id, opportunities.roleId), eq(roles.status, 'published'), isNull(roles.deletedAt)))
    .where(
      and(
        eq(opportunities.status, 'published'),
        isNull(opportunities.deletedAt),
        lte(opportunities.publishedAt, sql`now()`),
        or(isNull(opportunities.expiresAt), gt(opportunities.expiresAt, sql`now()`)),
        roleCondition,
      ),
    )
    .orderBy(desc(opportunities.publishedAt), desc(opportunities.id))
    .limit(limit)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    company: r.partnerName ?? r.companyName,
    role: r.roleSlug && r.roleTitle ? { slug: r.roleSlug, title: r.roleTitle } : null,
    location: r.location,
    remote: r.remote,
    employmentType: r.employmentType,
    description: r.description,
    applyUrl: r.applyUrl,
    publishedAt: new Date(r.publishedAt!).toISOString(),
    expiresAt: r.expiresAt ? new Date(r.expiresAt).toISOString() : null,
  }))
}

async function queryListedForRole(role: string, limit: number) {
  const byRole = uuidPattern.test(role)
    ? eq(opportunities.roleId, role)
    : eq(opportunities.roleId, sql`(select ${roles.id} from ${roles} where ${roles.slug} = ${role})`)
  return selectListed(byRole, limit)
}

async function queryListed() {
  return selectListed(undefined, publicListLimit)
}

/**
 * Reads a cached list whose entry lives until the first of its rows expires. The first read finds
 * the entry as it is; the second reads the same entry (same key) with the lifetime its rows call
 * for, so past the next expiry it counts as stale and is refreshed, and a page rendered from it
 * (the ISR role page) takes the same lifetime. Rows that expired meanwhile are dropped on the way
 * out, since a lifetime is never shorter than a minute.
 */
async function readUntilNextExpiry<A extends unknown[]>(query: (...args: A) => Promise<OpportunityCardDto[]>, key: string, cacheTags: string[], args: A) {
  const cached = (revalidate?: number) => unstable_cache(query, [key], { tags: cacheTags, revalidate })
  const snapshot = await cached()(...args)
  const lifetime = lifetimeUntilNextExpiry(snapshot, Date.now())
  const rows = lifetime === undefined ? snapshot : await cached(lifetime)(...args)
  const now = Date.now()
  return rows.filter((row) => isListed(row, now))
}

/**
 * The newest published, unexpired opportunities for a role (by id or slug). Cached; refreshed by
 * the `opportunities` tag (and `role:<slug>` when called with a slug), and by the next expiry.
 */
export async function listLatestOpportunitiesForRole(role: string, limit = 3): Promise<OpportunityCardDto[]> {
  const key = role.trim().toLowerCase().slice(0, 80)
  const size = Math.max(1, Math.min(50, Math.trunc(limit) || 1))
  const cacheTags = uuidPattern.test(key) ? [tags.opportunities] : [tags.opportunities, tags.role(key)]
  return readUntilNextExpiry(queryListedForRole, 'opportunities:latest-for-role', cacheTags, [key, size])
}

/** Every published, unexpired opportunity, newest first (the public list filters these). Cached like the above. */
export async function listPublishedOpportunities(): Promise<OpportunityCardDto[]> {
  return readUntilNextExpiry(queryListed, 'opportunities:published', [tags.opportunities], [])
}
