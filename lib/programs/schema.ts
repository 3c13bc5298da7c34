import { z } from 'zod'
import { contentStatusValues, programFormatValues, programLevelValues } from '@/db/schema/cms'

export type ProgramStatus = (typeof contentStatusValues)[number]
export type ProgramFormat = (typeof programFormatValues)[number]
export type ProgramLevel = (typeof programLevelValues)[number]
export { contentStatusValues as programStatusValues, programFormatValues, programLevelValues }

export const programFormatLabels: Record<ProgramFormat, string> = { course: 'Course', bootcamp: 'Bootcamp', coaching: 'Coaching', workshop: 'Workshop' }
export const programLevelLabels: Record<ProgramLevel, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced', all_levels: 'All levels' }
export const programStatusLabels: Record<ProgramStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' }

export const maxProgramRoles = 20
export const maxProgramSkills = 40

const noControlChars = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)
const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters`).refine(noControlChars, 'Remove control characters')
const multiline = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString('en-US')} characters`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), 'Remove control characters')
const ids = (max: number, noun: string) =>
  z
    .array(z.uuid(`Choose ${noun}s from the list`), { error: `Choose ${noun}s from the list` })
    .max(max, `Choose at most ${max} ${noun}s`)
    .refine((a) => new Set(a).size === a.length, `Each ${noun} only once`)

/** Words under /programs a program's slug may not take. */
export const reservedProgramSlugs = ['new', 'edit', 'admin', 'api', 'trash', 'preview'] as const

export const programSlugSchema = z
  .string({ error: 'Enter the web address name' })
  .trim()
  .min(2, 'At least 2 characters')
  .max(80, 'At most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens only')
  .refine((s) => !(reservedProgramSlugs as readonly string[]).includes(s), 'This word is reserved for a page')

/** The editable fields of a program: the form's schema and the create action's input. */
const programFields = z.object({
  title: z.string({ error: 'Enter the title' }).trim().min(2, 'Enter the title (at least 2 characters)').max(160, 'Use at most 160 characters').refine(noControlChars, 'Remove control characters'),
  slug: programSlugSchema,
  summary: requiredText(300, 'Enter a one-line summary'),
  description: multiline(10_000),
  format: z.enum(programFormatValues, { error: 'Choose the format' }),
  duration: z.string().trim().max(60, 'Use at most 60 characters').refine(noControlChars, 'Remove control characters'),
  level: z.enum(programLevelValues, { error: 'Choose the level' }),
  roleIds: ids(maxProgramRoles, 'role'),
  skillIds: ids(maxProgramSkills, 'skill'),
})

export const programFormSchema = programFields
export type ProgramFormInput = z.input<typeof programFormSchema>
export type ProgramFormValues = z.output<typeof programFormSchema>

export const updateProgramSchema = programFields.extend({ id: z.uuid('Unknown program'), expectedVersion: z.number().int().min(1) })
export const programCommandSchema = z.object({ id: z.uuid('Unknown program'), expectedVersion: z.number().int().min(1) })
export const programIdSchema = z.object({ id: z.uuid('Unknown program') })

export const adminProgramFiltersSchema = z.object({
  status: z.enum(contentStatusValues).optional().catch(undefined),
  format: z.enum(programFormatValues).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
})
export type AdminProgramFilters = z.output<typeof adminProgramFiltersSchema>

/** "Data Engineering Bootcamp!" -> "data-engineering-bootcamp" (a suggestion the editor can change). */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}
