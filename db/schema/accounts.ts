import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { roles, skills } from './roles'
import { users } from './users'

export const alertFrequencyValues = ['off', 'daily', 'weekly', 'monthly'] as const
export const alertFrequency = pgEnum('alert_frequency', alertFrequencyValues)
export type AlertFrequency = (typeof alertFrequencyValues)[number]

/** A candidate's profile: one row per user, created with the account. */
export const candidateProfiles = pgTable(
  'candidate_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull().default(''),
    location: text('location').notNull().default(''),
    yearsExperience: smallint('years_experience'),
    bio: text('bio').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
    alertFrequency: alertFrequency('alert_frequency').notNull().default('weekly'),
    alertsPausedAt: timestamp('alerts_paused_at', { withTimezone: true }),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('candidate_profiles_years_chk', sql`${t.yearsExperience} is null or ${t.yearsExperience} between 0 and 70`),
    index('candidate_profiles_alerts_idx').on(t.alertFrequency).where(sql`${t.alertsPausedAt} is null`),
  ],
)

export const userSkills = pgTable(
  'user_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] }), index('user_skills_skill_idx').on(t.skillId)],
)

/** Up to five roles a candidate aims for, in their order. */
export const userTargetRoles = pgTable(
  'user_target_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_target_roles_role_idx').on(t.roleId), check('user_target_roles_position_chk', sql`${t.position} between 0 and 4`)],
)

export const savedRoles = pgTable(
  'saved_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('saved_roles_role_idx').on(t.roleId)],
)

export const authTokenKindValues = ['email_verification', 'password_reset', 'email_change'] as const
export const authTokenKind = pgEnum('auth_token_kind', authTokenKindValues)
export type AuthTokenKind = (typeof authTokenKindValues)[number]

/** Single-use tokens sent by email; only their SHA-256 is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: authTokenKind('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The address the token was sent to (the new address for an email change). */
    email: text('email').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('auth_tokens_hash_key').on(t.tokenHash), index('auth_tokens_user_idx').on(t.userId, t.kind)],
)

export const emailStatusValues = ['queued', 'sending', 'sent', 'failed', 'held'] as const
export const emailStatus = pgEnum('email_status', emailStatusValues)

/** Mail written in the same transaction as the change that causes it; a sender delivers it later. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: emailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** Which sender holds the claim (host:pid:random), so it can release exactly its own batch. */
    leaseOwner: text('lease_owner'),
    /** Our Message-ID: the same on every attempt, so receivers can drop a repeated delivery. */
    messageId: text('message_id').notNull(),
    /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post for marketing email). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** transactional (account, forms) or marketing (newsletter, digests: one-click unsubscribe). */
    category: text('category').notNull().default('transactional'),
    /** What the SMTP server answered when it accepted the message (its queue id). */
    providerResponse: text('provider_response'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Bodies of sent mail are purged after the retention period; metadata stays. */
    bodyPurgedAt: timestamp('body_purged_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.sendAfter).where(sql`${t.status} in ('queued', 'sending')`),
    index('email_outbox_to_idx').on(t.toAddress),
    check('email_outbox_to_chk', sql`${t.toAddress} = lower(${t.toAddress}) and position(E'\\n' in ${t.toAddress}) = 0`),
    index('email_outbox_status_idx').on(t.status, t.createdAt),
    check('email_outbox_category_chk', sql`${t.category} in ('transactional', 'marketing')`),
    check('email_outbox_subject_chk', sql`position(E'\\n' in ${t.subject}) = 0 and position(E'\\r' in ${t.subject}) = 0`),
  ],
)

/** Counters for rate limits (rate-limiter-flexible's Drizzle store). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
})

