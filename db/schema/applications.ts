import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { media } from './media'
import { roles, skills } from './roles'
import { users } from './users'

export const applicationStatusValues = ['submitted', 'screening', 'interview', 'accepted', 'rejected', 'withdrawn'] as const
export const applicationStatus = pgEnum('application_status', applicationStatusValues)
export type ApplicationStatus = (typeof applicationStatusValues)[number]

export const trainerOfferValues = ['training', 'coaching', 'consulting'] as const

/**
 * A trainer's, coach's or consultant's application to join the network. The applicant is always a
 * signed-in user (so they can follow it); one open application per user at a time (partial unique
 * index), and a new one only 90 days after a rejection (checked in lib/applications/data.ts).
 */
export const trainerApplications = pgTable(
  'trainer_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: applicationStatus('status').notNull().default('submitted'),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text('country').notNull(),
    languages: text('languages').array().notNull(),
    offers: text('offers').array().notNull(),
    yearsExperience: smallint('years_experience').notNull(),
    headline: text('headline').notNull(),
    bio: text('bio').notNull(),
    linkedinUrl: text('linkedin_url'),
    websiteUrl: text('website_url'),
    motivation: text('motivation').notNull(),
    availability: text('availability').notNull(),
    cvMediaId: uuid('cv_media_id').references(() => media.id, { onDelete: 'set null' }),
    cvFileName: text('cv_file_name'),
    /** Bumped by every status change, note-free: an admin's move from a stale page is refused. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('trainer_applications_one_open_key').on(t.userId).where(sql`${t.status} in ('submitted', 'screening', 'interview')`),
    index('trainer_applications_user_idx').on(t.userId, t.submittedAt),
    index('trainer_applications_status_idx').on(t.status, t.submittedAt),
    index('trainer_applications_country_idx').on(t.country),
    check('trainer_applications_email_chk', sql`${t.email} = lower(${t.email}) and ${t.email} !~ '[\\r\\n]'`),
    check('trainer_applications_country_chk', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('trainer_applications_years_chk', sql`${t.yearsExperience} between 0 and 60`),
    check('trainer_applications_offers_chk', sql`cardinality(${t.offers}) between 1 and 3 and ${t.offers} <@ array['training', 'coaching', 'consulting']`),
    check('trainer_applications_urls_chk', sql`(${t.linkedinUrl} is null or ${t.linkedinUrl} ~ '^https://') and (${t.websiteUrl} is null or ${t.websiteUrl} ~ '^https://')`),
  ],
)

export const applicationSkills = pgTable(
  'application_skills',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trainerApplications.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.skillId] }), index('application_skills_skill_idx').on(t.skillId)],
)

export const applicationRoles = pgTable(
  'application_roles',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trainerApplications.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.roleId] }), index('application_roles_role_idx').on(t.roleId)],
)

/** Every status change, for the applicant's timeline and the reviewers' history. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trainerApplications.id, { onDelete: 'cascade' }),
    fromStatus: applicationStatus('from_status'),
    toStatus: applicationStatus('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.createdAt)],
)

/** Reviewers' notes: internal, never shown to the applicant. */
export const applicationNotes = pgTable(
  'application_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trainerApplications.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('application_notes_application_idx').on(t.applicationId, t.createdAt), check('application_notes_body_chk', sql`char_length(${t.body}) between 1 and 4000`)],
)

/** One score card per reviewer and application (1-5 on each axis); saving again replaces it. */
export const applicationScores = pgTable(
  'application_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => trainerApplications.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expertise: smallint('expertise').notNull(),
    communication: smallint('communication').notNull(),
    fit: smallint('fit').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.reviewerId] }),
    check('application_scores_range_chk', sql`${t.expertise} between 1 and 5 and ${t.communication} between 1 and 5 and ${t.fit} between 1 and 5`),
  ],
)

/** The public trainer card of an accepted applicant (name from users, headline and skills here). */
export const trainerProfiles = pgTable('trainer_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  applicationId: uuid('application_id').references(() => trainerApplications.id, { onDelete: 'set null' }),
  headline: text('headline').notNull(),
  visible: boolean('visible').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const trainerSkills = pgTable(
  'trainer_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => trainerProfiles.userId, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] }), index('trainer_skills_skill_idx').on(t.skillId)],
)

/**
 * Editable email templates (decision emails and the like), keyed by name. `{{name}}`-style
 * placeholders are filled and escaped by lib/email/templates.ts.
 */
export const emailTemplates = pgTable('email_templates', {
  key: text('key').primaryKey(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
})
