/**
 * Who may call each server action: one row per exported action of every 'use server' module,
 * keyed `<module path>#<export name>` as the production build's server-reference-manifest.json
 * names them (`filename`, `exportedName`). e2e/authz-matrix.spec.ts fails on an action missing
 * here or a row the build does not have, then calls every action over HTTP as each kind of
 * caller and checks the answer, and that a refused call changed nothing in the database.
 *
 * This file is read by that test only; the checks themselves live in the data layer.
 */
import { templateKeys } from '@/lib/applications/templates'
import { siteSettingsDefaults } from '@/lib/site-settings/schema'

/** A caller by role; 'anonymous' has no session. Staff sessions without a second factor are derived (see `needsSecondFactor`). */
export type Caller = 'anonymous' | 'candidate' | 'trainer' | 'editor' | 'admin'

export const everyone: readonly Caller[] = ['anonymous', 'candidate', 'trainer', 'editor', 'admin']
export const signedIn: readonly Caller[] = ['candidate', 'trainer', 'editor', 'admin']
export const staff: readonly Caller[] = ['editor', 'admin']
export const adminOnly: readonly Caller[] = ['admin']

/** Rows that exist before the calls, read from the database by the test (e2e/authz/fixtures.ts). */
export interface Fixtures {
  /** A per-call unique suffix (slugs, emails, idempotency keys). */
  unique: string
  /** Another user's account (a throwaway candidate): target of admin user actions, owner of `application`. */
  other: { id: string; email: string }
  /** An editor with two-factor sign-in set up (target of the admin's 2FA reset). */
  otherStaff: { id: string }
  application: { id: string; version: number }
  role: { id: string; version: number; revisionId: string; content: Record<string, unknown> }
  partner: { id: string; version: number; name: string }
  program: { id: string; version: number; values: Record<string, unknown> }
  opportunity: { id: string; version: number; values: Record<string, unknown> }
  inquiry: { id: string; version: number }
  email: { id: string }
  templateVersion: number
  /** An address on the suppression list. */
  suppressed: string
  siteSettingsVersion: number
}

/** The arguments as the browser passes them to the action (FormData where the form sends one). */
export type ActionArgs = unknown[]

export interface ActionRule {
  allowed: readonly Caller[]
  /**
   * Valid arguments aimed at real rows, with current versions: if the check were missing, this
   * call would write. Refused callers get these (validation runs before authorization, so an
   * invalid input would never reach the check).
   */
  probe: (f: Fixtures) => ActionArgs
  /** For allowed callers when `probe` would change shared content: passes the check, then fails harmlessly (stale version, unknown id). */
  harmless?: (f: Fixtures) => ActionArgs
  /** The tables the action writes: a refused call must leave them (and every other table) unchanged. */
  writes: readonly string[]
  /** `probe` targets another user's row: allowed callers other than its owner must get a failure and change nothing. */
  othersRow?: boolean
  notes?: string
}

/** Work only staff may do needs a session that passed two-factor sign-in (requireRole in lib/auth/session.ts). */
export const needsSecondFactor = (rule: ActionRule) => rule.allowed.every((c) => staff.includes(c))

/** A FormData as a form posts it; arrays become repeated `name[]` fields (lib/action-result.ts formToObject). */
export function form(fields: Record<string, string | readonly string[] | File>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' || value instanceof File) data.append(key, value)
    else for (const v of value) data.append(`${key}[]`, v)
  }
  return data
}

const missingId = '00000000-0000-4000-8000-000000000000'
const staleVersion = 2_000_000_000
const token43 = 'A'.repeat(43)
const guard = (f: Fixtures) => ({ idempotencyKey: `authz-${f.unique}`.slice(0, 64), fillMs: '60000', hp: '' })
const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
const application = (f: Fixtures, hp = '') => ({
  fullName: 'Authz Probe',
  email: `authz-${f.unique}@e2e.example`,
  country: 'DE',
  languages: 'English',
  offers: ['training'],
  skills: ['Testing'],
  roles: [],
  yearsExperience: '5',
  headline: 'Authorization probe',
  bio: 'A bio long enough to pass the fifty character minimum of the form.',
  linkedinUrl: '',
  websiteUrl: '',
  motivation: 'A motivation long enough to pass validation.',
  availability: 'Weekdays',
  ...guard(f),
  hp,
})
const roleContent = (f: Fixtures, slug?: string) => ({ ...f.role.content, ...(slug ? { slug } : {}) })
const roleCommand = (f: Fixtures) => [{ id: f.role.id, expectedVersion: f.role.version }]
const roleStale = (f: Fixtures) => [{ id: f.role.id, expectedVersion: staleVersion }]
const programCommand = (f: Fixtures) => [{ id: f.program.id, expectedVersion: f.program.version }]
const programStale = (f: Fixtures) => [{ id: f.program.id, expectedVersion: staleVersion }]
const opportunityCommand = (f: Fixtures) => [{ id: f.opportunity.id, expectedVersion: f.opportunity.version }]
const opportunityStale = (f: Fixtures) => [{ id: f.opportunity.id, expectedVersion: staleVersion }]

const roleWrites = ['roles', 'role_revisions', 'role_skills', 'role_slug_history', 'skills', 'audit_log']
const programWrites = ['programs', 'program_roles', 'program_skills', 'audit_log']
const opportunityWrites = ['opportunities', 'audit_log']
const partnerWrites = ['partners', 'media', 'audit_log']

export const actionMatrix: Record<string, ActionRule> = {
  // Accounts: sign-up and the emailed-link forms are public; the rest act on the caller's own account.
  'lib/accounts/actions.ts#signUp': {
    allowed: everyone,
    probe: (f) => [null, form({ name: 'Authz Probe', email: `authz-signup-${f.unique}@e2e.example`, password: 'correct horse battery staple 42', role: '' })],
    writes: ['users', 'auth_tokens', 'email_outbox', 'consent_records'],
    notes: 'Public form; a signed-in visitor may create another account too. Rate-limited per address. Records the terms and alerts consent shown on the form.',
  },
  'lib/accounts/actions.ts#forgotPassword': {
    allowed: everyone,
    probe: (f) => [null, form({ email: f.other.email })],
    writes: ['auth_tokens', 'email_outbox'],
    notes: 'Public form; answers the same whether or not the address has an account.',
  },
  'lib/accounts/actions.ts#resetPasswordWithToken': {
    allowed: everyone,
    probe: () => [null, form({ token: token43, password: 'correct horse battery staple 42', confirm: 'correct horse battery staple 42' })],
    writes: ['users', 'auth_tokens'],
    notes: 'Public form: the emailed token is the credential (this probe token is not a valid one).',
  },
  'lib/accounts/actions.ts#confirmEmail': {
    allowed: everyone,
    probe: () => [null, form({ token: token43 })],
    writes: ['users', 'auth_tokens'],
    notes: 'Public form: the emailed token is the credential.',
  },
  'lib/accounts/actions.ts#resendVerificationEmail': { allowed: signedIn, probe: () => [], writes: ['auth_tokens', 'email_outbox'] },
  'lib/accounts/actions.ts#changePasswordAction': {
    allowed: signedIn,
    probe: () => [null, form({ currentPassword: 'not-the-password', password: 'correct horse battery staple 42', confirm: 'correct horse battery staple 42' })],
    writes: ['users'],
    notes: 'Staff without a second factor may call it (setting up two-factor sign-in must stay possible); the current password is checked too.',
  },
  'lib/accounts/actions.ts#changeEmailAction': {
    allowed: signedIn,
    probe: (f) => [null, form({ email: `authz-new-${f.unique}@e2e.example`, currentPassword: 'not-the-password' })],
    writes: ['users', 'auth_tokens', 'email_outbox'],
  },
  'lib/accounts/actions.ts#signOutEverywhereAction': { allowed: signedIn, probe: () => [], writes: ['users'] },
  'lib/accounts/actions.ts#deleteAccountAction': {
    allowed: signedIn,
    probe: (f) => [null, form({ confirmEmail: f.other.email })],
    writes: ['users', 'email_outbox', 'newsletter_subscribers', 'media', 'rate_limits', 'audit_log'],
    notes: "Deletes only the caller's own account, and only when they type its address (the probe types someone else's).",
  },

  'lib/alerts/actions.ts#unsubscribeFromAlertsByLink': {
    allowed: everyone,
    probe: (f) => [null, form({ u: f.other.id, token: token43 })],
    writes: ['candidate_profiles', 'consent_records'],
    notes: "Public: the link's HMAC is the credential (the probe's is wrong).",
  },

  // Trainer applications: any signed-in account may apply; the review is admin work.
  'lib/applications/actions.ts#submitApplication': {
    allowed: signedIn,
    probe: (f) => [form(application(f))],
    harmless: (f) => [form(application(f, 'filled-by-a-bot'))],
    writes: ['trainer_applications', 'application_skills', 'application_roles', 'application_events', 'media', 'form_submissions', 'email_outbox', 'audit_log'],
    notes: 'Allowed callers send the honeypot filled, so the run adds no application beside the admin journeys (a bot is thanked without a write).',
  },
  'lib/applications/actions.ts#withdrawApplication': {
    allowed: signedIn,
    probe: (f) => [{ id: f.application.id, version: f.application.version }],
    writes: ['trainer_applications', 'application_events', 'audit_log'],
    othersRow: true,
    notes: "Only the applicant's own open application; the probe is someone else's.",
  },
  'lib/applications/actions.ts#applicantStatus': {
    allowed: everyone,
    probe: () => [],
    writes: [],
    notes: 'Read-only; answers null for anonymous visitors.',
  },
  'lib/applications/admin-actions.ts#moveApplication': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.application.id, to: 'screening', version: f.application.version }],
    harmless: (f) => [{ id: f.application.id, to: 'screening', version: staleVersion }],
    writes: ['trainer_applications', 'application_events', 'trainer_profiles', 'trainer_skills', 'users', 'email_outbox', 'audit_log'],
  },
  'lib/applications/admin-actions.ts#addApplicationNote': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.application.id, body: 'authz probe note' }],
    harmless: () => [{ id: missingId, body: 'authz probe note' }],
    writes: ['application_notes', 'audit_log'],
  },
  'lib/applications/admin-actions.ts#saveApplicationScore': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.application.id, expertise: 3, communication: 3, fit: 3 }],
    harmless: () => [{ id: missingId, expertise: 3, communication: 3, fit: 3 }],
    writes: ['application_scores', 'audit_log'],
  },
  'lib/applications/admin-actions.ts#saveDecisionTemplate': {
    allowed: adminOnly,
    probe: (f) => [{ key: templateKeys[0], subject: 'Authz probe', body: 'Hello {{name}}', version: f.templateVersion }],
    harmless: () => [{ key: templateKeys[0], subject: 'Authz probe', body: 'Hello {{name}}', version: staleVersion }],
    writes: ['email_templates', 'audit_log'],
  },

  'lib/email/admin-actions.ts#resendEmail': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.email.id }],
    harmless: () => [{ id: missingId }],
    writes: ['email_outbox', 'audit_log'],
  },

  'lib/email/suppression-actions.ts#addEmailSuppression': {
    allowed: adminOnly,
    probe: (f) => [{ email: f.other.email, reason: 'manual', detail: '' }],
    harmless: (f) => [{ email: f.suppressed, reason: 'manual', detail: '' }],
    writes: ['email_suppressions', 'audit_log'],
    notes: 'Allowed callers add an address already on the list.',
  },
  'lib/email/suppression-actions.ts#clearEmailSuppression': {
    allowed: adminOnly,
    probe: (f) => [{ email: f.suppressed }],
    harmless: (f) => [{ email: `authz-${f.unique}@e2e.example` }],
    writes: ['email_suppressions', 'audit_log'],
  },

  // Two-factor sign-in: every signed-in account manages its own (staff set it up from a session
  // without one, so these need no second factor); resetting someone else's is admin work.
  'lib/auth/two-factor-actions.ts#beginTwoFactorAction': {
    allowed: signedIn,
    probe: () => [],
    writes: ['users'],
    notes: "Only the caller's own pending secret; staff without a second factor must reach it to set one up.",
  },
  'lib/auth/two-factor-actions.ts#confirmTwoFactorAction': { allowed: signedIn, probe: () => [{ code: '000000' }], writes: ['users', 'recovery_codes', 'audit_log'] },
  'lib/auth/two-factor-actions.ts#regenerateRecoveryCodesAction': { allowed: signedIn, probe: () => [{ code: '000000' }], writes: ['users', 'recovery_codes', 'audit_log'] },
  'lib/auth/two-factor-actions.ts#disableTwoFactorAction': {
    allowed: signedIn,
    probe: () => [{ code: '000000' }],
    writes: ['users', 'recovery_codes', 'audit_log'],
    notes: 'Staff get a refusal of their own (staff must keep it), not an authorization code.',
  },
  'lib/auth/two-factor-actions.ts#resetTwoFactorAction': {
    allowed: adminOnly,
    probe: (f) => [{ userId: f.otherStaff.id }],
    harmless: () => [{ userId: missingId }],
    writes: ['users', 'recovery_codes', 'email_outbox', 'audit_log'],
    notes: "The probe targets another editor's second factor (a lost-device reset).",
  },

  // Public inquiry forms, and the admin inbox.
  'lib/inquiries/actions.ts#submitPartnershipInquiry': {
    allowed: everyone,
    probe: (f) => [{ company: 'Authz Probe Ltd', contactName: 'Authz Probe', email: `authz-${f.unique}@e2e.example`, companySize: '1-10', partnershipType: 'other', message: 'An authorization probe message that is long enough.', ...guard(f) }],
    harmless: (f) => [{ company: 'Authz Probe Ltd', contactName: 'Authz Probe', email: `authz-${f.unique}@e2e.example`, companySize: '1-10', partnershipType: 'other', message: 'An authorization probe message that is long enough.', ...guard(f), hp: 'bot' }],
    writes: ['inquiries', 'form_submissions', 'form_bot_events', 'email_outbox'],
    notes: 'Public form; allowed callers send the honeypot filled so the admin inbox journeys see no extra rows.',
  },
  'lib/inquiries/actions.ts#submitDemoBooking': {
    allowed: everyone,
    probe: (f) => [{ company: 'Authz Probe Ltd', contactName: 'Authz Probe', email: `authz-${f.unique}@e2e.example`, teamSize: '1-5', interests: [], preferredDates: [inAWeek()], timeZone: 'UTC', ...guard(f) }],
    harmless: (f) => [{ company: 'Authz Probe Ltd', contactName: 'Authz Probe', email: `authz-${f.unique}@e2e.example`, teamSize: '1-5', interests: [], preferredDates: [inAWeek()], timeZone: 'UTC', ...guard(f), hp: 'bot' }],
    writes: ['inquiries', 'form_submissions', 'form_bot_events', 'email_outbox'],
    notes: 'Public form (as the partnership form).',
  },
  'lib/inquiries/admin-actions.ts#setInquiryStatus': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.inquiry.id, version: f.inquiry.version, status: 'contacted' }],
    harmless: (f) => [{ id: f.inquiry.id, version: staleVersion, status: 'contacted' }],
    writes: ['inquiries', 'audit_log'],
  },
  'lib/inquiries/admin-actions.ts#assignInquiry': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.inquiry.id, version: f.inquiry.version, ownerId: '' }],
    harmless: (f) => [{ id: f.inquiry.id, version: staleVersion, ownerId: '' }],
    writes: ['inquiries', 'audit_log'],
  },
  'lib/inquiries/admin-actions.ts#addInquiryNote': {
    allowed: adminOnly,
    probe: (f) => [{ id: f.inquiry.id, version: f.inquiry.version, body: 'authz probe note' }],
    harmless: (f) => [{ id: f.inquiry.id, version: staleVersion, body: 'authz probe note' }],
    writes: ['inquiries', 'inquiry_notes', 'audit_log'],
  },

  // Newsletter: public forms; confirm and unsubscribe carry their credential (token, HMAC) in the link.
  'lib/newsletter/actions.ts#subscribeToNewsletter': {
    allowed: everyone,
    probe: (f) => [null, form({ email: `authz-${f.unique}@e2e.example`, source: 'footer', ...guard(f) })],
    harmless: (f) => [null, form({ email: `authz-${f.unique}@e2e.example`, source: 'footer', ...guard(f), hp: 'bot' })],
    writes: ['newsletter_subscribers', 'consent_records', 'form_submissions', 'form_bot_events', 'email_outbox'],
    notes: 'Public form; allowed callers send the honeypot filled so the admin newsletter journeys see no extra rows.',
  },
  'lib/newsletter/actions.ts#confirmNewsletterSubscription': {
    allowed: everyone,
    probe: () => [null, form({ token: token43 })],
    writes: ['newsletter_subscribers'],
    notes: 'Public: the mailed token is the credential.',
  },
  'lib/newsletter/actions.ts#unsubscribeFromNewsletter': {
    allowed: everyone,
    probe: () => [null, form({ id: missingId, token: token43 })],
    writes: ['newsletter_subscribers', 'consent_records'],
    notes: "Public: the link's HMAC is the credential.",
  },

  // Opportunities, programs, partners, roles: editors and admins; deleting for good is admin-only.
  'lib/opportunities/actions.ts#createOpportunity': {
    allowed: staff,
    probe: (f) => [{ ...f.opportunity.values, title: `Authz probe ${f.unique}` }],
    harmless: (f) => [{ ...f.opportunity.values, title: `Authz probe ${f.unique}`, partnerId: missingId }],
    writes: opportunityWrites,
    notes: 'Allowed callers name a partner that does not exist, so no draft is added.',
  },
  'lib/opportunities/actions.ts#updateOpportunity': {
    allowed: staff,
    probe: (f) => [{ ...f.opportunity.values, title: `Authz probe ${f.unique}`, id: f.opportunity.id, expectedVersion: f.opportunity.version }],
    harmless: (f) => [{ ...f.opportunity.values, title: `Authz probe ${f.unique}`, id: f.opportunity.id, expectedVersion: staleVersion }],
    writes: opportunityWrites,
  },
  'lib/opportunities/actions.ts#publishOpportunity': { allowed: staff, probe: opportunityCommand, harmless: opportunityStale, writes: opportunityWrites },
  'lib/opportunities/actions.ts#unpublishOpportunity': { allowed: staff, probe: opportunityCommand, harmless: opportunityStale, writes: opportunityWrites },
  'lib/opportunities/actions.ts#archiveOpportunity': { allowed: staff, probe: opportunityCommand, harmless: opportunityStale, writes: opportunityWrites },
  'lib/opportunities/actions.ts#deleteOpportunity': { allowed: staff, probe: opportunityCommand, harmless: opportunityStale, writes: opportunityWrites, notes: 'Moves it to the trash.' },
  'lib/opportunities/actions.ts#restoreOpportunity': { allowed: staff, probe: (f) => [{ id: f.opportunity.id }], harmless: () => [{ id: missingId }], writes: opportunityWrites },
  'lib/opportunities/actions.ts#deleteOpportunityPermanently': { allowed: adminOnly, probe: (f) => [{ id: f.opportunity.id }], harmless: () => [{ id: missingId }], writes: opportunityWrites },

  'lib/partners/actions.ts#createPartner': {
    allowed: staff,
    probe: (f) => [form({ name: `Authz Probe ${f.unique}`, websiteUrl: '', visible: 'false' })],
    harmless: (f) => [form({ name: `Authz Probe ${f.unique}`, websiteUrl: '', visible: 'false', logo: new File(['not an image'], 'logo.png', { type: 'image/png' }) })],
    writes: partnerWrites,
    notes: 'Allowed callers upload a logo that is not an image, so no partner is added.',
  },
  'lib/partners/actions.ts#updatePartner': {
    allowed: staff,
    probe: (f) => [form({ id: f.partner.id, version: String(f.partner.version), name: `${f.partner.name} (authz)`, websiteUrl: '', visible: 'false' })],
    harmless: (f) => [form({ id: f.partner.id, version: String(staleVersion), name: `${f.partner.name} (authz)`, websiteUrl: '', visible: 'false' })],
    writes: partnerWrites,
  },
  'lib/partners/actions.ts#setPartnerVisibility': {
    allowed: staff,
    probe: (f) => [{ id: f.partner.id, version: f.partner.version, visible: false }],
    harmless: (f) => [{ id: f.partner.id, version: staleVersion, visible: false }],
    writes: partnerWrites,
  },
  'lib/partners/actions.ts#movePartner': { allowed: staff, probe: (f) => [{ id: f.partner.id, direction: 'down' }], harmless: () => [{ id: missingId, direction: 'down' }], writes: partnerWrites },
  'lib/partners/actions.ts#trashPartner': { allowed: staff, probe: (f) => [{ id: f.partner.id }], harmless: () => [{ id: missingId }], writes: partnerWrites },
  'lib/partners/actions.ts#restorePartner': { allowed: staff, probe: (f) => [{ id: f.partner.id }], harmless: () => [{ id: missingId }], writes: partnerWrites },
  'lib/partners/actions.ts#deletePartnerForever': { allowed: adminOnly, probe: (f) => [{ id: f.partner.id }], harmless: () => [{ id: missingId }], writes: partnerWrites },

  // The candidate's own profile, alert settings and saved roles (no id: always the caller's own rows).
  'lib/profile/actions.ts#saveProfile': {
    allowed: signedIn,
    probe: () => [{ name: 'Authz Probe', headline: '', location: '', yearsExperience: null, bio: '', skills: [], targetRoles: [], isPublic: false }],
    writes: ['users', 'candidate_profiles', 'user_skills', 'user_target_roles', 'skills'],
  },
  'lib/profile/actions.ts#saveAlertSettings': { allowed: signedIn, probe: () => [{ frequency: 'weekly', paused: false }], writes: ['candidate_profiles', 'consent_records'] },
  'lib/profile/actions.ts#setRoleSaved': {
    allowed: signedIn,
    probe: (f) => [{ slug: String(f.role.content.slug), saved: true }],
    writes: ['saved_roles'],
  },

  'lib/programs/actions.ts#createProgram': {
    allowed: staff,
    probe: (f) => [{ ...f.program.values, title: `Authz probe ${f.unique}`, slug: `authz-${f.unique}` }],
    harmless: (f) => [{ ...f.program.values, title: `Authz probe ${f.unique}`, slug: `authz-${f.unique}`, roleIds: [missingId] }],
    writes: programWrites,
    notes: 'Allowed callers link a role that does not exist, so no draft is added.',
  },
  'lib/programs/actions.ts#updateProgram': {
    allowed: staff,
    probe: (f) => [{ ...f.program.values, title: `Authz probe ${f.unique}`, id: f.program.id, expectedVersion: f.program.version }],
    harmless: (f) => [{ ...f.program.values, id: f.program.id, expectedVersion: staleVersion }],
    writes: programWrites,
  },
  'lib/programs/actions.ts#publishProgram': { allowed: staff, probe: programCommand, harmless: programStale, writes: programWrites },
  'lib/programs/actions.ts#unpublishProgram': { allowed: staff, probe: programCommand, harmless: programStale, writes: programWrites },
  'lib/programs/actions.ts#archiveProgram': { allowed: staff, probe: programCommand, harmless: programStale, writes: programWrites },
  'lib/programs/actions.ts#deleteProgram': { allowed: staff, probe: programCommand, harmless: programStale, writes: programWrites, notes: 'Moves it to the trash.' },
  'lib/programs/actions.ts#restoreProgram': { allowed: staff, probe: (f) => [{ id: f.program.id }], harmless: () => [{ id: missingId }], writes: programWrites },
  'lib/programs/actions.ts#deleteProgramPermanently': { allowed: adminOnly, probe: (f) => [{ id: f.program.id }], harmless: () => [{ id: missingId }], writes: programWrites },

  'lib/roles/actions.ts#createRoleAction': {
    allowed: staff,
    probe: (f) => [roleContent(f, `authz-${f.unique}`)],
    harmless: (f) => [roleContent(f)],
    writes: roleWrites,
    notes: "Allowed callers reuse an existing role's slug, so no draft is added.",
  },
  'lib/roles/actions.ts#saveRoleAction': {
    allowed: staff,
    probe: (f) => [{ id: f.role.id, expectedVersion: f.role.version, content: { ...roleContent(f), title: `Authz probe ${f.unique}` } }],
    harmless: (f) => [{ id: f.role.id, expectedVersion: staleVersion, content: roleContent(f) }],
    writes: roleWrites,
  },
  'lib/roles/actions.ts#publishRoleAction': { allowed: staff, probe: roleCommand, harmless: roleStale, writes: roleWrites },
  'lib/roles/actions.ts#unpublishRoleAction': { allowed: staff, probe: roleCommand, harmless: roleStale, writes: roleWrites },
  'lib/roles/actions.ts#archiveRoleAction': { allowed: staff, probe: roleCommand, harmless: roleStale, writes: roleWrites },
  'lib/roles/actions.ts#trashRoleAction': { allowed: staff, probe: (f) => [{ id: f.role.id }], harmless: () => [{ id: missingId }], writes: roleWrites },
  'lib/roles/actions.ts#restoreRoleAction': { allowed: staff, probe: (f) => [{ id: f.role.id }], harmless: () => [{ id: missingId }], writes: roleWrites },
  'lib/roles/actions.ts#purgeRoleAction': { allowed: adminOnly, probe: (f) => [{ id: f.role.id }], harmless: () => [{ id: missingId }], writes: roleWrites },
  'lib/roles/actions.ts#restoreRevisionAction': {
    allowed: staff,
    probe: (f) => [{ id: f.role.id, expectedVersion: f.role.version, revisionId: f.role.revisionId }],
    harmless: (f) => [{ id: f.role.id, expectedVersion: staleVersion, revisionId: f.role.revisionId }],
    writes: roleWrites,
  },
  'lib/roles/actions.ts#exitPreviewAction': {
    allowed: everyone,
    probe: () => [],
    writes: [],
    notes: "Only clears the caller's own draft-mode cookie; writes nothing.",
  },

  'lib/site-settings/actions.ts#saveSiteSettingsAction': {
    allowed: adminOnly,
    probe: (f) => [{ settings: { ...siteSettingsDefaults, siteName: `Authz ${f.unique}` }, expectedVersion: f.siteSettingsVersion }],
    harmless: () => [{ settings: siteSettingsDefaults, expectedVersion: staleVersion }],
    writes: ['site_settings', 'audit_log'],
  },

  // Accounts of others: admins only. The probe tries to make another user an admin.
  'lib/users/actions.ts#changeUserRoleAction': { allowed: adminOnly, probe: (f) => [{ userId: f.other.id, role: 'admin', expectedRole: 'candidate' }], harmless: (f) => [{ userId: f.other.id, role: 'admin', expectedRole: 'trainer' }], writes: ['users', 'audit_log'] },
  'lib/users/actions.ts#disableUserAction': { allowed: adminOnly, probe: (f) => [{ userId: f.other.id }], harmless: () => [{ userId: missingId }], writes: ['users', 'audit_log'] },
  'lib/users/actions.ts#enableUserAction': { allowed: adminOnly, probe: (f) => [{ userId: f.other.id }], harmless: () => [{ userId: missingId }], writes: ['users', 'audit_log'] },
}
