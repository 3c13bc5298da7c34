import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { JsonLd } from '@/components/seo/json-ld'
import { seedRoles } from '@/db/seed/content/roles'
import { seedCategories, type SeedRole } from '@/db/seed/content/types'
import type { RolePageDto } from './data'
import { breadcrumbJsonLd, jsonLdScript, occupationJsonLd, organizationJsonLd } from './structured-data'

const siteUrl = 'https://skillsu.example'

// ---------------------------------------------------------------------------------------------
// schema.org, as far as this output uses it: the properties each type allows (its own and those
// it inherits, from https://schema.org/<Type>) and the expected types of their values.
// ---------------------------------------------------------------------------------------------

type DataType = 'Text' | 'Number' | 'Integer' | 'URL' | 'Date' | 'DateTime' | 'Duration'
type Expected = DataType | { type: string }
const T = (type: string): Expected => ({ type })

const thing: Record<string, Expected[]> = {
  additionalType: ['URL', 'Text'],
  alternateName: ['Text'],
  description: ['Text'],
  disambiguatingDescription: ['Text'],
  identifier: ['Text', 'URL', T('PropertyValue')],
  image: ['URL', T('ImageObject')],
  mainEntityOfPage: ['URL', T('CreativeWork')],
  name: ['Text'],
  sameAs: ['URL'],
  url: ['URL'],
}

const properties: Record<string, Record<string, Expected[]>> = {
  Occupation: {
    ...thing,
    educationRequirements: ['Text', T('EducationalOccupationalCredential')],
    estimatedSalary: ['Number', T('MonetaryAmount'), T('MonetaryAmountDistribution')],
    experienceRequirements: ['Text', T('OccupationalExperienceRequirements')],
    occupationLocation: [T('AdministrativeArea')],
    occupationalCategory: ['Text', T('CategoryCode')],
    qualifications: ['Text', T('EducationalOccupationalCredential')],
    responsibilities: ['Text'],
    skills: ['Text', T('DefinedTerm')],
  },
  // MonetaryAmountDistribution < QuantitativeValueDistribution < StructuredValue < Intangible < Thing
  MonetaryAmountDistribution: {
    ...thing,
    currency: ['Text'],
    duration: ['Duration'],
    median: ['Number'],
    percentile10: ['Number'],
    percentile25: ['Number'],
    percentile75: ['Number'],
    percentile90: ['Number'],
  },
  // WebPage < CreativeWork < Thing (only the CreativeWork properties used here are listed).
  WebPage: {
    ...thing,
    breadcrumb: [T('BreadcrumbList'), 'Text'],
    dateModified: ['Date', 'DateTime'],
    datePublished: ['Date', 'DateTime'],
    lastReviewed: ['Date'],
    reviewedBy: [T('Organization'), T('Person')],
  },
  // Country/City < AdministrativeArea < Place < Thing
  AdministrativeArea: { ...thing },
  Country: { ...thing },
  City: { ...thing },
  BreadcrumbList: {
    ...thing,
    itemListElement: [T('ListItem'), 'Text'],
    itemListOrder: ['Text'],
    numberOfItems: ['Integer'],
  },
  // schema.org expects a Thing for `item`; Google's breadcrumb markup gives the page's URL.
  ListItem: {
    ...thing,
    item: [T('Thing'), 'URL'],
    nextItem: [T('ListItem')],
    position: ['Integer', 'Text'],
    previousItem: [T('ListItem')],
  },
  Organization: {
    ...thing,
    email: ['Text'],
    legalName: ['Text'],
    logo: ['URL', T('ImageObject')],
  },
}

/** Subtypes accepted where a type is expected. */
const subtypes: Record<string, string[]> = {
  AdministrativeArea: ['Country', 'City', 'State'],
  CreativeWork: ['WebPage'],
  Thing: Object.keys(properties),
}

function isA(type: string, expected: string) {
  return type === expected || (subtypes[expected] ?? []).includes(type)
}

function matches(value: unknown, expected: Expected): boolean {
  if (typeof expected === 'object') {
    return typeof value === 'object' && value !== null && isA(String((value as Record<string, unknown>)['@type']), expected.type)
  }
  switch (expected) {
    case 'Text':
      return typeof value === 'string' && value.trim() !== ''
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'Integer':
      return Number.isInteger(value)
    case 'URL':
      return typeof value === 'string' && /^https:\/\/[^\s]+$/.test(value) && URL.canParse(value)
    case 'Date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    case 'DateTime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))
    case 'Duration':
      return typeof value === 'string' && /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(value)
  }
}

/** Every problem found in a JSON-LD node and the nodes under it, as "path: message". */
function schemaProblems(node: Record<string, unknown>, path = '$'): string[] {
  const type = node['@type']
  if (typeof type !== 'string' || !properties[type]) return [`${path}: unknown @type ${JSON.stringify(type)}`]
  const allowed = properties[type]
  const problems: string[] = []
  for (const [key, raw] of Object.entries(node)) {
    if (key === '@type') continue
    if (key === '@context') {
      if (path !== '$' || raw !== 'https://schema.org') problems.push(`${path}.@context: ${JSON.stringify(raw)}`)
      continue
    }
    if (key === '@id') {
      if (!matches(raw, 'URL')) problems.push(`${path}.@id: not an absolute URL`)
      continue
    }
    const expected = allowed[key]
    if (!expected) {
      problems.push(`${path}.${key}: not a property of ${type}`)
      continue
    }
    const values = Array.isArray(raw) ? raw : [raw]
    if (values.length === 0) problems.push(`${path}.${key}: empty array`)
    values.forEach((value, i) => {
      const at = Array.isArray(raw) ? `${path}.${key}[${i}]` : `${path}.${key}`
      if (!expected.some((e) => matches(value, e))) {
        problems.push(`${at}: ${JSON.stringify(value)} is not ${expected.map((e) => (typeof e === 'string' ? e : e.type)).join(' or ')}`)
      } else if (typeof value === 'object' && value !== null) {
        problems.push(...schemaProblems(value as Record<string, unknown>, at))
      }
    })
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// Fixtures: the seeded Back-End Developer, shaped as the data layer returns it.
// ---------------------------------------------------------------------------------------------

function toDto(seed: SeedRole, overrides: Partial<RolePageDto> = {}): RolePageDto {
  const category = seedCategories.find((c) => c.slug === seed.category)!
  return {
    slug: seed.slug,
    title: seed.title,
    summary: seed.summary,
    category: { slug: category.slug, name: category.name },
    salaryAvg: seed.salary.avg,
    salaryCurrency: seed.salary.currency,
    growthRatePct: seed.market.growthRatePct,
    overview: seed.overview,
    responsibilities: seed.responsibilities,
    qualifications: seed.qualifications,
    trends: seed.trends,
    skills: seed.skills.map((s) => ({
      name: s.name,
      slug: s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      sharePct: s.sharePct,
      isEmerging: s.emerging ?? false,
    })),
    market: seed.market,
    salary: seed.salary,
    sources: seed.sources,
    lastReviewedAt: seed.lastReviewedAt,
    updatedAt: '2026-10-20T09:30:00.000Z',
    ...overrides,
  }
}

const backEnd = toDto(seedRoles.find((r) => r.slug === 'back-end-developer')!)

describe('the schema.org check itself', () => {
  it('reports a property the type does not have and a value of the wrong type', () => {
    const bad = {
      '@context': 'https://schema.org',
      '@type': 'Occupation',
      name: 'X',
      datePosted: '2026-01-01',
      lastReviewed: '2026-01-01',
      url: '/roles/x',
      estimatedSalary: [{ '@type': 'MonetaryAmountDistribution', currency: 'USD', median: '110000', duration: '1 year' }],
      occupationLocation: [{ '@type': 'PostalAddress', name: 'NYC' }],
    }
    expect(schemaProblems(bad)).toEqual([
      '$.datePosted: not a property of Occupation',
      '$.lastReviewed: not a property of Occupation',
      '$.url: "/roles/x" is not URL',
      '$.estimatedSalary[0].median: "110000" is not Number',
      '$.estimatedSalary[0].duration: "1 year" is not Duration',
      '$.occupationLocation[0]: {"@type":"PostalAddress","name":"NYC"} is not AdministrativeArea',
    ])
  })
})

describe('occupationJsonLd', () => {
  const jsonLd = occupationJsonLd(backEnd, siteUrl)

  it('uses only schema.org properties, each with a value of its expected type', () => {
    expect(schemaProblems(jsonLd as unknown as Record<string, unknown>)).toEqual([])
  })

  it('names the role, its page and category', () => {
    expect(jsonLd['@context']).toBe('https://schema.org')
    expect(jsonLd['@type']).toBe('Occupation')
    expect(jsonLd.name).toBe('Back-End Developer')
    expect(jsonLd.url).toBe('https://skillsu.example/roles/back-end-developer')
    expect(jsonLd.occupationalCategory).toBe('Software Engineering')
    // The summary only: the overview is on the page, and the block is sent twice (HTML and payload).
    expect(jsonLd.description).toBe(backEnd.summary)
  })

  it('gives the salary as a yearly base-pay distribution: average as median, range as 10th/90th percentiles', () => {
    expect(jsonLd.estimatedSalary).toEqual([
      {
        '@type': 'MonetaryAmountDistribution',
        name: 'base',
        currency: 'USD',
        duration: 'P1Y',
        median: 110000,
        percentile10: 95000,
        percentile90: 145000,
      },
    ])
  })

  it('places the occupation in its salary region and the cities with a premium', () => {
    expect(jsonLd.occupationLocation).toEqual([
      { '@type': 'Country', name: 'United States' },
      { '@type': 'City', name: 'New York City' },
      { '@type': 'City', name: 'San Francisco' },
    ])
  })

  it('lists skills, responsibilities (their titles) and qualifications as one text each', () => {
    expect(jsonLd.skills).toContain('Python')
    expect(jsonLd.skills).toHaveLength(backEnd.skills.length)
    expect(jsonLd.responsibilities).toEqual(backEnd.responsibilities.map((r) => r.title))
    expect(jsonLd.qualifications).toEqual(backEnd.qualifications)
  })

  it('puts the review date on the WebPage (Occupation has no datePosted or lastReviewed)', () => {
    expect(jsonLd).not.toHaveProperty('datePosted')
    expect(jsonLd).not.toHaveProperty('lastReviewed')
    expect(jsonLd.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': 'https://skillsu.example/roles/back-end-developer',
      url: 'https://skillsu.example/roles/back-end-developer',
      dateModified: '2026-10-20T09:30:00.000Z',
      lastReviewed: '2026-10-15',
    })
  })

  it('leaves out what a role does not have instead of emitting empty or null values', () => {
    const bare = occupationJsonLd(
      {
        ...backEnd,
        skills: [],
        responsibilities: [],
        qualifications: [],
        lastReviewedAt: null,
        salary: { ...backEnd.salary, min: null, avg: null, max: null, locationPremiums: [] },
      },
      siteUrl,
    )
    expect(schemaProblems(bare as unknown as Record<string, unknown>)).toEqual([])
    for (const key of ['skills', 'responsibilities', 'qualifications', 'estimatedSalary']) expect(bare).not.toHaveProperty(key)
    expect(bare.mainEntityOfPage).not.toHaveProperty('lastReviewed')
    expect(bare.occupationLocation).toEqual([{ '@type': 'Country', name: 'United States' }])
    expect(JSON.stringify(bare)).not.toContain('null')
  })

  it('keeps a base path and ignores a trailing slash in the site URL', () => {
    expect(occupationJsonLd(backEnd, 'https://example.org/careers/').url).toBe('https://example.org/careers/roles/back-end-developer')
  })
})

describe('breadcrumbJsonLd', () => {
  const jsonLd = breadcrumbJsonLd(
    [
      { name: 'Home', path: '/' },
      { name: 'Roles', path: '/roles' },
      { name: 'Back-End Developer', path: '/roles/back-end-developer' },
    ],
    `${siteUrl}/`,
  )

  it('uses only schema.org properties, each with a value of its expected type', () => {
    expect(schemaProblems(jsonLd as unknown as Record<string, unknown>)).toEqual([])
  })

  it('numbers the items from 1 and gives each an absolute URL', () => {
    expect(jsonLd.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://skillsu.example/' },
      { '@type': 'ListItem', position: 2, name: 'Roles', item: 'https://skillsu.example/roles' },
      { '@type': 'ListItem', position: 3, name: 'Back-End Developer', item: 'https://skillsu.example/roles/back-end-developer' },
    ])
  })
})

describe('organizationJsonLd', () => {
  it('uses only schema.org properties, each with a value of its expected type', () => {
    const jsonLd = organizationJsonLd(siteUrl, ['https://www.linkedin.com/company/skillsu'])
    expect(schemaProblems(jsonLd as unknown as Record<string, unknown>)).toEqual([])
    expect(jsonLd).toMatchObject({ name: 'SkillsU', url: 'https://skillsu.example/', sameAs: ['https://www.linkedin.com/company/skillsu'] })
    expect(jsonLd.logo).toMatch(/^https:\/\/skillsu\.example\//)
  })

  it('leaves sameAs out when there is none', () => {
    expect(organizationJsonLd(siteUrl)).not.toHaveProperty('sameAs')
    expect(organizationJsonLd(siteUrl, [])).not.toHaveProperty('sameAs')
  })
})

describe('jsonLdScript', () => {
  const hostile = '</script><script>alert(1)</script>'
  const role = toDto(seedRoles[0]!, {
    title: hostile,
    summary: 'Tom & Jerry <!-- --> ]]> \u2028line\u2029paragraph',
    qualifications: ['</SCRIPT >', '<!--<script>'],
  })
  const data = occupationJsonLd(role, siteUrl)
  const script = jsonLdScript(data)

  it('never lets a value close the script element or open a comment or entity', () => {
    expect(script.toLowerCase()).not.toContain('</script')
    expect(script).not.toMatch(/[<>&\u2028\u2029]/)
    expect(script).toContain('\\u003c/script\\u003e')
  })

  it('is still JSON that parses back to the same data', () => {
    expect(JSON.parse(script)).toEqual(data)
    expect(JSON.parse(script).name).toBe(hostile)
  })

  it('renders one closed script element through <JsonLd> whose content round-trips', () => {
    const html = renderToStaticMarkup(createElement(JsonLd, { data }))
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true)
    expect(html.match(/<\/script/gi)).toHaveLength(1)
    const content = html.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(JSON.parse(content)).toEqual(data)
  })
})
