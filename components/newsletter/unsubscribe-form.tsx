'use client'

import { useActionState } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { unsubscribeFromNewsletter } from '@/lib/newsletter/actions'
import { SubscribeAgainLink } from './confirm-subscription-form'

/** One button; the link's signed id is the authorization, no sign-in needed. */
export function UnsubscribeForm({ id, token }: { id: string; token: string }) {
  const [result, action, pending] = useActionState(unsubscribeFromNewsletter, null)
  if (result?.ok) {
    return (
      <div className="space-y-5">
        <ResultMessage result={result} />
        <p className="text-ink-700">Changed your mind? You can subscribe again at any time.</p>
        <SubscribeAgainLink />
      </div>
    )
  }
  return (
    <form action={action} className="space-y-5">
      <ResultMessage result={result} />
      <p className="text-ink-700">Press the button to stop getting the SkillsU newsletter at this address.</p>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" fullWidth loading={pending}>
        Unsubscribe
      </Button>
    </form>
  )
}
