import type { OpportunityCardDto } from './data'

/** Pure helpers of the public list's filters (the page reads the cached list, then filters it). */

export interface OpportunityFilterOptions {
  roles: { slug: string; title: string; count: number }[]
  locations: { value: string; label: string; count: number }[]
}

/** The value of the location filter that means "remote". */
export const remoteLocation = 'remote'

/** Filter options built from the listed opportunities themselves, so no option leads to nothing. */
export function filterOptions(rows: OpportunityCardDto[]): OpportunityFilterOptions {
  const roleMap = new Map<string, { slug: string; title: string; count: number }>()
  const locationMap = new Map<string, { value: string; label: string; count: number }>()
  let remote = 0
  for (const row of rows) {
    if (row.role) {
      const entry = roleMap.get(row.role.slug) ?? { ...row.role, count: 0 }
      entry.count++
      roleMap.set(row.role.slug, entry)
    }
    if (row.remote) remote++
    if (row.location) {
      const value = row.location.toLowerCase()
      const entry = locationMap.get(value) ?? { value, label: row.location, count: 0 }
      entry.count++
      locationMap.set(value, entry)
    }
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en')
  return {
    roles: [...roleMap.values()].sort((a, b) => a.title.localeCompare(b.title, 'en')),
    locations: [...(remote ? [{ value: remoteLocation, label: 'Remote', count: remote }] : []), ...[...locationMap.values()].sort(byLabel)],
  }
}

/** The rows matching the public filters (role slug, location value or "remote"). */
export function filterOpportunities(rows: OpportunityCardDto[], filters: { role?: string; location?: string }): OpportunityCardDto[] {
  return rows.filter(
    (row) =>
      (!filters.role || row.role?.slug === filters.role) &&
      (!filters.location || (filters.location === remoteLocation ? row.remote : row.location.toLowerCase() === filters.location)),
  )
}
