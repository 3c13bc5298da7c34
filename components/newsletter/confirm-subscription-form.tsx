'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button, buttonVariants } from '@/components/ui/button'
import { confirmNewsletterSubscription } from '@/lib/newsletter/actions'

/** A button, not a GET side effect: mail scanners that open the link do not subscribe anyone. */
export function ConfirmSubscriptionForm({ token }: { token: string }) {
  const [result, action, pending] = useActionState(confirmNewsletterSubscription, null)
  if (result?.ok) {
    return (
      <div className="space-y-5">
        <ResultMessage result={result} />
        <Link href="/roles" className={buttonVariants({ fullWidth: true })}>
          Explore career roles
        </Link>
      </div>
    )
  }
  if (result && !result.retryAfterSeconds) {
    return (
      <div className="space-y-5">
        <ResultMessage result={result} />
        <SubscribeAgainLink />
      </div>
    )
  }
  return (
    <form action={action} className="space-y-5">
      <ResultMessage result={result} />
      <p className="text-ink-700">One more step: press the button to confirm that you want the SkillsU newsletter.</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" fullWidth loading={pending}>
        Confirm my subscription
      </Button>
    </form>
  )
}

/** The sign-up form is in the footer of every page, this one included. */
export function SubscribeAgainLink() {
  return (
    <Link href="#newsletter" className={buttonVariants({ variant: 'outline', fullWidth: true })}>
      Subscribe again
    </Link>
  )
}
