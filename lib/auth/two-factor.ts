import 'server-only'
import { and, count, eq, isNull, sql } from 'drizzle-orm'
import QRCode from 'qrcode'
import { db, type Executor } from '@/db'
import { recoveryCodes, users } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail, siteLink } from '@/lib/email/templates'
import { requireRole, requireUser, type CurrentUser } from './session'
import { staffRoles } from './staff-roles'
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newSecret, otpauthUri, verifyCode } from './totp'

/**
 * Two-factor sign-in: enrolment (a pending secret confirmed with a code), recovery codes, and
 * an admin's reset of another person's second factor. Every change is audited; enrolment and
 * resets end the person's other sessions.
 */

export interface TwoFactorStatusDto {
  enabled: boolean
  required: boolean
  recoveryCodesLeft: number
}

export interface EnrolmentDto {
  secret: string
  uri: string
  /** The QR code as an SVG path over a square of `size` modules (drawn by the page, no markup passed). */
  qr: { size: number; path: string }
}

export type TwoFactorResult<T> = { ok: true; data: T } | { ok: false; error: string; field?: 'code' }

const wrongCode = 'That code is not right, or it was already used. Wait for the next code and try again.'

export async function getTwoFactorStatus(): Promise<TwoFactorStatusDto> {
  const user = await requireUser()
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
  return { enabled: user.totpEnabled, required: staffRoles.includes(user.role), recoveryCodesLeft: left?.n ?? 0 }
}

function qrPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const parts: string[] = []
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) parts.push(`M${x} ${y}h1v1h-1z`)
  }
  return { size: modules.size, path: parts.join('') }
}

/** A new secret to scan, kept as pending until a code from it is confirmed. Replaces an earlier pending one. */
export async function beginEnrolment(): Promise<TwoFactorResult<EnrolmentDto>> {
  const user = await requireUser()
  if (user.totpEnabled) return { ok: false, error: 'Two-factor sign-in is already on for your account.' }
  const secret = newSecret()
  await db.update(users).set({ totpPendingSecret: encryptSecret(secret), updatedAt: sql`now()` }).where(eq(users.id, user.id))
  const uri = otpauthUri(secret, user.email)
  return { ok: true, data: { secret, uri, qr: qrPath(uri) } }
}

async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes()
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })))
  return codes
}

/**
 * Confirms the pending secret with a code from it: two-factor sign-in is on, every other session
 * ends (the caller re-issues this one, with its second factor), and ten recovery codes are made,
 * shown once.
 */
export async function confirmEnrolment(code: string, ip?: string): Promise<TwoFactorResult<{ recoveryCodes: string[]; sessionVersion: number }>> {
  const user = await requireUser()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update')
    if (row?.enabledAt) return { ok: false, error: 'Two-factor sign-in is already on for your account.' }
    if (!row?.pending) return { ok: false, error: 'Start the set-up again: scan a new code.' }
    const step = verifyCode(decryptSecret(row.pending), code, null)
    if (step === null) return { ok: false, field: 'code', error: wrongCode }
    const [updated] = await tx
      .update(users)
      .set({
        totpSecret: row.pending,
        totpPendingSecret: null,
        totpEnabledAt: sql`now()`,
        totpLastStep: step,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion })
    const codes = await replaceRecoveryCodes(tx, user.id)
    await writeAudit(tx, { actorId: user.id, action: 'auth.totp_enable', entityType: 'user', entityId: user.id, after: { recoveryCodes: codes.length }, ip })
    return { ok: true, data: { recoveryCodes: codes, sessionVersion: updated!.sessionVersion } }
  })
}

/** Checks a current code for the signed-in user (and uses up its time step). */
async function checkCurrentCode(tx: Executor, user: CurrentUser, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ secret: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, user.id))
    .for('update')
  if (!row?.secret) return false
  const step = verifyCode(decryptSecret(row.secret), code, row.lastStep)
  if (step === null) return false
  await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id))
  return true
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export async function regenerateRecoveryCodes(code: string, ip?: string): Promise<TwoFactorResult<{ recoveryCodes: string[] }>> {
  const user = await requireUser()
  if (!user.totpEnabled) return { ok: false, error: 'Turn on two-factor sign-in first.' }
  return db.transaction(async (tx) => {
    if (!(await checkCurrentCode(tx, user, code))) return { ok: false, field: 'code', error: wrongCode }
    const codes = await replaceRecoveryCodes(tx, user.id)
    await writeAudit(tx, { actorId: user.id, action: 'auth.recovery_codes_regenerate', entityType: 'user', entityId: user.id, ip })
    return { ok: true, data: { recoveryCodes: codes } }
  })
}

/** Turns two-factor sign-in off: only for accounts that do not need it (staff always do). */
export async function disableTwoFactor(code: string, ip?: string): Promise<TwoFactorResult<null>> {
  const user = await requireUser()
  if (staffRoles.includes(user.role)) return { ok: false, error: 'Staff accounts must keep two-factor sign-in. Lost your device? Ask another admin to reset it.' }
  if (!user.totpEnabled) return { ok: true, data: null }
  return db.transaction(async (tx) => {
    if (!(await checkCurrentCode(tx, user, code))) return { ok: false, field: 'code', error: wrongCode }
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: sql`now()` })
      .where(eq(users.id, user.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    await writeAudit(tx, { actorId: user.id, action: 'auth.totp_disable', entityType: 'user', entityId: user.id, ip })
    return { ok: true, data: null }
  })
}

/**
 * An admin clears another person's second factor (a lost device): their sessions end, they set
 * it up again at their next sign-in, and they get an email saying so. Admins cannot reset their
 * own: they use a recovery code or ask another admin.
 */
export async function resetTwoFactor(userId: string, ip?: string): Promise<TwoFactorResult<{ changed: boolean }>> {
  const admin = await requireRole('admin')
  if (userId === admin.id) return { ok: false, error: 'You cannot reset your own two-factor sign-in: use a recovery code, or ask another admin.' }
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, email: users.email, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
    if (!target) return { ok: false, error: 'This user no longer exists.' }
    if (!target.enabledAt) return { ok: true, data: { changed: false } }
    await tx
      .update(users)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, target.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, target.id))
    await writeAudit(tx, { actorId: admin.id, action: 'user.totp_reset', entityType: 'user', entityId: target.id, before: { totp: true }, after: { totp: false, sessionsEnded: true }, ip })
    const mail = renderEmail({
      heading: 'Your two-factor sign-in was reset',
      paragraphs: [
        `An administrator (${admin.name}) reset the two-factor sign-in of your SkillsU account, and every session of yours was signed out.`,
        'Sign in with your password and set up your authenticator app again. If you did not ask for this, tell your administrator at once.',
      ],
      action: { label: 'Sign in', url: siteLink('/login') },
      reason: 'You get this email because a security setting of your account changed.',
    })
    await enqueueEmail(tx, { to: target.email, userId: target.id, kind: 'totp-reset', subject: 'Your two-factor sign-in was reset', text: mail.text, html: mail.html })
    return { ok: true, data: { changed: true } }
  })
}
