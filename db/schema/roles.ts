import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { LocationPremium, Responsibility, Source, Trend } from '@/lib/roles/content'
import { createdAt, tsvector, updatedAt } from './columns'
import { users } from './users'

export const roleStatusValues = ['draft', 'published', 'archived'] as const
export const roleStatus = pgEnum('role_status', roleStatusValues)
export type RoleStatus = (typeof roleStatusValues)[number]

export const roleCategories = pgTable(
  'role_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('role_categories_slug_key').on(t.slug), uniqueIndex('role_categories_name_key').on(t.name)],
)

export const roles = pgTable(
  'roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    // A category in use cannot be deleted out from under its roles.
    categoryId: uuid('category_id')
      .notNull()
      .references(() => roleCategories.id, { onDelete: 'restrict' }),
    summary: text('summary').notNull(),
    overview: text('overview').notNull(),
    status: roleStatus('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** A newer, unpublished draft of a published role (the editable content); the public keeps the columns. */
    draft: jsonb('draft'),

    responsibilities: jsonb('responsibilities').$type<Responsibility[]>().notNull().default([]),
    qualifications: jsonb('qualifications').$type<string[]>().notNull().default([]),
    trends: jsonb('trends').$type<Trend[]>().notNull().default([]),

    // Industry expansion and demand ("market facts").
    growthRatePct: numeric('growth_rate_pct', { precision: 6, scale: 2, mode: 'number' }),
    growthPeriodStart: smallint('growth_period_start'),
    growthPeriodEnd: smallint('growth_period_end'),
    growthDriver: text('growth_driver'),
    entryToSeniorRatio: numeric('entry_to_senior_ratio', { precision: 5, scale: 2, mode: 'number' }),
    demandChangePct: numeric('demand_change_pct', { precision: 6, scale: 2, mode: 'number' }),
    demandChangePeriod: text('demand_change_period'),
    demandHubs: jsonb('demand_hubs').$type<string[]>().notNull().default([]),

    // Salary insights, in whole currency units per year.
    salaryCurrency: text('salary_currency').notNull().default('USD'),
    salaryRegion: text('salary_region').notNull().default('United States'),
    salaryMin: integer('salary_min'),
    salaryAvg: integer('salary_avg'),
    salaryMax: integer('salary_max'),
    salaryMaxOpenEnded: boolean('salary_max_open_ended').notNull().default(false),
    locationPremiums: jsonb('location_premiums').$type<LocationPremium[]>().notNull().default([]),

    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    lastReviewedAt: date('last_reviewed_at', { mode: 'string' }),

    // title (A) > skills (B) > text (C); kept current by triggers on roles, role_skills and skills.
    searchVector: tsvector('search_vector'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('roles_slug_key').on(t.slug),
    index('roles_category_idx').on(t.categoryId),
    index('roles_public_idx').on(t.publishedAt).where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    index('roles_status_idx').on(t.status, t.updatedAt),
    index('roles_salary_avg_idx').on(t.salaryAvg),
    index('roles_growth_idx').on(t.growthRatePct),
    // No pending list (fastupdate): roles change rarely, and every search would scan the unsorted list.
    index('roles_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    // The admin list's orders (and the compare picker's by title), as index scans: an offset
    // walks index entries and only the page's rows are read.
    index('roles_live_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id).where(sql`${t.deletedAt} is null`),
    index('roles_live_title_idx').on(t.title, t.id).where(sql`${t.deletedAt} is null`),
    index('roles_live_status_title_idx').on(t.status, t.title, t.id).where(sql`${t.deletedAt} is null`),
    // The catalogue filtered by category, in its title and salary orders: the page is the first
    // entries of one category's range, and the capped count an index-only scan of it.
    index('roles_public_category_title_idx').on(t.categoryId, t.title, t.id).where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    index('roles_public_category_salary_idx')
      .on(t.categoryId, t.salaryAvg.desc().nullsLast(), t.title, t.id)
      .where(sql`${t.status} = 'published' and ${t.deletedAt} is null`),
    check('roles_slug_chk', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('roles_title_len_chk', sql`char_length(${t.title}) between 2 and 120`),
    check('roles_version_chk', sql`${t.version} >= 1`),
    check('roles_currency_chk', sql`${t.salaryCurrency} ~ '^[A-Z]{3}$'`),
    check(
      'roles_salary_order_chk',
      sql`(${t.salaryMin} is null or ${t.salaryMin} > 0)
        and (${t.salaryMin} is null or ${t.salaryAvg} is null or ${t.salaryMin} <= ${t.salaryAvg})
        and (${t.salaryAvg} is null or ${t.salaryMax} is null or ${t.salaryAvg} <= ${t.salaryMax})
        and (${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax})`,
    ),
    check('roles_growth_chk', sql`${t.growthRatePct} is null or ${t.growthRatePct} between -100 and 1000`),
    check('roles_demand_chk', sql`${t.demandChangePct} is null or ${t.demandChangePct} between -100 and 1000`),
    check('roles_ratio_chk', sql`${t.entryToSeniorRatio} is null or ${t.entryToSeniorRatio} > 0`),
    check(
      'roles_growth_period_chk',
      sql`${t.growthPeriodStart} is null or ${t.growthPeriodEnd} is null or ${t.growthPeriodStart} <= ${t.growthPeriodEnd}`,
    ),
    check('roles_published_chk', sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
  ],
)

export const skills = pgTable(
  'skills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Display name as first written; `slug` is the normalized identity used to de-duplicate.
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('skills_slug_key').on(t.slug),
    uniqueIndex('skills_name_key').on(sql`lower(${t.name})`),
    check('skills_slug_chk', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('skills_name_len_chk', sql`char_length(${t.name}) between 1 and 80`),
  ],
)

export const roleSkills = pgTable(
  'role_skills',
  {
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    // A skill still listed on a role cannot be deleted; remove it from the roles first.
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'restrict' }),
    sharePct: smallint('share_pct').notNull(),
    isEmerging: boolean('is_emerging').notNull().default(false),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roleId, t.skillId] }),
    index('role_skills_skill_idx').on(t.skillId, t.sharePct),
    check('role_skills_share_chk', sql`${t.sharePct} between 0 and 100`),
  ],
)
