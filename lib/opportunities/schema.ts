import { z } from 'zod'
import { contentStatusValues, employmentTypeValues } from '@/db/schema/cms'

export type OpportunityStatus = (typeof contentStatusValues)[number]
export type EmploymentType = (typeof employmentTypeValues)[number]
export { contentStatusValues as opportunityStatusValues, employmentTypeValues }

export const employmentTypeLabels: Record<EmploymentType, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
}

export const opportunityStatusLabels: Record<OpportunityStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' }

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const noControlChars = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)

const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters`).refine(noControlChars, 'Remove control characters')
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`).refine(noControlChars, 'Remove control characters')
/** A select whose empty option means "none". */
const optionalId = (message: string) => z.string().refine((v) => v === '' || uuidPattern.test(v), message)

/** The editable fields of an opportunity, flat so field errors land next to the form's fields. */
const opportunityFields = z.object({
  title: z.string({ error: 'Enter the job title' }).trim().min(2, 'Enter the job title (at least 2 characters)').max(160, 'Use at most 160 characters').refine(noControlChars, 'Remove control characters'),
  /** A partner from the list, or '' for a company typed as free text. */
  partnerId: optionalId('Choose a company from the list'),
  companyName: optionalText(120),
  roleId: optionalId('Choose a role from the list'),
  location: optionalText(120),
  remote: z.boolean({ error: 'Say whether the job is remote' }),
  employmentType: z.enum(employmentTypeValues, { error: 'Choose the employment type' }),
  description: requiredText(600, 'Enter a short description'),
  applyUrl: z
    .string({ error: 'Enter the address where candidates apply' })
    .trim()
    .min(1, 'Enter the address where candidates apply')
    .max(2000, 'Use at most 2,000 characters')
    .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Use a full https:// address, e.g. https://example.com/jobs/42' })),
  /** The last day the opportunity is listed (UTC), YYYY-MM-DD, or '' for no expiry. */
  expiresOn: z.union([z.literal(''), z.iso.date('Enter a date (YYYY-MM-DD)')], { error: 'Enter a date (YYYY-MM-DD)' }),
})

type OpportunityFields = z.output<typeof opportunityFields>

function checkCompanyAndPlace(v: OpportunityFields, ctx: z.core.$RefinementCtx<OpportunityFields>) {
  if (!v.partnerId && !v.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'Choose a partner or type the company name' })
  if (!v.remote && !v.location) ctx.addIssue({ code: 'custom', path: ['location'], message: 'Enter a location, or tick Remote' })
}

/** The form's schema (react-hook-form's resolver) and the create action's input. */
export const opportunityFormSchema = opportunityFields.superRefine(checkCompanyAndPlace)
export type OpportunityFormInput = z.input<typeof opportunityFormSchema>
export type OpportunityFormValues = z.output<typeof opportunityFormSchema>

/** An edit: the same fields plus the version the editor started from (conflict detection). */
export const updateOpportunitySchema = opportunityFields
  .extend({ id: z.uuid('Unknown opportunity'), expectedVersion: z.number().int().min(1) })
  .superRefine(checkCompanyAndPlace)

/** Publish, unpublish, archive and move to the trash act on the version the editor saw. */
export const opportunityCommandSchema = z.object({ id: z.uuid('Unknown opportunity'), expectedVersion: z.number().int().min(1) })
/** Restore and permanent delete act on an item in the trash. */
export const opportunityIdSchema = z.object({ id: z.uuid('Unknown opportunity') })

/** Filters of the admin list, parsed from the query string (anything unknown is ignored). */
export const adminOpportunityFiltersSchema = z.object({
  status: z.enum(contentStatusValues).optional().catch(undefined),
  role: z.string().regex(uuidPattern).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
})
export type AdminOpportunityFilters = z.output<typeof adminOpportunityFiltersSchema>

/** "2026-03-31" -> the instant the opportunity stops being listed: the end of that day, UTC. */
export function expiresAtFromDate(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d
}

/** The inverse of expiresAtFromDate: the last day an instant still falls on (UTC). */
export function dateFromExpiresAt(at: Date | string): string {
  return new Date(new Date(at).getTime() - 1).toISOString().slice(0, 10)
}
