import { z } from 'zod'
import { applicationStatusValues } from '@/db/schema/applications'
import { lineField, textField } from '@/lib/forms/schema'
import { templateKeys, unknownPlaceholders } from './templates'

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))

/** The review list's filters, read from the URL (and the CSV export's); anything malformed means "no filter". */
export const applicationListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  status: z.enum(applicationStatusValues).optional().catch(undefined),
  skill: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80)
    .optional()
    .catch(undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
export type ApplicationListQuery = z.output<typeof applicationListQuerySchema>

/** The list's query string from the URL's search params (first value of each). */
export function readListQuery(raw: Record<string, string | string[] | undefined> | URLSearchParams): ApplicationListQuery {
  const get = (key: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(key) : raw[key]
    return (Array.isArray(v) ? v[0] : v) || undefined
  }
  return applicationListQuerySchema.parse({ q: get('q') ?? '', status: get('status'), skill: get('skill'), country: get('country'), from: get('from'), to: get('to'), page: get('page') ?? 1 })
}

/** The filters as URL params (no page), for links that keep the current view (export, pager). */
export function listQueryParams(query: ApplicationListQuery): Record<string, string | undefined> {
  return { q: query.q || undefined, status: query.status, skill: query.skill, country: query.country, from: query.from, to: query.to }
}

const id = z.uuid('Unknown application.')
const version = z.coerce.number().int().min(1).max(2_147_483_647)

/** A reviewer's status change, with the version of the application the reviewer saw. */
export const applicationMoveSchema = z.object({
  id,
  to: z.enum(applicationStatusValues, 'Choose a status.'),
  version,
})
export type ApplicationMoveInput = z.output<typeof applicationMoveSchema>

export const applicationNoteSchema = z.object({
  id,
  body: textField('a note', 4000, 1),
})
export type ApplicationNoteInput = z.output<typeof applicationNoteSchema>

const score = (label: string) =>
  z.coerce
    .number({ error: `Give ${label} a score from 1 to 5.` })
    .int(`Give ${label} a whole number from 1 to 5.`)
    .min(1, `Give ${label} a score from 1 to 5.`)
    .max(5, `Give ${label} a score from 1 to 5.`)

/** One reviewer's score card; saving again replaces it. */
export const applicationScoreSchema = z.object({
  id,
  expertise: score('expertise'),
  communication: score('communication'),
  fit: score('fit'),
})
export type ApplicationScoreInput = z.output<typeof applicationScoreSchema>

export const templateConflictMessage = 'Someone else changed this template first. Reload the page to see their version.'
export const applicationConflictMessage = 'Someone else changed this application first. Reload the page to see its current status.'

/** A decision email template: `version` is the one the editor loaded (0: the built-in default, never saved). */
export const templateSaveSchema = z
  .object({
    key: z.enum(templateKeys, 'Unknown template.'),
    subject: lineField('a subject', 200),
    body: textField('the message', 8000, 1),
    version: z.coerce.number().int().min(0).max(2_147_483_647),
  })
  .superRefine((v, ctx) => {
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownPlaceholders(v[field])
      if (unknown.length)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{{${u}}}`).join(', ')}. Use {{name}}, {{dashboardUrl}} or {{reapplyDate}}.`,
        })
    }
  })
export type TemplateSaveInput = z.output<typeof templateSaveSchema>
