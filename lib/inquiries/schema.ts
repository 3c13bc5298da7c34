import { z } from 'zod'
import { inquiryKindValues, inquiryStatusValues, type InquiryStatus } from '@/db/schema/inquiries'
import { emailField, formGuardSchema, lineField, textField } from '@/lib/forms/schema'

export type InquiryKind = (typeof inquiryKindValues)[number]
export { inquiryKindValues, inquiryStatusValues, type InquiryStatus }

export const inquiryKindLabels: Record<InquiryKind, string> = { partnership: 'Partnership', demo: 'Demo booking' }
export const inquiryStatusLabels: Record<InquiryStatus, string> = { new: 'New', contacted: 'Contacted', closed: 'Closed' }

export const companySizeValues = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const
export const teamSizeValues = ['1-5', '6-20', '21-50', '51-200', '200+'] as const
export const partnershipTypeValues = ['hiring', 'training', 'content', 'sponsorship', 'other'] as const
export type PartnershipType = (typeof partnershipTypeValues)[number]

export const sizeLabel = (size: string) => (size.endsWith('+') ? `More than ${Number(size.slice(0, -1)).toLocaleString('en-GB')} people` : `${size.replace('-', '–')} people`)
export const partnershipTypeLabels: Record<PartnershipType, string> = {
  hiring: 'Hiring partner',
  training: 'Training partner',
  content: 'Content partner',
  sponsorship: 'Sponsorship',
  other: 'Something else',
}

/** What a person (and a bot, which must learn nothing) is told after sending each form. */
export const partnershipThanks = "Thanks — we've received your inquiry and will reply within two working days. We've sent a confirmation to your email."
export const demoThanks = "Thanks — your demo request is in. We'll reply within two working days to confirm a time, and we've sent a confirmation to your email."

/** Limits named once: the form's maxLength attributes and the schema use the same numbers. */
export const inquiryLimits = { company: 120, name: 120, message: 4000, messageMin: 10, interests: 30, interest: 200, dates: 3 } as const

/** Time zones the server knows (IANA names), plus UTC, which Intl lists under its own name only in some engines. */
let zones: Set<string> | null = null
export function timeZoneList(): string[] {
  zones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])
  return [...zones]
}

const zoneName = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/

/**
 * A time zone from Intl's list, or another IANA name for one of them: engines disagree on which
 * name is canonical (a browser may say Asia/Kolkata or Europe/Kyiv where this server lists
 * Asia/Calcutta and Europe/Kiev), so an alias counts when it resolves to a listed zone.
 */
export function isKnownTimeZone(tz: string): boolean {
  timeZoneList()
  if (zones!.has(tz)) return true
  if (tz.length > 64 || !zoneName.test(tz)) return false
  try {
    return zones!.has(new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone)
  } catch {
    return false
  }
}

/** Today's date (YYYY-MM-DD) where the visitor is: "not in the past" means there, not on the server. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: isKnownTimeZone(timeZone) ? timeZone : 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The same calendar day a year later (29 February becomes 28 February). */
export function aYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate()
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

const isCalendarDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const date = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v
}

const company = lineField('your company name', inquiryLimits.company)
const contactName = lineField('your name', inquiryLimits.name)
const pick = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message })

/** The partnership form's own fields: the browser validates these before sending. */
export const partnershipFieldsSchema = z.object({
  company,
  contactName,
  email: emailField,
  companySize: pick(companySizeValues, 'Choose the size of your company.'),
  partnershipType: pick(partnershipTypeValues, 'Choose the kind of partnership.'),
  message: textField('a short message', inquiryLimits.message, inquiryLimits.messageMin),
})
/** What the action parses: the same fields and the guard's (lib/forms/schema.ts). */
export const partnershipInquirySchema = partnershipFieldsSchema.extend(formGuardSchema.shape)
export type PartnershipFieldsInput = z.input<typeof partnershipFieldsSchema>
export type PartnershipInquiryInput = z.input<typeof partnershipInquirySchema>
export type PartnershipInquiryData = z.output<typeof partnershipInquirySchema>

const demoFieldsShape = {
  company,
  contactName,
  email: emailField,
  teamSize: pick(teamSizeValues, 'Choose the size of your team.'),
  interests: z
    .array(z.string().trim().min(1).max(inquiryLimits.interest, 'Choose from the list.').refine((v) => !/[\r\n]/.test(v), 'Choose from the list.'))
    .max(inquiryLimits.interests, `Choose at most ${inquiryLimits.interests}.`)
    .default([]),
  preferredDates: z
    .array(
      z
        .string()
        .trim()
        .max(10, 'Enter a date like 2030-01-31.')
        .refine((v) => v === '' || isCalendarDay(v), 'Enter a date like 2030-01-31.'),
    )
    .max(inquiryLimits.dates, `Choose at most ${inquiryLimits.dates} dates.`)
    .default([]),
  timeZone: z.string().trim().max(64, 'Choose a time zone from the list.').refine(isKnownTimeZone, 'Choose a time zone from the list.'),
}

/**
 * The demo booking's rules across fields. Dates are checked against today in the chosen time zone
 * (a visitor in Auckland may book a day that is still "tomorrow" in London), at most a year ahead.
 * The check runs even when other fields have errors (zod skips refinements then by default), so
 * every date message shows at once; it reads the raw values defensively for that reason. Empty date
 * inputs are then dropped and the rest kept sorted and unique.
 */
function withDemoRules<S extends z.ZodObject<typeof demoFieldsShape>>(schema: S) {
  return schema
    .check(
      z.superRefine(
        (v: { preferredDates: unknown; timeZone: unknown }, ctx) => {
          if (!Array.isArray(v.preferredDates) || v.preferredDates.length > inquiryLimits.dates) return
          const today = todayIn(typeof v.timeZone === 'string' ? v.timeZone : 'UTC')
          const latest = aYearAfter(today)
          const days = v.preferredDates.map((d) => (typeof d === 'string' ? d.trim() : ''))
          days.forEach((day, i) => {
            if (!isCalendarDay(day)) return
            if (day < today) ctx.addIssue({ code: 'custom', path: ['preferredDates', i], message: 'Choose today or a later date.' })
            else if (day > latest) ctx.addIssue({ code: 'custom', path: ['preferredDates', i], message: 'Choose a date within the next year.' })
          })
          if (!days.some((d) => d !== '')) ctx.addIssue({ code: 'custom', path: ['preferredDates', 0], message: 'Choose at least one date that suits you.' })
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
    )
    .transform((v) => ({
      ...v,
      interests: [...new Set(v.interests)],
      preferredDates: [...new Set(v.preferredDates.filter((d) => d !== ''))].sort(),
    }))
}

/** The demo form's own fields and rules: the browser validates these before sending. */
export const demoFieldsSchema = withDemoRules(z.object(demoFieldsShape))
/** What the action parses: the same fields and rules, and the guard's. */
export const demoBookingSchema = withDemoRules(z.object({ ...demoFieldsShape, ...formGuardSchema.shape }))
export type DemoFieldsInput = z.input<typeof demoFieldsSchema>
export type DemoBookingInput = z.input<typeof demoBookingSchema>
export type DemoBookingData = z.output<typeof demoBookingSchema>

// ------------------------------------------------------------------------------------------------
// Admin inbox

const inquiryId = z.uuid({ error: 'Unknown inquiry.' })
const version = z.coerce.number().int().min(1)
const isoDay = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDay(v))
  .transform((v) => v || undefined)

/** The inbox's query string; anything malformed is ignored rather than refused. */
export const inquiryListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
  kind: z.enum(inquiryKindValues).optional().catch(undefined),
  status: z.enum(inquiryStatusValues).optional().catch(undefined),
  /** A user id, "unassigned", or "mine". */
  owner: z
    .union([z.literal('unassigned'), z.literal('mine'), z.uuid()])
    .optional()
    .catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type InquiryListQuery = z.output<typeof inquiryListQuerySchema>

/** The list's filters as query-string pairs (for links, the pager and the CSV export). */
export function inquiryQueryParams(q: InquiryListQuery): Record<string, string | undefined> {
  return { q: q.q || undefined, kind: q.kind, status: q.status, owner: q.owner, from: q.from, to: q.to }
}

export const inquiryConflictMessage = 'Someone else changed this inquiry first. Reload the page to see their changes.'

export const setInquiryStatusSchema = z.object({ id: inquiryId, version, status: z.enum(inquiryStatusValues, { error: 'Choose a status.' }) })
export const assignInquirySchema = z.object({
  id: inquiryId,
  version,
  /** A user id, or '' to leave it unassigned. */
  ownerId: z.union([z.uuid({ error: 'Choose an owner from the list.' }), z.literal('')]),
})
export const addInquiryNoteSchema = z.object({ id: inquiryId, version, body: z.string().trim().min(1, 'Write the note first.').max(4000, 'Use at most 4000 characters.') })
export type SetInquiryStatusInput = z.input<typeof setInquiryStatusSchema>
export type AssignInquiryInput = z.input<typeof assignInquirySchema>
export type AddInquiryNoteInput = z.input<typeof addInquiryNoteSchema>
