import { z } from 'zod'

/** OWASP ASVS: at least 8 characters, at most 128 here, no composition rules. */
export const minPasswordLength = 8
export const recommendedPasswordLength = 12
export const maxPasswordLength = 128

export const emailSchema = z
  .string({ error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'That email address is too long')
  .pipe(z.email('Enter a valid email address'))
  .transform((e) => e.toLowerCase())

export const newPasswordSchema = z
  .string({ error: 'Choose a password' })
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters (${recommendedPasswordLength} or more is better)`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters`)

export const nameSchema = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(100, 'Use at most 100 characters')
  .refine((n) => !/[\u0000-\u001f<>]/.test(n), 'Letters, spaces and punctuation only')

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  role: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80)
    .optional()
    .or(z.literal('').transform(() => undefined)),
})
export type SignUpInput = z.input<typeof signUpSchema>

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(1024),
  /** The authenticator code or a recovery code, asked for once the password was right. */
  code: z.string().trim().max(32, 'Enter the 6-digit code or a recovery code').optional(),
})
export type SignInInput = z.input<typeof signInSchema>

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'This link is not valid')

export const resetPasswordSchema = z
  .object({ token: tokenSchema, password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' })

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password').max(1024), password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' })

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: z.string().min(1, 'Enter your current password').max(1024) })

/** Only a same-origin path may be a post-sign-in destination: never `//host`, `/\host` or a URL. */
export function safeCallbackPath(value: string | null | undefined, fallback = '/dashboard'): string {
  if (!value || typeof value !== 'string') return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\\]/.test(value)) return fallback
  try {
    const url = new URL(value, 'http://same.origin')
    if (url.origin !== 'http://same.origin') return fallback
    return url.pathname + url.search + url.hash
  } catch {
    return fallback
  }
}
