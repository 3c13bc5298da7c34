'use client'

import { useActionState, useEffect, useRef, useState } from 'react'
import { Honeypot, useFormGuard } from '@/components/forms/form-guard'
import { buttonClasses, controlClasses } from '@/components/ui/classes'
import { subscribeToNewsletter } from '@/lib/newsletter/actions'
import type { NewsletterSource, SubscribeState } from '@/lib/newsletter/schema'

/**
 * The form's classes for each tone, as plain strings in this module (no class-merging code in the
 * browser, and no list of classes in every page's payload). None of the parts conflict.
 */
function formClasses(tone: 'light' | 'dark', className = '') {
  const dark = tone === 'dark'
  const extra = className ? ` ${className}` : ''
  return {
    form: `relative flex w-full flex-col gap-3${extra}`,
    done: `flex flex-col items-start gap-3${extra}`,
    label: `text-sm leading-6 font-medium ${dark ? 'text-white' : 'text-ink-900'}`,
    input: `${controlClasses} min-h-11 sm:flex-1`,
    submit: `${buttonClasses()} shrink-0`,
    again: dark ? `${buttonClasses({ variant: 'outline', size: 'sm' })} border-white/30 bg-transparent text-white hover:bg-white/10 active:bg-white/15` : buttonClasses({ variant: 'ghost', size: 'sm' }),
    error: `text-sm font-medium ${dark ? 'text-danger-200' : 'text-danger-700'}`,
    note: `text-sm leading-6 ${dark ? 'text-ink-300' : 'text-ink-600'}`,
  }
}

const messageClasses = {
  ok: 'rounded-lg border border-success-200 bg-success-50 px-4 py-3 text-sm text-success-800',
  error: 'rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 text-sm text-danger-800',
}

/**
 * The sign-up form itself (see newsletter-form.tsx). With JavaScript, the guard's key and fill time
 * are made in the browser and written into hidden fields as the form is sent; without it, the
 * server answers the first submit with a ticket that the second one carries instead.
 */
export function NewsletterFormFields({ source, tone, className, footnote }: { source: NewsletterSource; tone: 'light' | 'dark'; className?: string; footnote?: React.ReactNode }) {
  const classes = formClasses(tone, className)
  const [state, formAction, pending] = useActionState<SubscribeState | null, FormData>(subscribeToNewsletter, null)
  const guard = useFormGuard()
  const keyInput = useRef<HTMLInputElement>(null)
  const fillInput = useRef<HTMLInputElement>(null)
  const emailInput = useRef<HTMLInputElement>(null)
  // The success message stays until the person asks to subscribe another address.
  const [dismissed, setDismissed] = useState<SubscribeState | null>(null)
  const { renew } = guard

  useEffect(() => {
    if (state?.ok && !state.ticket) renew()
    // A refused address: back to the field, whose error is read with it.
    if (state && !state.ok && state.fieldErrors?.email) emailInput.current?.focus()
  }, [state, renew])

  const idPrefix = `newsletter-${source}`
  const emailId = `${idPrefix}-email`
  const errorId = `${emailId}-error`
  const noteId = `${idPrefix}-note`

  if (state?.ok && !state.ticket && dismissed !== state) {
    return (
      <div className={classes.done}>
        <div role="status" className={messageClasses.ok}>
          {state.message}
        </div>
        <button type="button" className={classes.again} onClick={() => setDismissed(state)}>
          Subscribe another address
        </button>
      </div>
    )
  }

  const error = state && !state.ok ? state.fieldErrors?.email?.[0] : undefined
  const formError = state && !state.ok ? state.error : undefined
  const step = state?.ok && state.ticket ? state : null
  return (
    <form
      action={formAction}
      onSubmit={() => {
        // Runs before React reads the form's data for the action.
        const fields = guard.fields()
        if (keyInput.current) keyInput.current.value = fields.idempotencyKey
        if (fillInput.current) fillInput.current.value = fields.fillMs
      }}
      noValidate
      className={classes.form}
    >
      {formError ? (
        <div role="alert" className={messageClasses.error}>
          {formError}
        </div>
      ) : null}
      {step ? (
        <div role="status" className={messageClasses.ok}>
          {step.message}
        </div>
      ) : null}
      <input type="hidden" name="source" value={source} />
      <input ref={keyInput} type="hidden" name="idempotencyKey" defaultValue="" />
      <input ref={fillInput} type="hidden" name="fillMs" defaultValue="" />
      {step?.ticket ? <input type="hidden" name="ticket" value={step.ticket} /> : null}
      <div className="flex flex-col gap-1.5">
        <label htmlFor={emailId} className={classes.label}>
          Email address
        </label>
        <div className="flex flex-col gap-3 sm:flex-row">
          <input
            ref={emailInput}
            id={emailId}
            name="email"
            defaultValue={state?.email ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${noteId}` : noteId}
            type="email"
            inputMode="email"
            autoComplete="email"
            placeholder="you@example.com"
            maxLength={254}
            required
            className={classes.input}
          />
          <button type="submit" disabled={pending} aria-busy={pending || undefined} className={classes.submit}>
            Subscribe
          </button>
        </div>
        {error ? (
          <p id={errorId} className={classes.error}>
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
      </div>
      <p id={noteId} className={classes.note}>
        We will email you a link to confirm. We use your address only for this newsletter, and every email has a
        one-click unsubscribe link.
      </p>
      {/* Rendered by the server wrapper (e.g. the legal note), so its code stays out of this island. */}
      {footnote}
      <Honeypot inputRef={guard.honeypot} id={`${idPrefix}-hp`} />
    </form>
  )
}
