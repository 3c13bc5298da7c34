'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { buttonVariants, Button } from '@/components/ui/button'
import { confirmEmail } from '@/lib/accounts/actions'

/** A button, not a GET side effect: mail scanners that open links do not confirm addresses. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [result, action, pending] = useActionState(confirmEmail, null)
  if (result?.ok) {
    return (
      <div className="space-y-5">
        <ResultMessage result={result} />
        <Link href="/dashboard" className={buttonVariants({ fullWidth: true })}>
          Go to your dashboard
        </Link>
      </div>
    )
  }
  return (
    <form action={action} className="space-y-5">
      <ResultMessage result={result} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" fullWidth loading={pending}>
        Confirm my email address
      </Button>
    </form>
  )
}
