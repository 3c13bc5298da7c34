import 'server-only'
import type { z } from 'zod'
import { fail, formToObject, invalid, type ActionResult } from './action-result'
import { ForbiddenError, UnauthenticatedError } from './auth/errors'

/**
 * The shared shape of a server action: parse the input with its one zod schema, then run the
 * body (which authorizes through the data layer and writes in one transaction). Refusals from the
 * data layer become typed results; nothing unexpected reaches the client as a 500 with details.
 */
export async function handleAction<S extends z.ZodType, T>(
  input: FormData | unknown,
  schema: S,
  body: (data: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input instanceof FormData ? formToObject(input) : input)
  if (!parsed.success) return invalid(parsed.error)
  try {
    return await body(parsed.data)
  } catch (error) {
    if (error instanceof UnauthenticatedError) return fail(error.message, { code: 'unauthenticated' })
    if (error instanceof ForbiddenError) return fail(error.message, { code: 'forbidden' })
    console.error('server action failed', error)
    return fail('Something went wrong on our side. Nothing was changed; please try again.')
  }
}
