import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'

export const userRoleValues = ['candidate', 'trainer', 'editor', 'admin'] as const
export const userRole = pgEnum('user_role', userRoleValues)
export type UserRole = (typeof userRoleValues)[number]

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Always stored lower-cased (see the check); the unique index makes one account per address.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('candidate'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    // Bumped to end every session issued before (sign out everywhere, password change).
    sessionVersion: integer('session_version').notNull().default(1),
    // Two-factor sign-in (TOTP). Secrets are stored encrypted (lib/auth/totp.ts). A pending
    // secret is one shown for enrolment and not yet confirmed with a code.
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last time step whose code was accepted: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_role_idx').on(t.role),
    check('users_email_lower_chk', sql`${t.email} = lower(${t.email})`),
    check('users_email_len_chk', sql`char_length(${t.email}) between 3 and 254`),
    check('users_session_version_chk', sql`${t.sessionVersion} >= 1`),
  ],
)

/** Single-use recovery codes for two-factor sign-in, stored as SHA-256 hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_key').on(t.userId, t.codeHash)],
)
