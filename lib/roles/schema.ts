import { z } from 'zod'
import { skillSlug } from '@/lib/skills/normalize'
import {
  demandHubsSchema,
  locationPremiumsSchema,
  qualificationsSchema,
  responsibilitiesSchema,
  slugSchema,
  sourcesSchema,
  trendsSchema,
} from './content'

const text = (max: number, label: string) => z.string({ error: `Enter the ${label}` }).trim().min(1, `Enter the ${label}`).max(max, `Use at most ${max} characters`)
const optionalNumber = (min: number, max: number, label: string) =>
  z.number({ error: `${label} must be a number` }).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`).nullable()
const money = (label: string) => z.number({ error: `${label} must be a number` }).int(`${label}: whole amounts only`).min(1, `${label} must be positive`).max(10_000_000, `${label} is too large`).nullable()

export const roleSkillInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the skill')
    .max(80, 'At most 80 characters')
    .refine((n) => skillSlug(n) !== '', 'Use letters or digits'),
  sharePct: z.number({ error: 'Enter a share between 0 and 100' }).int('Whole percentages only').min(0, 'At least 0%').max(100, 'At most 100%'),
  isEmerging: z.boolean(),
})

/**
 * The whole editable content of a role: what the editor form holds, what a save action accepts,
 * and what a revision stores. One schema for all three.
 */
export const roleContentSchema = z
  .object({
    slug: slugSchema,
    title: text(120, 'title').refine((t) => t.length >= 2, 'At least 2 characters'),
    categorySlug: z.string().min(1, 'Choose a category').max(80),
    summary: text(200, 'one-line summary'),
    overview: text(5000, 'overview'),
    responsibilities: responsibilitiesSchema,
    qualifications: qualificationsSchema,
    trends: trendsSchema,
    skills: z
      .array(roleSkillInputSchema)
      .max(40, 'At most 40 skills')
      .refine((s) => new Set(s.map((x) => x.name.trim().toLowerCase())).size === s.length, 'Each skill only once'),
    market: z.object({
      growthRatePct: optionalNumber(-100, 1000, 'Growth'),
      growthPeriodStart: z.number().int().min(1990).max(2100).nullable(),
      growthPeriodEnd: z.number().int().min(1990).max(2100).nullable(),
      growthDriver: z.string().trim().max(300),
      entryToSeniorRatio: optionalNumber(0.01, 100, 'Ratio'),
      demandChangePct: optionalNumber(-100, 1000, 'Demand change'),
      demandChangePeriod: z.string().trim().max(60),
      demandHubs: demandHubsSchema,
    }),
    salary: z.object({
      currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code, e.g. USD'),
      region: z.string().trim().min(1, 'Enter the region').max(80),
      min: money('Minimum'),
      avg: money('Average'),
      max: money('Maximum'),
      maxOpenEnded: z.boolean(),
      locationPremiums: locationPremiumsSchema,
    }),
    sources: sourcesSchema,
    lastReviewedAt: z.iso.date('A date (YYYY-MM-DD)').nullable(),
  })
  .superRefine((v, ctx) => {
    const { min, avg, max } = v.salary
    if (min !== null && avg !== null && min > avg) ctx.addIssue({ code: 'custom', path: ['salary', 'min'], message: 'The minimum cannot be above the average' })
    if (avg !== null && max !== null && avg > max) ctx.addIssue({ code: 'custom', path: ['salary', 'max'], message: 'The maximum cannot be below the average' })
    if (min !== null && max !== null && min > max) ctx.addIssue({ code: 'custom', path: ['salary', 'max'], message: 'The maximum cannot be below the minimum' })
    const { growthPeriodStart: a, growthPeriodEnd: b } = v.market
    if (a !== null && b !== null && a > b) ctx.addIssue({ code: 'custom', path: ['market', 'growthPeriodEnd'], message: 'The period must end after it starts' })
  })

export type RoleContent = z.output<typeof roleContentSchema>
export type RoleContentInput = z.input<typeof roleContentSchema>

export const roleSaveSchema = z.object({ id: z.uuid(), expectedVersion: z.number().int().min(1), content: roleContentSchema })
export const roleCommandSchema = z.object({ id: z.uuid(), expectedVersion: z.number().int().min(1) })
export const roleIdSchema = z.object({ id: z.uuid() })
export const roleRestoreSchema = z.object({ id: z.uuid(), expectedVersion: z.number().int().min(1), revisionId: z.uuid() })

/** Field-by-field labels for revision diffs, in the editor's order. */
export const roleFieldLabels: [string, string][] = [
  ['title', 'Title'],
  ['slug', 'Address (slug)'],
  ['categorySlug', 'Category'],
  ['summary', 'Summary'],
  ['overview', 'Role overview'],
  ['responsibilities', 'Responsibilities'],
  ['qualifications', 'Qualifications'],
  ['trends', 'Emerging trends'],
  ['skills', 'In-demand skills'],
  ['market', 'Industry expansion and demand'],
  ['salary', 'Salary insights'],
  ['sources', 'Sources'],
  ['lastReviewedAt', 'Last reviewed'],
]

export interface FieldChange {
  field: string
  label: string
  before: string
  after: string
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2))

/** The fields that differ between two versions of a role's content. */
export function diffRoleContent(before: RoleContent, after: RoleContent): FieldChange[] {
  return roleFieldLabels
    .filter(([field]) => show(before[field as keyof RoleContent]) !== show(after[field as keyof RoleContent]))
    .map(([field, label]) => ({ field, label, before: show(before[field as keyof RoleContent]), after: show(after[field as keyof RoleContent]) }))
}
