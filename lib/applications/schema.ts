import { z } from 'zod'
import { trainerOfferValues } from '@/db/schema/applications'
import { emailField, formGuardSchema, lineField, textField } from '@/lib/forms/schema'

/**
 * The trainer application, one schema per step of the form (each validates its own fields in the
 * browser) and the full schema the server action re-validates everything with. Values are what the
 * form holds (strings and arrays of strings), so the same schema reads the browser's form state and
 * the FormData the action receives.
 */

/** "28 November 2026": the one date format of the applicant's pages, form and emails (UTC). */
export const formatDay = (date: Date | string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(date))

/** ISO 3166-1 alpha-2 codes with their English names, by name. */
export const countries: { code: string; name: string }[] = (
  'AF:Afghanistan|AX:Åland Islands|AL:Albania|DZ:Algeria|AS:American Samoa|AD:Andorra|AO:Angola|AI:Anguilla|AQ:Antarctica|' +
  'AG:Antigua & Barbuda|AR:Argentina|AM:Armenia|AW:Aruba|AU:Australia|AT:Austria|AZ:Azerbaijan|BS:Bahamas|BH:Bahrain|BD:Bangladesh|' +
  'BB:Barbados|BY:Belarus|BE:Belgium|BZ:Belize|BJ:Benin|BM:Bermuda|BT:Bhutan|BO:Bolivia|BA:Bosnia & Herzegovina|BW:Botswana|' +
  'BV:Bouvet Island|BR:Brazil|IO:British Indian Ocean Territory|VG:British Virgin Islands|BN:Brunei|BG:Bulgaria|BF:Burkina Faso|' +
  'BI:Burundi|KH:Cambodia|CM:Cameroon|CA:Canada|CV:Cape Verde|BQ:Caribbean Netherlands|KY:Cayman Islands|CF:Central African Republic|' +
  'TD:Chad|CL:Chile|CN:China|CX:Christmas Island|CC:Cocos (Keeling) Islands|CO:Colombia|KM:Comoros|CG:Congo - Brazzaville|' +
  'CD:Congo - Kinshasa|CK:Cook Islands|CR:Costa Rica|CI:Côte d’Ivoire|HR:Croatia|CU:Cuba|CW:Curaçao|CY:Cyprus|CZ:Czechia|DK:Denmark|' +
  'DJ:Djibouti|DM:Dominica|DO:Dominican Republic|EC:Ecuador|EG:Egypt|SV:El Salvador|GQ:Equatorial Guinea|ER:Eritrea|EE:Estonia|' +
  'SZ:Eswatini|ET:Ethiopia|FK:Falkland Islands|FO:Faroe Islands|FJ:Fiji|FI:Finland|FR:France|GF:French Guiana|PF:French Polynesia|' +
  'TF:French Southern Territories|GA:Gabon|GM:Gambia|GE:Georgia|DE:Germany|GH:Ghana|GI:Gibraltar|GR:Greece|GL:Greenland|GD:Grenada|' +
  'GP:Guadeloupe|GU:Guam|GT:Guatemala|GG:Guernsey|GN:Guinea|GW:Guinea-Bissau|GY:Guyana|HT:Haiti|HM:Heard & McDonald Islands|' +
  'HN:Honduras|HK:Hong Kong SAR China|HU:Hungary|IS:Iceland|IN:India|ID:Indonesia|IR:Iran|IQ:Iraq|IE:Ireland|IM:Isle of Man|' +
  'IL:Israel|IT:Italy|JM:Jamaica|JP:Japan|JE:Jersey|JO:Jordan|KZ:Kazakhstan|KE:Kenya|KI:Kiribati|KW:Kuwait|KG:Kyrgyzstan|LA:Laos|' +
  'LV:Latvia|LB:Lebanon|LS:Lesotho|LR:Liberia|LY:Libya|LI:Liechtenstein|LT:Lithuania|LU:Luxembourg|MO:Macao SAR China|MG:Madagascar|' +
  'MW:Malawi|MY:Malaysia|MV:Maldives|ML:Mali|MT:Malta|MH:Marshall Islands|MQ:Martinique|MR:Mauritania|MU:Mauritius|YT:Mayotte|' +
  'MX:Mexico|FM:Micronesia|MD:Moldova|MC:Monaco|MN:Mongolia|ME:Montenegro|MS:Montserrat|MA:Morocco|MZ:Mozambique|MM:Myanmar (Burma)|' +
  'NA:Namibia|NR:Nauru|NP:Nepal|NL:Netherlands|NC:New Caledonia|NZ:New Zealand|NI:Nicaragua|NE:Niger|NG:Nigeria|NU:Niue|' +
  'NF:Norfolk Island|KP:North Korea|MK:North Macedonia|MP:Northern Mariana Islands|NO:Norway|OM:Oman|PK:Pakistan|PW:Palau|' +
  'PS:Palestinian Territories|PA:Panama|PG:Papua New Guinea|PY:Paraguay|PE:Peru|PH:Philippines|PN:Pitcairn Islands|PL:Poland|' +
  'PT:Portugal|PR:Puerto Rico|QA:Qatar|RE:Réunion|RO:Romania|RU:Russia|RW:Rwanda|WS:Samoa|SM:San Marino|ST:São Tomé & Príncipe|' +
  'SA:Saudi Arabia|SN:Senegal|RS:Serbia|SC:Seychelles|SL:Sierra Leone|SG:Singapore|SX:Sint Maarten|SK:Slovakia|SI:Slovenia|' +
  'SB:Solomon Islands|SO:Somalia|ZA:South Africa|GS:South Georgia & South Sandwich Islands|KR:South Korea|SS:South Sudan|ES:Spain|' +
  'LK:Sri Lanka|BL:St. Barthélemy|SH:St. Helena|KN:St. Kitts & Nevis|LC:St. Lucia|MF:St. Martin|PM:St. Pierre & Miquelon|' +
  'VC:St. Vincent & Grenadines|SD:Sudan|SR:Suriname|SJ:Svalbard & Jan Mayen|SE:Sweden|CH:Switzerland|SY:Syria|TW:Taiwan|' +
  'TJ:Tajikistan|TZ:Tanzania|TH:Thailand|TL:Timor-Leste|TG:Togo|TK:Tokelau|TO:Tonga|TT:Trinidad & Tobago|TN:Tunisia|TR:Türkiye|' +
  'TM:Turkmenistan|TC:Turks & Caicos Islands|TV:Tuvalu|UM:U.S. Outlying Islands|VI:U.S. Virgin Islands|UG:Uganda|UA:Ukraine|' +
  'AE:United Arab Emirates|GB:United Kingdom|US:United States|UY:Uruguay|UZ:Uzbekistan|VU:Vanuatu|VA:Vatican City|VE:Venezuela|' +
  'VN:Vietnam|WF:Wallis & Futuna|EH:Western Sahara|YE:Yemen|ZM:Zambia|ZW:Zimbabwe'
)
  .split('|')
  .map((pair) => {
    const [code, name] = pair.split(':') as [string, string]
    return { code, name }
  })

const countryCodes = new Set(countries.map((c) => c.code))
export const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code

export const offerLabels: Record<(typeof trainerOfferValues)[number], string> = {
  training: 'Training',
  coaching: 'Coaching',
  consulting: 'Consulting',
}

export const limits = { languages: 10, skills: 20, roles: 10, bio: 2000, motivation: 2000, availability: 500 } as const

/** "English, German" -> ['English', 'German'] (trimmed, de-duplicated, case-insensitively). */
export function splitLanguages(value: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const part of value.split(/[,;]/)) {
    const clean = part.replace(/\s+/g, ' ').trim()
    if (clean && !seen.has(clean.toLowerCase())) {
      seen.add(clean.toLowerCase())
      out.push(clean)
    }
  }
  return out
}

const httpsUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(300, 'Use at most 300 characters.')
    .refine((v) => {
      if (!v) return true
      try {
        const url = new URL(v)
        return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password
      } catch {
        return false
      }
    }, `Enter ${label} starting with https://`)

export const aboutSchema = z.object({
  fullName: lineField('your full name', 100),
  email: emailField,
  country: z
    .string()
    .trim()
    .refine((v) => countryCodes.has(v), 'Choose your country.'),
  languages: z
    .string()
    .max(400, 'Use at most 400 characters.')
    .refine((v) => !/[\r\n]/.test(v), 'Use a single line.')
    .refine((v) => splitLanguages(v).length > 0, 'Enter at least one language.')
    .refine((v) => splitLanguages(v).length <= limits.languages, `List at most ${limits.languages} languages.`)
    .refine((v) => splitLanguages(v).every((l) => l.length <= 40), 'Keep each language under 40 characters.'),
})

export const expertiseSchema = z.object({
  offers: z
    .array(z.enum(trainerOfferValues, 'Choose training, coaching or consulting.'), 'Choose at least one of training, coaching or consulting.')
    .min(1, 'Choose at least one of training, coaching or consulting.')
    .max(3)
    .transform((v) => [...new Set(v)]),
  skills: z
    .array(z.string().trim().min(1).max(60, 'Use at most 60 characters.'), 'Add at least one skill.')
    .min(1, 'Add at least one skill.')
    .max(limits.skills, `Add at most ${limits.skills} skills.`),
  roles: z
    .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Choose roles from the list.').max(120))
    .max(limits.roles, `Choose at most ${limits.roles} roles.`)
    .default([]),
  yearsExperience: z
    .string()
    .trim()
    .min(1, 'Enter your years of experience.')
    .regex(/^\d{1,2}$/, 'Enter a whole number of years, like 8.')
    .transform(Number)
    .pipe(z.number().int().min(0).max(60, 'Enter at most 60 years.')),
})

export const experienceSchema = z.object({
  headline: lineField('a headline', 140),
  bio: textField('a short bio', limits.bio, 50),
  linkedinUrl: httpsUrl('your LinkedIn address').refine((v) => {
    if (!v) return true
    try {
      const host = new URL(v).hostname.toLowerCase()
      return host === 'linkedin.com' || host.endsWith('.linkedin.com')
    } catch {
      return false
    }
  }, 'Enter a linkedin.com address, like https://www.linkedin.com/in/your-name'),
  websiteUrl: httpsUrl('your website address'),
})

export const motivationSchema = z.object({
  motivation: textField('why you want to join', limits.motivation, 30),
  availability: textField('your availability', limits.availability, 5),
})

export const stepSchemas = [aboutSchema, expertiseSchema, experienceSchema, motivationSchema] as const

/** The form's values (what the browser holds and the draft keeps; the CV file is kept apart). */
export interface ApplicationFormValues {
  fullName: string
  email: string
  country: string
  languages: string
  offers: string[]
  skills: string[]
  roles: string[]
  yearsExperience: string
  headline: string
  bio: string
  linkedinUrl: string
  websiteUrl: string
  motivation: string
  availability: string
}

export const emptyApplication: ApplicationFormValues = {
  fullName: '',
  email: '',
  country: '',
  languages: '',
  offers: [],
  skills: [],
  roles: [],
  yearsExperience: '',
  headline: '',
  bio: '',
  linkedinUrl: '',
  websiteUrl: '',
  motivation: '',
  availability: '',
}

/** The fields of each step, in order (for per-step validation and for sending server errors back to their step). */
export const stepFields: (keyof ApplicationFormValues | 'cv')[][] = [
  ['fullName', 'email', 'country', 'languages'],
  ['offers', 'skills', 'roles', 'yearsExperience'],
  ['headline', 'bio', 'linkedinUrl', 'websiteUrl', 'cv'],
  ['motivation', 'availability'],
]

const isFile = (v: unknown): v is File => typeof File !== 'undefined' && v instanceof File

/** Everything, re-validated by the server action (FormData: arrays as `offers[]`, the CV as a file). */
export const applicationSchema = z.object({
  ...aboutSchema.shape,
  ...expertiseSchema.shape,
  ...experienceSchema.shape,
  ...motivationSchema.shape,
  ...formGuardSchema.shape,
  /** An empty file input sends a nameless empty file: that is "no CV". A named empty file is refused by the CV check. */
  cv: z.preprocess((v) => (isFile(v) && v.size === 0 && !v.name ? undefined : v), z.custom<File>(isFile, 'Choose a PDF file.').optional()),
})
export type ApplicationInput = z.output<typeof applicationSchema>

export const withdrawSchema = z.object({
  id: z.uuid('This application does not exist.'),
  version: z.coerce.number().int().min(1),
})

/** The CV: a PDF of at most 5 MB (the server action's body limit is 6 MB). */
export const maxCvBytes = 5 * 1024 * 1024

export const cvMessages = {
  empty: 'The file is empty. Choose your CV as a PDF.',
  tooLarge: (bytes: number) => `The CV must be at most 5 MB; this file is ${(bytes / (1024 * 1024)).toFixed(1)} MB. Choose a smaller PDF.`,
  notPdf: 'This file is not a PDF. Save your CV as a PDF and choose it again.',
  unreadable: 'This PDF could not be read. Export it again from your editor and choose the new file.',
  encrypted: 'This PDF is password-protected. Choose a PDF without a password.',
  activeContent: 'This PDF contains scripts, actions or attached files, which we do not accept. Export it again as a plain PDF (for example with "Print to PDF").',
} as const

/** The checks the browser can make before uploading (size and the PDF signature); the server repeats them and checks the structure. */
export function quickCvError(size: number, head: Uint8Array): string | null {
  if (size === 0) return cvMessages.empty
  if (size > maxCvBytes) return cvMessages.tooLarge(size)
  if (String.fromCharCode(...head.slice(0, 5)) !== '%PDF-') return cvMessages.notPdf
  return null
}
