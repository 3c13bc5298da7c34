'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { applyFieldErrors, ResultMessage, TextField, toFormData } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { resetPasswordWithToken } from '@/lib/accounts/actions'
import { recommendedPasswordLength, resetPasswordSchema } from '@/lib/auth/schema'

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter()
  const form = useForm<z.input<typeof resetPasswordSchema>>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: '', confirm: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const onSubmit = form.handleSubmit(async (values) => {
    const response = await resetPasswordWithToken(null, toFormData(values))
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) router.push('/login?reset=1')
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ResultMessage result={result} />
      <input type="hidden" {...form.register('token')} />
      <TextField form={form} name="password" label="New password" type="password" autoComplete="new-password" required idPrefix="reset" hint={`At least 8 characters; ${recommendedPasswordLength} or more is better.`} />
      <TextField form={form} name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" required idPrefix="reset" />
      <Button type="submit" fullWidth loading={form.formState.isSubmitting}>
        Change my password
      </Button>
    </form>
  )
}
