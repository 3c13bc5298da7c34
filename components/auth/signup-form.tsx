'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { applyFieldErrors, ResultMessage, TextField, toFormData } from '@/components/forms/form-kit'
import { FormLegalNote } from '@/components/legal/form-legal-note'
import { buttonVariants, Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { signUp } from '@/lib/accounts/actions'
import { recommendedPasswordLength, signUpSchema, type SignUpInput } from '@/lib/auth/schema'

export function SignupForm({ role, roleTitle }: { role?: string; roleTitle?: string }) {
  const form = useForm<SignUpInput>({ resolver: zodResolver(signUpSchema), defaultValues: { name: '', email: '', password: '', role: role ?? '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)

  const onSubmit = form.handleSubmit(async (values) => {
    const response = await signUp(null, toFormData(values))
    applyFieldErrors(form, response)
    setResult(response)
  })

  if (result?.ok) {
    const email = form.getValues('email')
    return (
      <div className="space-y-5">
        <ResultMessage result={result} />
        <a href={`/login?email=${encodeURIComponent(email)}`} className={buttonVariants({ fullWidth: true })}>
          Sign in
        </a>
      </div>
    )
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ResultMessage result={result} />
      {roleTitle && (
        <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900">
          <strong>{roleTitle}</strong> will be your first target role.
        </p>
      )}
      <input type="hidden" {...form.register('role')} />
      <TextField form={form} name="name" label="Your name" autoComplete="name" required idPrefix="signup" maxLength={100} />
      <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required idPrefix="signup" />
      <TextField
        form={form}
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        idPrefix="signup"
        hint={`At least 8 characters; ${recommendedPasswordLength} or more is better. A few random words make a strong one.`}
      />
      <Button type="submit" fullWidth loading={form.formState.isSubmitting}>
        Create your free profile
      </Button>
      <FormLegalNote consent="signup-alerts" />
    </form>
  )
}
