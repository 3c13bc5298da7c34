import { z } from 'zod'
import { maxSearchLength, normalizeSearchText } from './search'

/** Query-string keys of the catalogue; without any of them `/roles` is the cached, unfiltered list. */
export const catalogueParamKeys = ['q', 'category', 'skill', 'minSalary', 'sort', 'page'] as const
export const catalogueSorts = ['relevance', 'salary', 'growth', 'title'] as const
export type CatalogueSort = (typeof catalogueSorts)[number]
export const cataloguePageSize = 12
export const maxCataloguePage = 1000

export interface CatalogueQuery {
  q: string
  category?: string
  skill?: string
  minSalary?: number
  sort: CatalogueSort
  page: number
}

export const defaultCatalogueQuery: CatalogueQuery = { q: '', sort: 'title', page: 1 }

const slugLike = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80)

/**
 * Reads the catalogue's state from the URL. Never throws: a value that makes no sense is dropped
 * and reported in `problems`, so the page can say what it ignored instead of failing.
 */
export function parseCatalogueQuery(params: Record<string, string | string[] | undefined>): {
  query: CatalogueQuery
  problems: string[]
} {
  const first = (key: string) => {
    const v = params[key]
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined
  }
  const problems: string[] = []
  const rawQ = first('q') ?? ''
  const q = normalizeSearchText(rawQ)
  if (rawQ.length > maxSearchLength) problems.push(`Your search was shortened to its first ${maxSearchLength} characters.`)

  const category = first('category')
  if (category !== undefined && !slugLike.safeParse(category).success) problems.push('That category does not exist, so it was ignored.')
  const skill = first('skill')
  if (skill !== undefined && !slugLike.safeParse(skill).success) problems.push('That skill does not exist, so it was ignored.')

  let minSalary: number | undefined
  const rawMin = first('minSalary')
  if (rawMin !== undefined) {
    const n = Number(rawMin)
    if (Number.isInteger(n) && n >= 0 && n <= 10_000_000) minSalary = n || undefined
    else problems.push('The minimum salary must be a whole number, so it was ignored.')
  }

  const rawSort = first('sort')
  let sort: CatalogueSort = q ? 'relevance' : 'title'
  if (rawSort !== undefined) {
    if ((catalogueSorts as readonly string[]).includes(rawSort) && (rawSort !== 'relevance' || q)) sort = rawSort as CatalogueSort
    else if (rawSort !== 'relevance') problems.push('That sort order is not available, so the default was used.')
  }

  let page = 1
  const rawPage = first('page')
  if (rawPage !== undefined) {
    const n = Number(rawPage)
    if (Number.isInteger(n) && n >= 1 && n <= maxCataloguePage) page = n
    else problems.push(`There is no page "${rawPage.slice(0, 20)}", so the first page is shown.`)
  }

  return {
    query: {
      q,
      category: category && slugLike.safeParse(category).success ? category : undefined,
      skill: skill && slugLike.safeParse(skill).success ? skill : undefined,
      minSalary,
      sort,
      page,
    },
    problems,
  }
}

/** The URL of a catalogue state, keeping only what differs from the defaults. */
export function catalogueHref(query: Partial<CatalogueQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.category) params.set('category', query.category)
  if (query.skill) params.set('skill', query.skill)
  if (query.minSalary) params.set('minSalary', String(query.minSalary))
  if (query.sort && query.sort !== (query.q ? 'relevance' : 'title')) params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const s = params.toString()
  return s ? `/roles?${s}` : '/roles'
}

export function isFiltered(query: CatalogueQuery) {
  return !!(query.q || query.category || query.skill || query.minSalary)
}
