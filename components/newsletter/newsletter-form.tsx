'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState, useSyncExternalStore } from 'react'
import { useForm } from 'react-hook-form'
import { Honeypot, useFormGuard } from '@/components/forms/form-guard'
import { applyFieldErrors, ResultMessage, toFormData } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import type { ActionResult } from '@/lib/action-result'
import { subscribeToNewsletter } from '@/lib/newsletter/actions'
import { newsletterFormSchema, type NewsletterFormInput, type NewsletterSource } from '@/lib/newsletter/schema'
import { cn } from '@/lib/utils'

export interface NewsletterFormProps {
  /** Where the form is (stored with the address); also keeps element ids unique on the page. */
  source: NewsletterSource
  /** `dark` for the footer's inverse surface. */
  tone?: 'light' | 'dark'
  className?: string
}

/**
 * The newsletter sign-up (double opt-in). Rendered in cached pages, so nothing personal is in it:
 * the guard's key and fill-time start are made in the browser, and the answer is the same for
 * every address.
 */
const noSubscription = () => () => {}

/** False on the server and during hydration, true once the form's script runs. */
function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false)
}

export function NewsletterForm({ source, tone = 'light', className }: NewsletterFormProps) {
  const idPrefix = `newsletter-${source}`
  const guard = useFormGuard()
  const form = useForm<NewsletterFormInput>({ resolver: zodResolver(newsletterFormSchema), defaultValues: { email: '' } })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const dark = tone === 'dark'
  // Until the script runs, a submit would be the browser's own (the address in a GET query string).
  const hydrated = useHydrated()

  const onSubmit = form.handleSubmit(async (values) => {
    const response = await subscribeToNewsletter(null, toFormData({ ...values, source, ...guard.fields() }))
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) {
      form.reset()
      guard.renew()
    }
  })

  if (result?.ok) {
    return (
      <div className={cn('flex flex-col items-start gap-3', className)}>
        <ResultMessage result={result} />
        <Button
          variant={dark ? 'outline' : 'ghost'}
          size="sm"
          className={dark ? 'border-white/30 bg-transparent text-white hover:bg-white/10 active:bg-white/15' : undefined}
          onClick={() => setResult(null)}
        >
          Subscribe another address
        </Button>
      </div>
    )
  }

  const emailId = `${idPrefix}-email`
  const noteId = `${idPrefix}-note`
  const error = form.formState.errors.email?.message
  const a11y = fieldA11yProps(emailId, { error })
  return (
    <form onSubmit={onSubmit} method="post" noValidate className={cn('relative flex w-full flex-col gap-3', className)}>
      <ResultMessage result={result} />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={emailId} className={dark ? 'text-white' : undefined}>
          Email address
        </Label>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Input
            {...a11y}
            aria-describedby={[a11y['aria-describedby'], noteId].filter(Boolean).join(' ')}
            {...form.register('email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            placeholder="you@example.com"
            maxLength={254}
            required
            className="sm:flex-1"
          />
          <Button type="submit" loading={form.formState.isSubmitting} disabled={!hydrated} className="shrink-0">
            Subscribe
          </Button>
        </div>
        {error ? (
          <p id={`${emailId}-error`} className={cn('text-sm font-medium', dark ? 'text-danger-200' : 'text-danger-700')}>
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
      </div>
      <p id={noteId} className={cn('text-sm leading-6', dark ? 'text-ink-300' : 'text-ink-600')}>
        We will email you a link to confirm. We use your address only for this newsletter, and every email has a
        one-click unsubscribe link.
      </p>
      <Honeypot inputRef={guard.honeypot} id={`${idPrefix}-hp`} />
    </form>
  )
}
