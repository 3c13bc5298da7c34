import 'server-only'
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'
import { env } from '@/lib/env'

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app
 * supports) through otpauth, and single-use recovery codes.
 *
 * The shared secret is stored encrypted with AES-256-GCM under a key derived from the auth
 * secret, so a copy of the database alone does not yield working second factors.
 */
export const totpIssuer = 'SkillsU'
const period = 30
const digits = 6

function key(): Buffer {
  const secret = env.NEXTAUTH_SECRET ?? 'development-only-secret-not-for-production-use'
  return createHash('sha256').update(`totp-secret-key:${secret}`).digest()
}

export function encryptSecret(base32: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split('.')
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown TOTP secret format')
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** A new random 160-bit secret, base32 (what authenticator apps take when typed in). */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(base32: string, label = '') {
  return new TOTP({ issuer: totpIssuer, label, algorithm: 'SHA1', digits, period, secret: Secret.fromBase32(base32) })
}

/** The otpauth:// URI an authenticator app scans. */
export function otpauthUri(base32: string, email: string): string {
  return totp(base32, email).toString()
}

/** The current code for a secret (tests and scripts that sign in as staff use it). */
export function currentCode(base32: string, at = Date.now()): string {
  return totp(base32).generate({ timestamp: at })
}

/**
 * The time step a code belongs to, if it is valid now (one step of clock drift either way is
 * accepted) and later than `lastStep`, so an observed code cannot be replayed; otherwise null.
 */
export function verifyCode(base32: string, code: string, lastStep: number | null, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = totp(base32).validate({ token: code, timestamp: at, window: 1 })
  if (delta === null) return null
  const step = Math.floor(at / 1000 / period) + delta
  if (lastStep !== null && step <= lastStep) return null
  return step
}

export const recoveryCodeCount = 10
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten codes like `k7m2q-9xw4p`: 50 bits each, easy to read out and type. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = randomBytes(10)
    const chars = Array.from(bytes, (b) => recoveryAlphabet[b % recoveryAlphabet.length]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** Recovery codes are compared by hash, ignoring case, spaces and the dash. */
export function normaliseRecoveryCode(code: string): string | null {
  const clean = code.toLowerCase().replace(/[\s-]/g, '')
  return /^[a-z0-9]{10}$/.test(clean) ? clean : null
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code) ?? code).digest('hex')
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
