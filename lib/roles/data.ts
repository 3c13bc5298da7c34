import 'server-only'
import { and, asc, desc, eq, exists, gte, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { roleCategories, roles, roleSkills, roleSlugHistory, skills } from '@/db/schema'
import { tags } from '@/lib/cache-tags'
import { cataloguePageSize, type CatalogueQuery } from './catalogue'
import { searchTerms } from './search'

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

/** Up to `perCategory` published roles of each category (the home page's featured roles). */
export const listFeaturedRoles = unstable_cache(
  async (perCategory = 3): Promise<RoleCardDto[]> => {
    const ranked = db.$with('ranked').as(
      db
        .select({
          id: roles.id,
          n: sql<number>`row_number() over (partition by ${roles.categoryId} order by ${roles.demandChangePct} desc nulls last, ${roles.title})`.as('n'),
        })
        .from(roles)
        .where(publicRole),
    )
    const rows = await db
      .with(ranked)
      .select(cardColumns)
      .from(ranked)
      .innerJoin(roles, eq(roles.id, ranked.id))
      .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
      .where(sql`${ranked.n} <= ${perCategory}`)
      .orderBy(asc(roleCategories.sortOrder), asc(ranked.n))
    return rows.map(toCard)
  },
  ['roles:featured'],
  { tags: [tags.roles] },
)

/**
 * The full-text condition and rank for what a visitor typed, or undefined when they typed nothing.
 *
 * The condition compares with the tsquery as a sub-select (an InitPlan), so the planner cannot
 * see how broad the query is and always reads the GIN index. Seen as a constant, a broad query
 * ("data engineer" matches half of 10,000 roles) made it choose a sequential scan, which
 * decompresses every role's large search vector: 40-70 ms instead of 2-5 ms.
 */
function textSearch(q: string): { where: SQL; rank: SQL } | undefined {
  const terms = searchTerms(q)
  if (!terms.text) return undefined
  const web = sql`websearch_to_tsquery('english', ${terms.text})`
  const matches = (tsquery: SQL) => sql`${roles.searchVector} @@ (select ${tsquery})`
  if (!terms.allPrefixes) return { where: matches(web), rank: sql`ts_rank_cd(${roles.searchVector}, ${web}, 1)` }
  // Prefix terms find "microservices" from "micro"; web-search syntax (phrases, -exclusions, or)
  // is honoured as well when the visitor used it.
  const prefix = sql`to_tsquery('english', ${terms.allPrefixes})`
  const usesOperators = /["-]|\bor\b/i.test(terms.text)
  return {
    where: usesOperators ? sql`${matches(prefix)} and ${matches(web)}` : matches(prefix),
    rank: sql`ts_rank_cd(${roles.searchVector}, ${prefix}, 1)`,
  }
}

/** Published roles matching a full-text query, best first. */
export async function searchPublishedRoles(query: string, limit = 20): Promise<RoleCardDto[]> {
  return (await searchCatalogue({ q: query, sort: 'relevance', page: 1 }, limit)).roles
}

export interface CatalogueResult {
  roles: RoleCardDto[]
  /** Matches, counted up to `catalogueCountCap`; `totalCapped` says there are more. */
  total: number
  totalCapped: boolean
  pageCount: number
}

/** Matches are counted up to this many ("500+ roles"); counting every match of a broad search costs a scan. */
export const catalogueCountCap = 500
/**
 * A relevance-sorted search ranks at most this many matches (found through the GIN index): ranking
 * reads each match's whole search vector, so ranking all 5,000 matches of "data engineer" over
 * 10,000 roles took 70 ms. Below this many matches the order is exact; above it, the best of the
 * first `relevanceWindow` matches come first, and a narrower query finds the rest.
 */
export const relevanceWindow = 120

/** One page of the catalogue for a search and filters, and a capped count of the matches. */
export async function searchCatalogue(query: CatalogueQuery, pageSize = cataloguePageSize): Promise<CatalogueResult> {
  const search = textSearch(query.q)
  const conditions: (SQL | undefined)[] = [publicRole, search?.where]
  if (query.category) conditions.push(sql`${roles.categoryId} = (select ${roleCategories.id} from ${roleCategories} where ${roleCategories.slug} = ${query.category})`)
  if (query.minSalary) conditions.push(gte(roles.salaryAvg, query.minSalary))
  if (query.skill) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(roleSkills)
          .innerJoin(skills, eq(skills.id, roleSkills.skillId))
          .where(and(eq(roleSkills.roleId, roles.id), eq(skills.slug, query.skill))),
      ),
    )
  }
  const where = and(...conditions)
  const offset = (query.page - 1) * pageSize
  // One statement: the page, and the matches counted up to the cap (never every match).
  let rows: (CardRow & { total: number })[]
  if (query.sort === 'relevance' && search) {
    // Limit early: the matching ids from the index, then rank only the first `relevanceWindow`.
    const matches = db.$with('matches').as(db.select({ id: roles.id }).from(roles).where(where).limit(catalogueCountCap + 1))
    const window = db.$with('rank_window').as(db.select({ id: matches.id }).from(matches).limit(relevanceWindow))
    rows = await db
      .with(matches, window)
      .select({ ...cardColumns, total: sql<number>`(select count(*) from ${matches})::int` })
      .from(window)
      .innerJoin(roles, eq(roles.id, window.id))
      .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
      .orderBy(sql`${search.rank} desc`, asc(roles.title), asc(roles.id))
      .limit(pageSize)
      .offset(offset)
  } else {
    const order: SQL[] =
      query.sort === 'salary' ? [sql`${roles.salaryAvg} desc nulls last`] : query.sort === 'growth' ? [sql`${roles.growthRatePct} desc nulls last`] : []
    rows = await db
      .select({ ...cardColumns, total: sql<number>`(${cappedCount(where)})` })
      .from(roles)
      .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
      .where(where)
      .orderBy(...order, asc(roles.title), asc(roles.id))
      .limit(pageSize)
      .offset(offset)
  }
  let counted = rows[0]?.total ?? 0
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: count so the page can link back to the last one.
    const [row] = await db.select({ n: sql<number>`(${cappedCount(where)})` }).from(sql`(select 1) as one`)
    counted = row?.n ?? 0
  }
  const totalCapped = counted > catalogueCountCap
  const total = Math.min(counted, catalogueCountCap)
  const reachable = query.sort === 'relevance' && search ? Math.min(total, relevanceWindow) : total
  return { roles: rows.map(toCard), total, totalCapped, pageCount: Math.max(1, Math.ceil(reachable / pageSize)) }
}

/** Matching public roles counted up to one past the cap (a sub-select; `where` is on `roles` only). */
function cappedCount(where: SQL | undefined): SQL {
  return sql`select count(*)::int from (select 1 from ${roles} where ${where} limit ${catalogueCountCap + 1}) as capped`
}

/** Roles sharing any word of a search that found nothing: "did you mean" suggestions. */
export async function suggestRoles(q: string, limit = 3): Promise<RoleCardDto[]> {
  const { anyPrefix } = searchTerms(q)
  if (!anyPrefix) return []
  const tsquery = sql`to_tsquery('english', ${anyPrefix})`
  const rows = await db
    .select(cardColumns)
    .from(roles)
    .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
    .where(and(publicRole, sql`${roles.searchVector} @@ ${tsquery}`))
    .orderBy(sql`ts_rank_cd(${roles.searchVector}, ${tsquery}, 1) desc`, asc(roles.title))
    .limit(limit)
  return rows.map(toCard)
}

export interface CategoryOptionDto {
  slug: string
  name: string
  roleCount: number
}

/** Categories with how many published roles each has (for filters and the home page). */
export const listCategories = unstable_cache(
  async (): Promise<CategoryOptionDto[]> =>
    db
      .select({
        slug: roleCategories.slug,
        name: roleCategories.name,
        roleCount: sql<number>`(count(${roles.id}) filter (where ${roles.status} = 'published' and ${roles.deletedAt} is null))::int`,
      })
      .from(roleCategories)
      .leftJoin(roles, eq(roles.categoryId, roleCategories.id))
      .groupBy(roleCategories.id)
      .orderBy(asc(roleCategories.sortOrder), asc(roleCategories.name)),
  ['roles:categories'],
  { tags: [tags.roles, tags.categories] },
)

/** How many skills the catalogue's skill filter offers (the skills most roles ask for). */
export const catalogueSkillLimit = 40

/**
 * The skills most published roles ask for, by name (the catalogue's skill filter); a skill outside
 * them is still a valid filter, see findCatalogueSkill. Cached; refreshed by the `roles` and `skills` tags.
 */
export const listCatalogueSkills = unstable_cache(
  async (limit: number = catalogueSkillLimit): Promise<{ slug: string; name: string }[]> => {
    const top = await db
      .select({ slug: skills.slug, name: skills.name })
      .from(skills)
      .innerJoin(roleSkills, eq(roleSkills.skillId, skills.id))
      .innerJoin(roles, eq(roles.id, roleSkills.roleId))
      .where(publicRole)
      .groupBy(skills.id)
      .orderBy(desc(sql`count(*)`), asc(skills.name))
      .limit(limit)
    return top.sort((a, b) => a.name.localeCompare(b.name))
  },
  ['roles:skills:top'],
  { tags: [tags.roles, tags.skills] },
)

/** A skill that at least one published role asks for, or null (validates `?skill=` beyond the listed ones). */
export async function findCatalogueSkill(slug: string): Promise<{ slug: string; name: string } | null> {
  const [row] = await db
    .select({ slug: skills.slug, name: skills.name })
    .from(skills)
    .where(
      and(
        eq(skills.slug, slug),
        exists(
          db
            .select({ one: sql`1` })
            .from(roleSkills)
            .innerJoin(roles, eq(roles.id, roleSkills.roleId))
            .where(and(eq(roleSkills.skillId, skills.id), publicRole)),
        ),
      ),
    )
    .limit(1)
  return row ?? null
}

/** How many roles the compare page's pickers offer at once. */
export const compareOptionLimit = 50

/**
 * Published roles for the compare page's pickers: those matching `q` (best first), or the first
 * `compareOptionLimit` by title; never every role (10,000 roles made a 6 MB page).
 */
export async function listCompareOptions(q: string, limit = compareOptionLimit): Promise<{ slug: string; title: string }[]> {
  const search = textSearch(q)
  if (search) {
    const window = db.$with('window').as(db.select({ id: roles.id }).from(roles).where(and(publicRole, search.where)).limit(relevanceWindow))
    return db
      .with(window)
      .select({ slug: roles.slug, title: roles.title })
      .from(window)
      .innerJoin(roles, eq(roles.id, window.id))
      .orderBy(sql`${search.rank} desc`, asc(roles.title), asc(roles.id))
      .limit(limit)
  }
  return db.select({ slug: roles.slug, title: roles.title }).from(roles).where(publicRole).orderBy(asc(roles.title), asc(roles.id)).limit(limit)
}

export interface RelatedRoleDto extends RoleCardDto {
  sharedSkills: number
  score: number
}

/**
 * Published roles ranked by the skills they share with this one, each shared skill weighted by
 * how often both roles' postings ask for it (share x share), so a shared core skill counts far
 * more than a shared niche one.
 */
export const getRelatedRoles = (slug: string, limit = 3) =>
  unstable_cache(
    async (): Promise<RelatedRoleDto[]> => {
      const self = db.$with('self').as(
        db
          .select({ skillId: roleSkills.skillId, sharePct: roleSkills.sharePct, roleId: roles.id })
          .from(roleSkills)
          .innerJoin(roles, eq(roles.id, roleSkills.roleId))
          .where(eq(roles.slug, slug)),
      )
      const rows = await db
        .with(self)
        .select({
          ...cardColumns,
          sharedSkills: sql<number>`count(*)::int`,
          score: sql<number>`sum(${roleSkills.sharePct} * ${self.sharePct})::int`,
        })
        .from(self)
        .innerJoin(roleSkills, eq(roleSkills.skillId, self.skillId))
        .innerJoin(roles, and(eq(roles.id, roleSkills.roleId), ne(roles.id, self.roleId)))
        .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
        .where(publicRole)
        .groupBy(roles.id, roleCategories.id)
        .orderBy(desc(sql`sum(${roleSkills.sharePct} * ${self.sharePct})`), asc(roles.title))
        .limit(limit)
      return rows.map((r) => ({ ...toCard(r), sharedSkills: r.sharedSkills, score: r.score }))
    },
    ['roles:related', slug, String(limit)],
    { tags: [tags.roles, tags.role(slug)] },
  )()

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
        // The editor's schema allows only https links; a row written any other way (an import, SQL)
        // keeps its label but never becomes a javascript: or data: link on the page.
        sources: r.sources.map((s) => ({ label: s.label, url: s.url && /^https:\/\//i.test(s.url) ? s.url : undefined })),
        lastReviewedAt: r.lastReviewedAt,
        updatedAt: r.updatedAt.toISOString(),
      }
    },
    ['role:published', slug],
    { tags: [tags.roles, tags.role(slug)] },
  )()

/** The current slug of a published role that used to live at `slug` (for a 308 redirect). */
export const findRenamedRole = (slug: string) =>
  unstable_cache(
    async (): Promise<string | null> => {
      const [row] = await db
        .select({ slug: roles.slug })
        .from(roleSlugHistory)
        .innerJoin(roles, eq(roles.id, roleSlugHistory.roleId))
        .where(and(eq(roleSlugHistory.slug, slug), publicRole))
      return row?.slug ?? null
    },
    ['role:renamed', slug],
    { tags: [tags.roles, tags.role(slug)] },
  )()
