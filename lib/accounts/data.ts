import 'server-only'
import { and, eq, inArray, isNull, like, or, sql } from 'drizzle-orm'
import { db, queryRows } from '@/db'
import { authTokens, candidateProfiles, emailOutbox, media, newsletterSubscribers, rateLimits, roles, savedRoles, trainerApplications, userSkills, userTargetRoles, users } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { isCommonPassword } from '@/lib/auth/password-policy'
import type { CurrentUser } from '@/lib/auth/session'
import { consumeToken, issueToken } from '@/lib/auth/tokens'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail, siteLink } from '@/lib/email/templates'
import { consentHistory, recordConsent } from '@/lib/privacy/consent-records'

export type AccountResult = { ok: true } | { ok: false; field?: string; error: string }
const commonPasswordError = { ok: false as const, field: 'password', error: 'That password is too common; choose one that is harder to guess' }

async function queueVerification(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], userId: string, email: string, name: string) {
  const token = await issueToken(tx, userId, 'email_verification', email)
  await enqueueEmail(tx, {
    to: email,
    userId,
    kind: 'email_verification',
    subject: 'Confirm your email address',
    ...renderEmail({
      heading: `Welcome to SkillsU, ${name}`,
      paragraphs: ['Confirm your email address to receive career opportunities and to be able to reset your password.', 'The link works for 7 days.'],
      action: { label: 'Confirm my email', url: siteLink(`/verify-email?token=${token}`) },
      reason: 'You receive this email because an account was created with this address.',
    }),
  })
}

/**
 * Creates a candidate account. The answer is the same whether or not the address already has an
 * account (no enumeration): an existing owner gets an email instead, and nothing of theirs changes.
 */
export async function createAccount(input: { name: string; email: string; password: string; role?: string }): Promise<AccountResult> {
  if (isCommonPassword(input.password)) return commonPasswordError
  const passwordHash = await hashPassword(input.password)
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash, role: 'candidate' })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })
    if (!created) {
      await enqueueEmail(tx, {
        to: input.email,
        kind: 'signup_existing',
        subject: 'Someone tried to create an account with your address',
        ...renderEmail({
          heading: 'You already have a SkillsU account',
          paragraphs: ['Someone (perhaps you) tried to create a new account with this address. Your account is unchanged.', 'If it was you, sign in, or reset your password if you have forgotten it.'],
          action: { label: 'Sign in', url: siteLink('/login') },
          reason: 'You receive this email because your address is registered with SkillsU.',
        }),
      })
      return
    }
    await tx.insert(candidateProfiles).values({ userId: created.id })
    if (input.role) {
      const [role] = await tx
        .select({ id: roles.id })
        .from(roles)
        .where(and(eq(roles.slug, input.role), eq(roles.status, 'published'), isNull(roles.deletedAt)))
      if (role) await tx.insert(userTargetRoles).values({ userId: created.id, roleId: role.id, position: 0 })
    }
    await queueVerification(tx, created.id, input.email, input.name)
    // Alerts start weekly (the profile's default): the sign-up form shows that wording and the terms line.
    await recordConsent(tx, { source: 'signup-alerts', email: input.email, userId: created.id })
    await recordConsent(tx, { source: 'signup-terms', email: input.email, userId: created.id })
    await writeAudit(tx, { actorId: created.id, action: 'user.signup', entityType: 'user', entityId: created.id })
  })
  return { ok: true }
}

/** Mails a reset link when the address has an active account; answers the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email))
    if (!user || user.disabledAt) return
    const token = await issueToken(tx, user.id, 'password_reset', email)
    await enqueueEmail(tx, {
      to: email,
      userId: user.id,
      kind: 'password_reset',
      subject: 'Reset your SkillsU password',
      ...renderEmail({
        heading: 'Reset your password',
        paragraphs: ['Use the button below to choose a new password. The link works once, for one hour.', 'If you did not ask for this, ignore this email; your password stays the same.'],
        action: { label: 'Choose a new password', url: siteLink(`/reset-password?token=${token}`) },
        reason: 'You receive this email because a password reset was requested for your account.',
      }),
    })
  })
}

/** Sets a new password from a reset link; every session ends (the session version moves on). */
export async function resetPassword(token: string, password: string): Promise<AccountResult> {
  if (isCommonPassword(password)) return commonPasswordError
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, token, 'password_reset')
    if (!used) return { ok: false, field: 'token', error: 'This link has expired or was already used. Ask for a new one.' }
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, used.userId))
    // Any other reset link sent earlier stops working too.
    await tx
      .update(authTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(authTokens.userId, used.userId), eq(authTokens.kind, 'password_reset'), isNull(authTokens.usedAt)))
    await writeAudit(tx, { actorId: used.userId, action: 'user.password_reset', entityType: 'user', entityId: used.userId })
    return { ok: true }
  })
}

/** Confirms an address from a verification or email-change link. */
export async function verifyEmailToken(token: string): Promise<AccountResult & { email?: string }> {
  return db.transaction(async (tx) => {
    const verification = await consumeToken(tx, token, 'email_verification')
    if (verification) {
      await tx
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
        .where(and(eq(users.id, verification.userId), eq(users.email, verification.email)))
      return { ok: true, email: verification.email }
    }
    const change = await consumeToken(tx, token, 'email_change')
    if (change) {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, change.email))
      if (taken && taken.id !== change.userId) return { ok: false, error: 'That address now belongs to another account.' }
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, change.userId))
      await tx.update(users).set({ email: change.email, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, change.userId))
      await writeAudit(tx, { actorId: change.userId, action: 'user.email_changed', entityType: 'user', entityId: change.userId, before: { email: before?.email }, after: { email: change.email } })
      return { ok: true, email: change.email }
    }
    return { ok: false, error: 'This link has expired or was already used.' }
  })
}

/** Sends a new verification link; false when the address is already confirmed. */
export async function resendVerification(user: CurrentUser): Promise<boolean> {
  if (user.emailVerified) return false
  await db.transaction((tx) => queueVerification(tx, user.id, user.email, user.name))
  return true
}

async function checkCurrentPassword(userId: string, password: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId))
  return !!row?.hash && (await verifyPassword(row.hash, password))
}

/** Changes the password; returns the new session version so the caller's own session can continue. */
export async function changePassword(user: CurrentUser, currentPassword: string, password: string): Promise<AccountResult & { sessionVersion?: number }> {
  if (!(await checkCurrentPassword(user.id, currentPassword))) return { ok: false, field: 'currentPassword', error: 'Your current password is not correct' }
  if (isCommonPassword(password)) return commonPasswordError
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, user.id), eq(users.sessionVersion, user.sessionVersion)))
      .returning({ sessionVersion: users.sessionVersion })
    if (!row) return { ok: false, error: 'Your session has changed; please sign in again.' }
    await writeAudit(tx, { actorId: user.id, action: 'user.password_changed', entityType: 'user', entityId: user.id })
    return { ok: true, sessionVersion: row.sessionVersion }
  })
}

/** Sends a confirmation link to the new address; the change happens when it is followed. */
export async function requestEmailChange(user: CurrentUser, email: string, currentPassword: string): Promise<AccountResult> {
  if (!(await checkCurrentPassword(user.id, currentPassword))) return { ok: false, field: 'currentPassword', error: 'Your current password is not correct' }
  if (email === user.email) return { ok: false, field: 'email', error: 'That is already your address' }
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'email_change', email)
    await enqueueEmail(tx, {
      to: email,
      userId: user.id,
      kind: 'email_change',
      subject: 'Confirm your new email address',
      ...renderEmail({
        heading: 'Confirm your new address',
        paragraphs: [`Follow the link to use ${email} for your SkillsU account. The link works for 24 hours.`],
        action: { label: 'Confirm my new address', url: siteLink(`/verify-email?token=${token}`) },
        reason: 'You receive this email because someone asked to move a SkillsU account to this address.',
      }),
    })
    await enqueueEmail(tx, {
      to: user.email,
      userId: user.id,
      kind: 'email_change_notice',
      subject: 'Your SkillsU email address is changing',
      ...renderEmail({
        heading: 'Your email address is changing',
        paragraphs: ['Someone signed in to your account asked to change its email address. If it was not you, change your password now.'],
        action: { label: 'Open settings', url: siteLink('/dashboard/settings') },
        reason: 'You receive this email because it concerns the security of your account.',
      }),
    })
  })
  return { ok: true }
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(user: CurrentUser): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id))
    await writeAudit(tx, { actorId: user.id, action: 'user.signed_out_everywhere', entityType: 'user', entityId: user.id })
  })
}

/**
 * Deletes the account and everything personal tied to it or to its address: profile, skills,
 * targets, saved roles and trainer applications (cascade) with their CV files, tokens, mail to the
 * address, the newsletter subscription; audit rows keep what happened but lose the actor and any
 * copy of the address.
 */
export async function deleteAccount(user: CurrentUser, confirmEmail: string): Promise<AccountResult> {
  if (confirmEmail.trim().toLowerCase() !== user.email) return { ok: false, field: 'confirmEmail', error: 'Type your email address exactly to confirm' }
  await db.transaction(async (tx) => {
    // Every address the account has used: the current one, earlier ones, and pending changes.
    const earlier = await queryRows<{ email: string }>(
      tx,
      sql`select before->>'email' as email from audit_log where entity_type = 'user' and entity_id = ${user.id} and before ? 'email'
          union select email from ${authTokens} where user_id = ${user.id}`,
    )
    const addresses = [...new Set([user.email, ...earlier.map((r) => r.email).filter(Boolean)])]
    await tx.delete(emailOutbox).where(or(eq(emailOutbox.userId, user.id), inArray(emailOutbox.toAddress, addresses)))
    await tx.delete(newsletterSubscribers).where(inArray(newsletterSubscribers.email, addresses))
    const cvs = await tx.select({ id: trainerApplications.cvMediaId }).from(trainerApplications).where(eq(trainerApplications.userId, user.id))
    const cvIds = cvs.map((r) => r.id).filter((id): id is string => !!id)
    if (cvIds.length) await tx.delete(media).where(inArray(media.id, cvIds))
    for (const address of addresses) {
      await tx.delete(rateLimits).where(like(rateLimits.key, `%${address.replace(/[%_\\]/g, '\\$&')}%`))
      // Addresses hold no JSON-special characters, so a text replacement keeps the JSON valid.
      for (const column of ['before', 'after'] as const) {
        await tx.execute(sql`update audit_log set ${sql.raw(column)} = replace(${sql.raw(column)}::text, ${address}, '[deleted]')::jsonb
                             where strpos(${sql.raw(column)}::text, ${address}) > 0`)
      }
    }
    // The name is replaced only where it is a whole JSON value in a row about this user.
    for (const column of ['before', 'after'] as const) {
      await tx.execute(sql`update audit_log set ${sql.raw(column)} = replace(${sql.raw(column)}::text, to_jsonb(${user.name}::text)::text, '"[deleted]"')::jsonb
                           where (entity_id = ${user.id} or actor_id = ${user.id}) and strpos(${sql.raw(column)}::text, to_jsonb(${user.name}::text)::text) > 0`)
    }
    await tx.delete(users).where(eq(users.id, user.id))
    await writeAudit(tx, { actorId: null, action: 'user.deleted', entityType: 'user', entityId: user.id })
  })
  return { ok: true }
}

/** Everything the platform holds about the user, as they may download it. */
export async function exportAccountData(user: CurrentUser) {
  const [account] = await db
    .select({ name: users.name, email: users.email, role: users.role, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, user.id))
  const [profile] = await db
    .select({
      headline: candidateProfiles.headline,
      location: candidateProfiles.location,
      yearsExperience: candidateProfiles.yearsExperience,
      bio: candidateProfiles.bio,
      isPublic: candidateProfiles.isPublic,
      alertFrequency: candidateProfiles.alertFrequency,
      alertsPausedAt: candidateProfiles.alertsPausedAt,
    })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.userId, user.id))
  const skillRows = await queryRows<{ name: string }>(db, sql`select s.name from ${userSkills} us join skills s on s.id = us.skill_id where us.user_id = ${user.id} order by s.name`)
  const targets = await queryRows<{ slug: string; title: string }>(db, sql`select r.slug, r.title from ${userTargetRoles} t join roles r on r.id = t.role_id where t.user_id = ${user.id} order by t.position`)
  const saved = await queryRows<{ slug: string; title: string; saved_at: string }>(db, sql`select r.slug, r.title, s.created_at as saved_at from ${savedRoles} s join roles r on r.id = s.role_id where s.user_id = ${user.id} order by s.created_at`)
  const applications = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.status, a.full_name, a.email, a.country, a.languages, a.offers, a.years_experience, a.headline, a.bio,
               a.linkedin_url, a.website_url, a.motivation, a.availability, a.cv_file_name, a.submitted_at, a.decided_at,
               coalesce((select array_agg(s.name order by s.name) from application_skills x join skills s on s.id = x.skill_id where x.application_id = a.id), '{}') as skills,
               coalesce((select array_agg(r.title order by r.title) from application_roles x join roles r on r.id = x.role_id where x.application_id = a.id), '{}') as roles,
               coalesce((select json_agg(json_build_object('status', e.to_status, 'at', e.created_at) order by e.created_at) from application_events e where e.application_id = a.id), '[]') as timeline
        from ${trainerApplications} a where a.user_id = ${user.id} order by a.submitted_at`,
  )
  const [newsletter] = await db
    .select({
      status: newsletterSubscribers.status,
      source: newsletterSubscribers.source,
      createdAt: newsletterSubscribers.createdAt,
      confirmedAt: newsletterSubscribers.confirmedAt,
      unsubscribedAt: newsletterSubscribers.unsubscribedAt,
    })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.email, account!.email))
  return {
    exportedAt: new Date().toISOString(),
    account,
    profile: profile ? { ...profile, skills: skillRows.map((s) => s.name), targetRoles: targets } : null,
    savedRoles: saved,
    alerts: profile ? { frequency: profile.alertFrequency, pausedAt: profile.alertsPausedAt } : null,
    // Reviewers' internal notes and scores are not the applicant's data to download.
    trainerApplications: applications,
    newsletter: newsletter ?? null,
    // What they agreed to or withdrew (newsletter, alerts, terms): when, on which form, the wording shown.
    consents: await consentHistory(db, { userId: user.id, email: account!.email }),
  }
}
