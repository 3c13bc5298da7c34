import { z } from 'zod'

/**
 * Shapes of the role sections kept as validated JSON on the `roles` row. One schema each, used by
 * the seed, the admin editor and the data layer when it reads a row back.
 */
const text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`)

export const responsibilitySchema = z.object({ title: text(120), description: text(600) })
export const qualificationSchema = text(300)
export const trendSchema = z.object({
  text: text(600),
  figurePct: z.number().min(-100).max(1000).optional(),
  figureLabel: z.string().trim().max(80).optional(),
})
export const locationPremiumSchema = z.object({
  location: text(80),
  premiumPct: z.number().min(-90).max(500),
})
export const sourceSchema = z.object({
  label: text(200),
  url: z.url({ protocol: /^https$/ }).max(500).optional(),
})

export const responsibilitiesSchema = z.array(responsibilitySchema).max(30)
export const qualificationsSchema = z.array(qualificationSchema).max(30)
export const trendsSchema = z.array(trendSchema).max(20)
export const locationPremiumsSchema = z.array(locationPremiumSchema).max(20)
export const sourcesSchema = z.array(sourceSchema).max(20)
export const demandHubsSchema = z.array(text(80)).max(20)

export type Responsibility = z.infer<typeof responsibilitySchema>
export type Trend = z.infer<typeof trendSchema>
export type LocationPremium = z.infer<typeof locationPremiumSchema>
export type Source = z.infer<typeof sourceSchema>

/** Route words under /roles that a slug may never take. */
export const reservedRoleSlugs = ['compare', 'browse', 'new', 'search', 'edit', 'admin', 'api', 'preview'] as const

export const slugSchema = z
  .string()
  .trim()
  .min(2, 'At least 2 characters')
  .max(80, 'At most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens only')
  .refine((s) => !(reservedRoleSlugs as readonly string[]).includes(s), 'This word is reserved for a page')
