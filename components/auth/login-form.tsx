'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { signIn } from 'next-auth/react'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
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
  if (code === 'second_factor_required') return 'Enter the code from your authenticator app to finish signing in.'
  if (code === 'second_factor_invalid') return 'That code is not right, or it was already used. Try the next code from your app, or a recovery code.'
  // One message whether the address is unknown or the password wrong (no account enumeration).
  return 'Email or password is incorrect.'
}

export function LoginForm({ callbackUrl, email, notice }: { callbackUrl?: string; email?: string; notice?: string }) {
  const router = useRouter()
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: email ?? '', password: '', code: '' }, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<unknown> | null>(notice ? { ok: true, data: null, message: notice } : null)
  // Once the password was right for an account with two-factor sign-in, the form asks for a code
  // (and keeps the password, sent again with it).
  const [needsCode, setNeedsCode] = useState(false)
  const { setFocus } = form
  useEffect(() => {
    if (needsCode) setFocus('code')
  }, [needsCode, setFocus])

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null)
    const response = await signIn('credentials', { email: values.email, password: values.password, code: needsCode ? (values.code ?? '') : '', redirect: false })
    if (!response?.ok || response.error) {
      const code = response?.error
      if (code === 'second_factor_required' || code === 'second_factor_invalid') {
        setNeedsCode(true)
        form.setValue('code', '')
        if (code === 'second_factor_invalid') form.setError('code', { message: signInError(code) })
        else setResult({ ok: true, data: null, message: signInError(code) })
        if (needsCode) form.setFocus('code')
        return
      }
      setResult({ ok: false, error: signInError(code) })
      setNeedsCode(false)
      form.setValue('password', '')
      form.setValue('code', '')
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
      {needsCode ? (
        <TextField
          form={form}
          name="code"
          label="Authentication code"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          autoComplete="one-time-code"
          inputMode="text"
          required
          idPrefix="login"
        />
      ) : null}
      <Button type="submit" fullWidth loading={form.formState.isSubmitting}>
        {needsCode ? 'Verify and sign in' : 'Sign in'}
      </Button>
    </form>
  )
}
