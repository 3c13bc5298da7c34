'use client'

import Link from 'next/link'
import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useActionState, useState, useTransition } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { applyFieldErrors, ResultMessage, TextField, toFormData } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'
import { changeEmailAction, changePasswordAction, deleteAccountAction, signOutEverywhereAction } from '@/lib/accounts/actions'
import { changeEmailSchema, changePasswordSchema, recommendedPasswordLength } from '@/lib/auth/schema'

export function ChangePasswordForm() {
  const form = useForm<z.input<typeof changePasswordSchema>>({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: '', password: '', confirm: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const onSubmit = form.handleSubmit(async (values) => {
    const response = await changePasswordAction(null, toFormData(values))
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) form.reset()
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ResultMessage result={result} />
      <TextField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" required idPrefix="pw" />
      <TextField form={form} name="password" label="New password" type="password" autoComplete="new-password" required idPrefix="pw" hint={`At least 8 characters; ${recommendedPasswordLength} or more is better.`} />
      <TextField form={form} name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" required idPrefix="pw" />
      <Button type="submit" loading={form.formState.isSubmitting}>
        Change password
      </Button>
    </form>
  )
}

export function ChangeEmailForm({ current }: { current: string }) {
  const form = useForm<z.input<typeof changeEmailSchema>>({ resolver: zodResolver(changeEmailSchema), defaultValues: { email: '', currentPassword: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const onSubmit = form.handleSubmit(async (values) => {
    const response = await changeEmailAction(null, toFormData(values))
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) form.reset()
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-ink-700">
        Your address is <strong>{current}</strong>.
      </p>
      <ResultMessage result={result} />
      <TextField form={form} name="email" label="New email address" type="email" autoComplete="email" required idPrefix="em" />
      <TextField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" required idPrefix="em" />
      <Button type="submit" loading={form.formState.isSubmitting}>
        Change email
      </Button>
    </form>
  )
}

export function SignOutEverywhereButton() {
  const router = useRouter()
  const [pending, start] = useTransition()
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  return (
    <div className="space-y-3">
      <ResultMessage result={result} />
      <Button
        variant="outline"
        loading={pending}
        onClick={() =>
          start(async () => {
            const response = await signOutEverywhereAction()
            setResult(response)
            if (response.ok) router.push('/login?signedOut=1')
          })
        }
      >
        Sign out on every device
      </Button>
    </div>
  )
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [result, action, pending] = useActionState(deleteAccountAction, null)
  const error = result && !result.ok ? result.fieldErrors?.confirmEmail?.[0] : undefined
  if (result?.ok) {
    return (
      <div className="space-y-3">
        <ResultMessage result={result} />
        <Link href="/" className="font-semibold text-brand-700 underline">
          Go to the home page
        </Link>
      </div>
    )
  }
  return (
    <form action={action} className="space-y-4">
      <p className="text-sm text-ink-700">
        This deletes your profile, saved roles, alerts, applications and messages for good. Type <strong>{email}</strong> to confirm.
      </p>
      <FormField id="delete-confirm" label="Your email address" error={error}>
        <Input {...fieldA11yProps('delete-confirm', { error })} name="confirmEmail" type="email" autoComplete="off" required />
      </FormField>
      {result && !result.ok && !error && <ResultMessage result={result} />}
      <Button type="submit" variant="danger" loading={pending}>
        Delete my account
      </Button>
    </form>
  )
}
