import 'server-only'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { roleCategories, roles, roleSkills, skills } from '@/db/schema'
import { tags } from '@/lib/cache-tags'

/** Only what a role card shows. */
export interface RoleCardDto {
  slug: string
  title: string
  summary: string
  category: { slug: string; name: string }
  salaryAvg: number | null
  salaryCurrency: string
  growthRatePct: number | null
}

const publicRole = and(eq(roles.status, 'published'), isNull(roles.deletedAt))

const cardColumns = {
  slug: roles.slug,
  title: roles.title,
  summary: roles.summary,
  categorySlug: roleCategories.slug,
  categoryName: roleCategories.name,
  salaryAvg: roles.salaryAvg,
  salaryCurrency: roles.salaryCurrency,
  growthRatePct: roles.growthRatePct,
}

type CardRow = { [K in keyof typeof cardColumns]: (typeof cardColumns)[K]['_']['data'] | null }

function toCard(row: CardRow): RoleCardDto {
  return {
    slug: row.slug!,
    title: row.title!,
    summary: row.summary!,
    category: { slug: row.categorySlug!, name: row.categoryName! },
    salaryAvg: row.salaryAvg,
    salaryCurrency: row.salaryCurrency ?? 'USD',
    growthRatePct: row.growthRatePct,
  }
}

/** Every published role, by category order then title. Cached; refreshed by the `roles` tag. */
export const listPublishedRoles = unstable_cache(
  async (): Promise<RoleCardDto[]> => {
    const rows = await db
      .select(cardColumns)
      .from(roles)
      .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
      .where(publicRole)
      .orderBy(asc(roleCategories.sortOrder), asc(roles.title))
    return rows.map(toCard)
  },
  ['roles:published'],
  { tags: [tags.roles] },
)

/**
 * Published roles matching a full-text query, best first. `websearch_to_tsquery` accepts any text
 * (quotes, operators, garbage) without raising, so user input is passed straight through as a value.
 */
export async function searchPublishedRoles(query: string, limit = 20): Promise<RoleCardDto[]> {
  const q = query.slice(0, 200)
  const tsquery = sql`websearch_to_tsquery('english', ${q})`
  const rows = await db
    .select(cardColumns)
    .from(roles)
    .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
    .where(and(publicRole, sql`${roles.searchVector} @@ ${tsquery}`))
    .orderBy(sql`ts_rank_cd(${roles.searchVector}, ${tsquery}) desc`, asc(roles.title))
    .limit(limit)
  return rows.map(toCard)
}

export interface RolePageDto extends RoleCardDto {
  overview: string
  responsibilities: (typeof roles.$inferSelect)['responsibilities']
  qualifications: string[]
  trends: (typeof roles.$inferSelect)['trends']
  skills: { name: string; slug: string; sharePct: number; isEmerging: boolean }[]
  market: {
    growthRatePct: number | null
    growthPeriodStart: number | null
    growthPeriodEnd: number | null
    growthDriver: string | null
    entryToSeniorRatio: number | null
    demandChangePct: number | null
    demandChangePeriod: string | null
    demandHubs: string[]
  }
  salary: {
    currency: string
    region: string
    min: number | null
    avg: number | null
    max: number | null
    maxOpenEnded: boolean
    locationPremiums: (typeof roles.$inferSelect)['locationPremiums']
  }
  sources: (typeof roles.$inferSelect)['sources']
  lastReviewedAt: string | null
  updatedAt: string
}

/** A published role with every section, in two round trips (the row, then its skills). */
export const getPublishedRole = (slug: string) =>
  unstable_cache(
    async (): Promise<RolePageDto | null> => {
      const [row] = await db
        .select({ role: roles, categorySlug: roleCategories.slug, categoryName: roleCategories.name })
        .from(roles)
        .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
        .where(and(publicRole, eq(roles.slug, slug)))
        .limit(1)
      if (!row) return null
      const r = row.role
      const roleSkillRows = await db
        .select({ name: skills.name, slug: skills.slug, sharePct: roleSkills.sharePct, isEmerging: roleSkills.isEmerging })
        .from(roleSkills)
        .innerJoin(skills, eq(skills.id, roleSkills.skillId))
        .where(eq(roleSkills.roleId, r.id))
        .orderBy(sql`${roleSkills.sharePct} desc`, asc(roleSkills.position))
      return {
        ...toCard({ ...r, categorySlug: row.categorySlug, categoryName: row.categoryName }),
        overview: r.overview,
        responsibilities: r.responsibilities,
        qualifications: r.qualifications,
        trends: r.trends,
        skills: roleSkillRows,
        market: {
          growthRatePct: r.growthRatePct,
          growthPeriodStart: r.growthPeriodStart,
          growthPeriodEnd: r.growthPeriodEnd,
          growthDriver: r.growthDriver,
          entryToSeniorRatio: r.entryToSeniorRatio,
          demandChangePct: r.demandChangePct,
          demandChangePeriod: r.demandChangePeriod,
          demandHubs: r.demandHubs,
        },
        salary: {
          currency: r.salaryCurrency,
          region: r.salaryRegion,
          min: r.salaryMin,
          avg: r.salaryAvg,
          max: r.salaryMax,
          maxOpenEnded: r.salaryMaxOpenEnded,
          locationPremiums: r.locationPremiums,
        },
        sources: r.sources,
        lastReviewedAt: r.lastReviewedAt,
        updatedAt: r.updatedAt.toISOString(),
      }
    },
    ['role:published', slug],
    { tags: [tags.roles, tags.role(slug)] },
  )()
