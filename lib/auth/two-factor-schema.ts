import { z } from 'zod'

/** A code from the authenticator app: six digits (spaces allowed, as apps show "123 456"). */
export const totpCodeSchema = z
  .string({ error: 'Enter the 6-digit code from your app' })
  .transform((c) => c.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app'))

export const confirmTwoFactorSchema = z.object({ code: totpCodeSchema })
export const regenerateRecoveryCodesSchema = z.object({ code: totpCodeSchema })
export const disableTwoFactorSchema = z.object({ code: totpCodeSchema })
export const resetTwoFactorSchema = z.object({ userId: z.uuid('Choose a user') })
