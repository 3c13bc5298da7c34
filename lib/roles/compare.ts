import type { RolePageDto } from './data'

export const minCompared = 2
export const maxCompared = 3

/** The slugs in `?roles=a,b,c`, de-duplicated, or a message saying what is wrong with them. */
export function parseCompareParam(raw: string | string[] | undefined): { slugs: string[]; problem?: string } {
  const value = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).slice(0, 500)
  const slugs = [...new Set(value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))]
  if (slugs.length === 0) return { slugs, problem: undefined }
  if (slugs.some((s) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) || s.length > 80)) {
    return { slugs: [], problem: 'One of those roles does not exist. Pick the roles to compare below.' }
  }
  if (slugs.length < minCompared) return { slugs, problem: 'Pick at least two roles to compare.' }
  if (slugs.length > maxCompared) return { slugs: slugs.slice(0, maxCompared), problem: `You can compare up to ${maxCompared} roles at once; the first ${maxCompared} are shown.` }
  return { slugs }
}

export interface SkillComparison {
  /** Skills every compared role asks for, with each role's share of postings, most common first. */
  shared: { name: string; slug: string; shares: number[] }[]
  /** For each role, the skills none of the others ask for. */
  distinct: { name: string; slug: string; sharePct: number }[][]
}

export function compareSkills(roles: Pick<RolePageDto, 'skills'>[]): SkillComparison {
  const bySlug = roles.map((r) => new Map(r.skills.map((s) => [s.slug, s])))
  const first = roles[0]?.skills ?? []
  const shared = first
    .filter((s) => bySlug.every((m) => m.has(s.slug)))
    .map((s) => ({ name: s.name, slug: s.slug, shares: bySlug.map((m) => m.get(s.slug)!.sharePct) }))
    .sort((a, b) => b.shares.reduce((x, y) => x + y, 0) - a.shares.reduce((x, y) => x + y, 0) || a.name.localeCompare(b.name))
  const distinct = roles.map((r, i) =>
    r.skills
      .filter((s) => bySlug.every((m, j) => j === i || !m.has(s.slug)))
      .map((s) => ({ name: s.name, slug: s.slug, sharePct: s.sharePct }))
      .sort((a, b) => b.sharePct - a.sharePct),
  )
  return { shared, distinct }
}
