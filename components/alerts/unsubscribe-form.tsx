'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button, buttonVariants } from '@/components/ui/button'
import { unsubscribeFromAlertsByLink } from '@/lib/alerts/actions'

/** One button; the link's signed id is the authorization, no sign-in needed. */
export function AlertsUnsubscribeForm({ userId, token }: { userId: string; token: string }) {
  const [result, action, pending] = useActionState(unsubscribeFromAlertsByLink, null)
  if (result?.ok) {
    return (
      <div className="space-y-5">
        <ResultMessage result={result} />
        <p className="text-ink-700">Changed your mind? You can turn alerts back on, and choose how often, in your dashboard.</p>
        <Link href="/dashboard#alerts" className={buttonVariants({ variant: 'secondary', fullWidth: true })}>
          Alert settings in your dashboard
        </Link>
      </div>
    )
  }
  return (
    <form action={action} className="space-y-5">
      <ResultMessage result={result} />
      <p className="text-ink-700">Press the button to stop getting emails about new opportunities that match your profile. Your account and profile stay as they are.</p>
      <input type="hidden" name="u" value={userId} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" fullWidth loading={pending}>
        Turn off opportunity alerts
      </Button>
    </form>
  )
}
