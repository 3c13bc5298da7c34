import type { RolePageDto } from './data'

/**
 * schema.org JSON-LD for the public pages. Pure functions (no database, no env): callers pass the
 * site's public address (`env.SITE_URL`) so every URL in the output is absolute.
 *
 * Property names and value types follow the schema.org definitions (checked by the test):
 * - `Occupation` has no `datePosted` (that property belongs to JobPosting, RealEstateListing,
 *   SpecialAnnouncement, CDCPMDRecord) and no `lastReviewed` (a WebPage property). The review date
 *   therefore goes on the WebPage given as the occupation's `mainEntityOfPage`, as Google's
 *   "estimated salary" markup does, together with the page's `dateModified`.
 * - `skills` expects Text or DefinedTerm: one Text value per skill (a repeated property), not one
 *   comma-joined string.
 * - `occupationLocation` expects AdministrativeArea, of which Country and City are subtypes.
 */

const SCHEMA_CONTEXT = 'https://schema.org'

/** Where the organization's logo is served. No asset is committed yet: `app/icon.png` would serve it here. */
export const ORGANIZATION_LOGO_PATH = '/icon.png'

type Node<T extends string> = { '@type': T; '@id'?: string }
type Root<T extends string> = Node<T> & { '@context': typeof SCHEMA_CONTEXT }

export interface PlaceJsonLd extends Node<'Country' | 'City'> {
  name: string
}

export interface MonetaryAmountDistributionJsonLd extends Node<'MonetaryAmountDistribution'> {
  name: string
  currency: string
  duration: string
  median?: number
  percentile10?: number
  percentile90?: number
}

export interface WebPageJsonLd extends Node<'WebPage'> {
  url: string
  dateModified: string
  lastReviewed?: string
}

export interface OccupationJsonLd extends Root<'Occupation'> {
  name: string
  description: string
  url: string
  occupationalCategory: string
  skills?: string[]
  responsibilities?: string[]
  qualifications?: string[]
  estimatedSalary?: MonetaryAmountDistributionJsonLd[]
  occupationLocation?: PlaceJsonLd[]
  mainEntityOfPage: WebPageJsonLd
}

export interface ListItemJsonLd extends Node<'ListItem'> {
  position: number
  name: string
  item: string
}

export interface BreadcrumbListJsonLd extends Root<'BreadcrumbList'> {
  itemListElement: ListItemJsonLd[]
}

export interface OrganizationJsonLd extends Root<'Organization'> {
  name: string
  url: string
  logo: string
  sameAs?: string[]
}

/** `path` ("/roles/x", "roles/x" or an absolute http(s) URL) resolved against the site's address, keeping any base path. */
export function absoluteUrl(path: string, siteUrl: string): string {
  if (/^https?:\/\//i.test(path)) return path
  return `${siteUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

/** Arrays that would be empty are left out rather than emitted as `[]`. */
function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length ? values : undefined
}

/** Drops keys whose value is undefined, so every key in the output carries a value. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

function salaryDistribution(salary: RolePageDto['salary']): MonetaryAmountDistributionJsonLd | undefined {
  if (salary.avg === null && salary.min === null && salary.max === null) return undefined
  return compact({
    '@type': 'MonetaryAmountDistribution' as const,
    name: 'base',
    currency: salary.currency,
    duration: 'P1Y',
    median: salary.avg ?? undefined,
    percentile10: salary.min ?? undefined,
    // An open-ended top ("$145,000+") is still the best figure for the 90th percentile.
    percentile90: salary.max ?? undefined,
  })
}

function occupationLocations(salary: RolePageDto['salary']): PlaceJsonLd[] {
  const places: PlaceJsonLd[] = []
  const seen = new Set<string>()
  const add = (type: PlaceJsonLd['@type'], name: string) => {
    const key = name.trim().toLowerCase()
    if (!key || seen.has(key)) return
    seen.add(key)
    places.push({ '@type': type, name: name.trim() })
  }
  add('Country', salary.region)
  for (const premium of salary.locationPremiums) add('City', premium.location)
  return places
}

/** A published role as a schema.org Occupation, with its page (review date, last change) as `mainEntityOfPage`. */
export function occupationJsonLd(role: RolePageDto, siteUrl: string): OccupationJsonLd {
  const url = absoluteUrl(`/roles/${role.slug}`, siteUrl)
  const distribution = salaryDistribution(role.salary)
  return compact({
    '@context': SCHEMA_CONTEXT,
    '@type': 'Occupation' as const,
    '@id': `${url}#occupation`,
    name: role.title,
    // The summary and the responsibilities' titles, not the overview and every description: the
    // page itself carries the full text, and this block is sent twice (HTML and RSC payload).
    description: role.summary.trim(),
    url,
    occupationalCategory: role.category.name,
    skills: nonEmpty(role.skills.map((s) => s.name)),
    responsibilities: nonEmpty(role.responsibilities.map((r) => r.title)),
    qualifications: nonEmpty(role.qualifications),
    estimatedSalary: distribution ? [distribution] : undefined,
    occupationLocation: nonEmpty(occupationLocations(role.salary)),
    mainEntityOfPage: compact({
      '@type': 'WebPage' as const,
      '@id': url,
      url,
      dateModified: role.updatedAt,
      lastReviewed: role.lastReviewedAt ?? undefined,
    }),
  })
}

/** A breadcrumb trail, first item first; `path`s become absolute URLs. */
export function breadcrumbJsonLd(items: { name: string; path: string }[], siteUrl: string): BreadcrumbListJsonLd {
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path, siteUrl),
    })),
  }
}

/** SkillsU as an Organization; `sameAs` lists its profiles elsewhere (absolute URLs). */
export function organizationJsonLd(siteUrl: string, sameAs?: string[]): OrganizationJsonLd {
  const url = absoluteUrl('/', siteUrl)
  return compact({
    '@context': SCHEMA_CONTEXT,
    '@type': 'Organization' as const,
    '@id': `${url}#organization`,
    name: 'SkillsU',
    url,
    logo: absoluteUrl(ORGANIZATION_LOGO_PATH, siteUrl),
    sameAs: sameAs ? nonEmpty(sameAs.filter((s) => /^https?:\/\//i.test(s))) : undefined,
  })
}

const scriptUnsafe = /[<>&\u2028\u2029]/g
const scriptEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * JSON for the body of `<script type="application/ld+json">`. Characters that could end the
 * element or open a comment (`<`, `>`), start an entity (`&`), or break older JavaScript parsers
 * (U+2028, U+2029) become JSON `\uXXXX` escapes, so `JSON.parse` of the text still gives the data
 * back but no value (e.g. `</script><script>...`) can leave the element.
 */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(scriptUnsafe, (c) => scriptEscapes[c] ?? c)
}
