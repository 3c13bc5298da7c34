'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { signIn } from 'next-auth/react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { ResultMessage, TextField } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { safeCallbackPath, signInSchema, type SignInInput } from '@/lib/auth/schema'

function signInError(code: string | null | undefined): string {
  const limited = code?.match(/^rate_limited:(\d+)$/)
  if (limited) {
    const minutes = Math.ceil(Number(limited[1]) / 60)
    return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  }
  // One message whether the address is unknown or the password wrong (no account enumeration).
  return 'Email or password is incorrect.'
}

export function LoginForm({ callbackUrl, email, notice }: { callbackUrl?: string; email?: string; notice?: string }) {
  const router = useRouter()
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: email ?? '', password: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<unknown> | null>(notice ? { ok: true, data: null, message: notice } : null)

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null)
    const response = await signIn('credentials', { email: values.email, password: values.password, redirect: false })
    if (!response?.ok || response.error) {
      setResult({ ok: false, error: signInError(response?.error) })
      form.setValue('password', '')
      return
    }
    router.replace(safeCallbackPath(callbackUrl))
    router.refresh()
  })

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ResultMessage result={result} />
      <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required idPrefix="login" />
      <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" required idPrefix="login" />
      <Button type="submit" fullWidth loading={form.formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  )
}
