'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { signIn } from 'next-auth/react'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { applyFieldErrors, ResultMessage, TextField, toFormData } from '@/components/forms/form-kit'
import { sessionChangedEvent } from '@/components/site/account-link'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { signUp } from '@/lib/accounts/actions'
import { recommendedPasswordLength, signInSchema, signUpSchema, type SignInInput, type SignUpInput } from '@/lib/auth/schema'

function signInError(code: string | null | undefined): string {
  const limited = code?.match(/^rate_limited:(\d+)$/)
  if (limited) {
    const minutes = Math.ceil(Number(limited[1]) / 60)
    return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  }
  return 'Email or password is incorrect.'
}

export type Applicant = { email: string; name: string }

/**
 * Sign in or create an account without leaving the application: both happen in place (the
 * sign-up server action, then next-auth's credentials sign-in without a redirect), so the form
 * around this panel, and every answer in it, stays as it is.
 */
export function AccountPanel({ applicant, checking, defaults, onSignedIn }: { applicant: Applicant | null; checking: boolean; defaults: { name: string; email: string }; onSignedIn: () => Promise<void> }) {
  const [mode, setMode] = useState<'choose' | 'signup' | 'signin'>('choose')

  return (
    <section aria-labelledby="apply-account-heading" className="rounded-2xl border border-brand-200 bg-brand-50/60 p-5 sm:p-6">
      <h3 id="apply-account-heading" className="text-lg font-semibold text-ink-950">
        Your account
      </h3>
      {checking ? (
        <p className="mt-2 text-ink-700" role="status">
          Checking whether you are signed in…
        </p>
      ) : applicant ? (
        <p className="mt-2 text-ink-800">
          Signed in as {applicant.email}. You can follow your application from your dashboard, and we write to this address about it.
        </p>
      ) : (
        <>
          <p className="mt-2 text-ink-800">
            Sign in or create a free account to send your application and follow it. Your answers stay on this page while you do.
          </p>
          {mode === 'choose' && (
            <div className="mt-4 flex flex-col gap-3 sm:flex-row">
              <Button type="button" onClick={() => setMode('signup')}>
                Create an account
              </Button>
              <Button type="button" variant="outline" onClick={() => setMode('signin')}>
                Sign in
              </Button>
            </div>
          )}
          {mode === 'signup' && <SignUpForm defaults={defaults} onSignedIn={onSignedIn} onSwitch={() => setMode('signin')} />}
          {mode === 'signin' && <SignInForm email={defaults.email} onSignedIn={onSignedIn} onSwitch={() => setMode('signup')} />}
        </>
      )}
    </section>
  )
}

function SignUpForm({ defaults, onSignedIn, onSwitch }: { defaults: { name: string; email: string }; onSignedIn: () => Promise<void>; onSwitch: () => void }) {
  const form = useForm<SignUpInput>({ resolver: zodResolver(signUpSchema), defaultValues: { name: defaults.name, email: defaults.email, password: '', role: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null)
    const created = await signUp(null, toFormData(values))
    if (!created.ok) {
      applyFieldErrors(form, created)
      setResult(created)
      return
    }
    const response = await signIn('credentials', { email: values.email, password: values.password, redirect: false })
    if (!response?.ok || response.error) {
      // The sign-up answer is the same for a taken address (no account enumeration): that password did not open it.
      setResult({ ok: false, error: 'We could not sign you in with this password. If you already have an account with this address, choose “Sign in instead”.' })
      form.setValue('password', '')
      return
    }
    window.dispatchEvent(new Event(sessionChangedEvent))
    await onSignedIn()
  })

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <ResultMessage result={result} />
      <TextField form={form} name="name" label="Name" autoComplete="name" required idPrefix="apply-signup" maxLength={100} />
      <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required idPrefix="apply-signup" />
      <TextField
        form={form}
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        idPrefix="apply-signup"
        hint={`At least 8 characters; ${recommendedPasswordLength} or more is better.`}
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" loading={form.formState.isSubmitting}>
          Create account and continue
        </Button>
        <Button type="button" variant="ghost" onClick={onSwitch}>
          Sign in instead
        </Button>
      </div>
    </form>
  )
}

function SignInForm({ email, onSignedIn, onSwitch }: { email: string; onSignedIn: () => Promise<void>; onSwitch: () => void }) {
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email, password: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null)
    const response = await signIn('credentials', { email: values.email, password: values.password, redirect: false })
    if (!response?.ok || response.error) {
      setResult({ ok: false, error: signInError(response?.error) })
      form.setValue('password', '')
      return
    }
    window.dispatchEvent(new Event(sessionChangedEvent))
    await onSignedIn()
  })

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <ResultMessage result={result} />
      <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required idPrefix="apply-signin" />
      <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" required idPrefix="apply-signin" />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" loading={form.formState.isSubmitting}>
          Sign in and continue
        </Button>
        <Button type="button" variant="ghost" onClick={onSwitch}>
          Create an account instead
        </Button>
      </div>
    </form>
  )
}
