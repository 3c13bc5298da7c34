import type { z } from 'zod'

/** Why a call was refused, for machines (the authorization matrix test); people read `error`. */
export type FailureCode = 'unauthenticated' | 'forbidden'

/** What every server action answers: a typed value, or a message with errors by field. */
export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number; code?: FailureCode }

export const ok = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message })
export const fail = (error: string, extra: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number; code?: FailureCode } = {}): ActionResult<never> => ({
  ok: false,
  error,
  ...extra,
})

export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  return fail('Please correct the highlighted fields.', { fieldErrors })
}

/**
 * FormData as a plain object for zod. Keys ending in `[]` become arrays; anything else keeps its
 * last value. Files are kept as File objects.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue
    if (key.endsWith('[]')) ((out[key.slice(0, -2)] ??= []) as unknown[]).push(value)
    else out[key] = value
  }
  return out
}
