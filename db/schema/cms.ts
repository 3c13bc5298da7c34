import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { partners } from './partners'
import { roles, skills } from './roles'
import { users } from './users'

/**
 * Every saved state of a role's content (the editor's snapshot), so nothing is ever overwritten:
 * list, compare, restore. `content` holds the whole editable content (lib/roles/schema.ts).
 */
export const roleRevisions = pgTable(
  'role_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    /** The role's version this revision produced. */
    version: integer('version').notNull(),
    action: text('action').notNull(),
    content: jsonb('content').notNull(),
    /** Kept forever when true (pruning keeps the last 100 plus every published one). */
    published: boolean('published').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('role_revisions_role_idx').on(t.roleId, t.version), check('role_revisions_action_chk', sql`${t.action} in ('create', 'save', 'publish', 'restore', 'unpublish', 'archive')`)],
)

/** Old slugs of renamed roles; the public site redirects them (308) to the current slug. */
export const roleSlugHistory = pgTable(
  'role_slug_history',
  {
    slug: text('slug').primaryKey(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('role_slug_history_role_idx').on(t.roleId)],
)

export const contentStatusValues = ['draft', 'published', 'archived'] as const
export const employmentTypeValues = ['full_time', 'part_time', 'contract', 'internship', 'temporary'] as const
export const employmentType = pgEnum('employment_type', employmentTypeValues)

/** "The latest career opportunities" emailed to candidates and listed on role pages. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    companyName: text('company_name').notNull().default(''),
    roleId: uuid('role_id').references(() => roles.id, { onDelete: 'set null' }),
    location: text('location').notNull().default(''),
    remote: boolean('remote').notNull().default(false),
    employmentType: employmentType('employment_type').notNull().default('full_time'),
    description: text('description').notNull().default(''),
    applyUrl: text('apply_url').notNull(),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('opportunities_public_idx').on(t.publishedAt).where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    index('opportunities_role_idx').on(t.roleId),
    check('opportunities_status_chk', sql`${t.status} in ('draft', 'published', 'archived')`),
    check('opportunities_apply_url_chk', sql`${t.applyUrl} ~ '^https://'`),
    check('opportunities_company_chk', sql`${t.partnerId} is not null or char_length(${t.companyName}) > 0`),
    check('opportunities_dates_chk', sql`${t.expiresAt} is null or ${t.publishedAt} is null or ${t.expiresAt} > ${t.publishedAt}`),
  ],
)

export const programFormatValues = ['course', 'bootcamp', 'coaching', 'workshop'] as const
export const programFormat = pgEnum('program_format', programFormatValues)
export const programLevelValues = ['beginner', 'intermediate', 'advanced', 'all_levels'] as const
export const programLevel = pgEnum('program_level', programLevelValues)

/** Training and coaching programs ("All of our programs"). */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    format: programFormat('format').notNull().default('course'),
    duration: text('duration').notNull().default(''),
    level: programLevel('level').notNull().default('all_levels'),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programs_slug_key').on(t.slug),
    index('programs_public_idx').on(t.title).where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    check('programs_status_chk', sql`${t.status} in ('draft', 'published', 'archived')`),
    check('programs_slug_chk', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
)

export const programRoles = pgTable(
  'program_roles',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.roleId] }), index('program_roles_role_idx').on(t.roleId)],
)

export const programSkills = pgTable(
  'program_skills',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.skillId] }), index('program_skills_skill_idx').on(t.skillId)],
)

/** One row of editable site-wide settings (id is always 1), versioned like content. */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: smallint('id').primaryKey().default(1),
    content: jsonb('content').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [check('site_settings_single_row_chk', sql`${t.id} = 1`)],
)

