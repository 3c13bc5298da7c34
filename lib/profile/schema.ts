import { z } from 'zod'
import { alertFrequencyValues } from '@/db/schema/accounts'
import { nameSchema } from '@/lib/auth/schema'

export const maxTargetRoles = 5
export const maxProfileSkills = 50

const plainText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: use at most ${max} characters`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), `${label}: remove control characters`)

export const profileSchema = z.object({
  name: nameSchema,
  headline: plainText(120, 'Headline'),
  location: plainText(100, 'Location'),
  yearsExperience: z.number({ error: 'Enter a whole number of years' }).int('Enter a whole number of years').min(0, 'Cannot be negative').max(70, 'At most 70 years').nullable(),
  bio: plainText(1000, 'Bio'),
  skills: z
    .array(z.string().trim().min(1, 'A skill cannot be empty').max(60, 'A skill name is at most 60 characters'))
    .max(maxProfileSkills, `At most ${maxProfileSkills} skills`),
  targetRoles: z
    .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Unknown role').max(80))
    .max(maxTargetRoles, `Choose at most ${maxTargetRoles} target roles`)
    .refine((a) => new Set(a).size === a.length, 'Each role only once'),
  isPublic: z.boolean(),
})
export type ProfileInput = z.input<typeof profileSchema>

export const alertSettingsSchema = z.object({
  frequency: z.enum(alertFrequencyValues, { error: 'Choose how often' }),
  paused: z.boolean(),
})
export type AlertSettingsInput = z.input<typeof alertSettingsSchema>

export const roleSlugSchema = z.object({ slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Unknown role').max(80) })
