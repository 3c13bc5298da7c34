import { z } from 'zod'

/**
 * The fields every public form sends besides its own (see components/forms/form-guard.tsx):
 * an idempotency key and the fill time, both made in the browser when the form is shown (the form
 * pages are cached, so a server-rendered value would be the same for every visitor), and a
 * honeypot that people never see. A bot that fills the honeypot or skips the script is not told.
 */
export const formGuardSchema = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Reload the page and try again.'),
  /** Milliseconds between showing the form and submitting it, measured in the browser. */
  fillMs: z.coerce.number().int().min(0).max(7 * 24 * 60 * 60 * 1000).catch(0),
  /** The honeypot: an input hidden from people and assistive technology. */
  hp: z.string().max(2000).optional().catch('x'),
})
export type FormGuard = z.infer<typeof formGuardSchema>

/** One email address, as typed, checked and lower-cased; no line breaks can reach a header. */
export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'))
  .transform((v) => v.toLowerCase())

/** A single line of text (a name, a company): bounded, no line breaks. */
export const lineField = (label: string, max = 120, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `Enter ${label}.` : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !/[\r\n]/.test(v), 'Use a single line.')

/** Free text, bounded. */
export const textField = (label: string, max = 4000, min = 0) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => v.length >= min, min > 0 ? `Enter ${label} (at least ${min} characters).` : '')
