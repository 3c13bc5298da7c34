import type { LocationPremium, Responsibility, Source, Trend } from '@/lib/roles/content'

export const seedCategories = [
  { slug: 'software-engineering', name: 'Software Engineering', description: 'Build and run the applications people use every day.' },
  { slug: 'data-ai', name: 'Data & AI', description: 'Turn data into decisions, products and intelligent systems.' },
  { slug: 'cloud-infrastructure', name: 'Cloud & Infrastructure', description: 'Design, automate and operate the platforms software runs on.' },
  { slug: 'security', name: 'Security', description: 'Protect systems, data and people from attack.' },
  { slug: 'quality', name: 'Quality Engineering', description: 'Make sure software works before and after it ships.' },
  { slug: 'design-product', name: 'Design & Product', description: 'Shape what gets built and how it feels to use.' },
] as const

export type SeedCategorySlug = (typeof seedCategories)[number]['slug']

export interface SeedRoleSkill {
  /** Display name; the same name must be used for the same skill across roles (matching relies on it). */
  name: string
  /** Share of job postings for this role that ask for the skill, 0-100. */
  sharePct: number
  /** An emerging, increasingly sought-after skill rather than a core requirement. */
  emerging?: boolean
}

export interface SeedRole {
  slug: string
  title: string
  category: SeedCategorySlug
  /** One line for cards and meta descriptions (max ~160 characters). */
  summary: string
  /** The "Role overview" paragraph(s). */
  overview: string
  responsibilities: Responsibility[]
  qualifications: string[]
  trends: Trend[]
  skills: SeedRoleSkill[]
  market: {
    growthRatePct: number
    growthPeriodStart: number
    growthPeriodEnd: number
    growthDriver: string
    entryToSeniorRatio: number
    demandChangePct: number
    demandChangePeriod: string
    demandHubs: string[]
  }
  salary: {
    currency: 'USD'
    region: string
    min: number
    avg: number
    max: number
    maxOpenEnded: boolean
    locationPremiums: LocationPremium[]
  }
  sources: Source[]
  /** ISO date, YYYY-MM-DD. */
  lastReviewedAt: string
  status?: 'published' | 'draft'
}
