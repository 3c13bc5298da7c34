import 'server-only'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { roles } from '@/db/schema'
import { tags } from '@/lib/cache-tags'

export interface SitemapRoleDto {
  slug: string
  /** ISO timestamp of the role's last change. */
  updatedAt: string
}

/**
 * Slug and last change of every public role (published and not deleted; drafts and archived roles
 * never appear), by slug. Cached; refreshed by the `roles` tag like the other role reads.
 */
export const listSitemapRoles = unstable_cache(
  async (): Promise<SitemapRoleDto[]> => {
    const rows = await db
      .select({ slug: roles.slug, updatedAt: roles.updatedAt })
      .from(roles)
      .where(and(eq(roles.status, 'published'), isNull(roles.deletedAt)))
      .orderBy(asc(roles.slug))
    // unstable_cache stores JSON, so the timestamp is kept as a string (a Date would not survive).
    return rows.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() }))
  },
  ['roles:sitemap'],
  { tags: [tags.roles] },
)
