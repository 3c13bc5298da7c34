import { z } from 'zod'

export const maxSocialLinks = 6

const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const singleLineControlChars = /[\u0000-\u001f\u007f]/

/** One line of plain text; `min` 0 makes it optional. */
const line = (label: string, max: number, min = 1) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(min, `Enter the ${label}`)
    .max(max, `Use at most ${max} characters`)
    .refine((v) => !singleLineControlChars.test(v), 'Remove line breaks and control characters')

/** Plain text that may span lines (paragraph breaks are kept). */
const paragraph = (label: string, max: number, min = 1) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(min, `Enter the ${label}`)
    .max(max, `Use at most ${max} characters`)
    .refine((v) => !controlChars.test(v), 'Remove control characters')

export const socialLinkSchema = z.object({
  label: line('label', 40),
  url: z
    .string({ error: 'Enter the address' })
    .trim()
    .min(1, 'Enter the address')
    .max(500, 'Use at most 500 characters')
    .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Enter a full https:// address, e.g. https://www.linkedin.com/company/skillsu' }))
    .refine((v) => !new URL(v).username && !new URL(v).password, 'Remove the user name and password from the address'),
})

const ctaSchema = z.object({
  title: line('title', 80),
  text: paragraph('text', 300),
})

/** The longest privacy policy or terms text an admin may save. */
export const maxLegalTextLength = 20_000

/** Everything an admin edits on /admin/settings: the one schema for the form, the action and the stored JSON. */
export const siteSettingsSchema = z.object({
  siteName: line('site name', 80),
  postalAddress: paragraph('postal address', 300, 0),
  teamEmail: z
    .string()
    .trim()
    .max(254, 'That email address is too long')
    .pipe(z.union([z.literal(''), z.email('Enter a valid email address, or leave it empty')]))
    .transform((e) => e.toLowerCase()),
  socialLinks: z
    .array(socialLinkSchema)
    .max(maxSocialLinks, `At most ${maxSocialLinks} social links`)
    .refine((links) => new Set(links.map((l) => l.url.toLowerCase())).size === links.length, 'Each address only once'),
  hero: z.object({
    eyebrow: line('eyebrow', 60, 0),
    heading: line('heading', 120),
    text: paragraph('text', 400),
  }),
  ctas: z.object({
    createProfile: ctaSchema,
    bookDemo: ctaSchema,
    trainersApply: ctaSchema,
    partnerships: ctaSchema,
    newsletter: ctaSchema,
  }),
  /** /privacy and /terms: plain text; a line starting with "## " is a heading, "- " a list item (see lib/privacy/legal-text.ts). */
  privacyPolicy: paragraph('privacy policy', maxLegalTextLength),
  terms: paragraph('terms', maxLegalTextLength),
})
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>
export type SiteSettings = z.output<typeof siteSettingsSchema>
export type CtaKey = keyof SiteSettings['ctas']

/** What the site says until an admin saves settings: the copy that was hard-coded before. */
export const siteSettingsDefaults: SiteSettings = {
  siteName: 'SkillsU',
  postalAddress: '',
  teamEmail: '',
  socialLinks: [],
  hero: {
    eyebrow: 'Careers, skills and training',
    heading: 'Know the role. Close the skill gap. Get hired.',
    text: 'Explore what each career role involves, the skills employers ask for, and what it pays. Create a free profile to see your skill gap and receive the latest opportunities in your inbox.',
  },
  ctas: {
    createProfile: {
      title: 'Ready to get started?',
      text: 'Create your free profile to see your skill gap, or browse the programs our training and coaching specialists run.',
    },
    bookDemo: {
      title: 'Have questions?',
      text: 'Talk to our team; we are happy to help you get set up.',
    },
    trainersApply: {
      title: 'Trainer, coach or consultant?',
      text: 'Apply to join our global network of expert trainers, consultants and coaches, and start earning from your expertise.',
    },
    partnerships: {
      title: 'Interested in partnerships?',
      text: 'Complete our contact form with your details and our team will be in touch.',
    },
    newsletter: {
      title: 'Join our community',
      text: "Get the latest insights, trends and resources on how the world's best coaches and trainers develop potential.",
    },
  },
  privacyPolicy: `SkillsU runs this site. This policy says what we collect about you, why, how long we keep it, and what you can ask of us.

## What we collect
- Your account: name, email address and a hash of your password (never the password itself).
- Your profile, if you fill it in: headline, location, experience, skills and target roles.
- Trainer applications: your answers and your CV.
- Partnership and demo requests: the details you send us.
- Newsletter and alert choices: what you agreed to, when, on which form, and the wording you saw.
- A record of changes made by staff, for security.

## Why
We use this to run your account, show your skill gap, email you what you asked for (opportunity alerts, the newsletter, answers to your requests), review trainer applications and keep the service secure. We do not sell your data and we do not use advertising or tracking services.

## Cookies
We use only the cookies the site needs to work: your sign-in session and security cookies. No analytics or advertising cookies, and no third-party scripts.

## How long we keep it
- Newsletter sign-ups that are never confirmed: 30 days.
- CVs of rejected or withdrawn trainer applications: 12 months after the decision.
- The text of emails we sent you: 30 days.
- Partnership and demo requests: 24 months.
- Security records of staff changes: 24 months.
- Your account and profile: until you delete your account.

## Your rights
You can download everything we hold about you and delete your account from your dashboard, unsubscribe from any email with the link it carries, and write to us to correct or ask about your data.`,
  terms: `These terms apply to your use of SkillsU. By creating a profile or sending us a form you agree to them.

## Using SkillsU
- Give true information and keep your password to yourself.
- Do not misuse the site: no attempts to break in, scrape it at scale or send spam through its forms.
- Role data and salaries are for guidance; check important decisions with the employer.

## Trainer applications
We review each application ourselves and may accept or decline it. Accepted trainers get a public card with their name, headline and skills.

## Emails
We send account emails you need (verification, password resets) and, if you choose, opportunity alerts and the newsletter. Every optional email carries a one-click unsubscribe link.

## Changes and contact
We may update these terms; the version on this page is the one that applies. Questions: write to our team.`,
}

/** The save action's input: the settings plus the version the admin started from. */
export const saveSiteSettingsSchema = z.object({
  settings: siteSettingsSchema,
  expectedVersion: z.number({ error: 'Reload the page and try again' }).int().min(0).max(2_147_483_647),
})
export type SaveSiteSettingsInput = z.input<typeof saveSiteSettingsSchema>
