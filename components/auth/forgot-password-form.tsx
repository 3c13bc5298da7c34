'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { applyFieldErrors, ResultMessage, TextField, toFormData } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { forgotPassword } from '@/lib/accounts/actions'
import { forgotPasswordSchema } from '@/lib/auth/schema'

export function ForgotPasswordForm() {
  const form = useForm<z.input<typeof forgotPasswordSchema>>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const onSubmit = form.handleSubmit(async (values) => {
    const response = await forgotPassword(null, toFormData(values))
    applyFieldErrors(form, response)
    setResult(response)
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ResultMessage result={result} />
      {!result?.ok && (
        <>
          <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required idPrefix="forgot" />
          <Button type="submit" fullWidth loading={form.formState.isSubmitting}>
            Send me a reset link
          </Button>
        </>
      )}
    </form>
  )
}
