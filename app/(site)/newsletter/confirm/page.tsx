import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthCard } from '@/components/auth/auth-card'
import { ResultMessage } from '@/components/forms/form-kit'
import { ConfirmSubscriptionForm, SubscribeAgainLink } from '@/components/newsletter/confirm-subscription-form'
import { buttonVariants } from '@/components/ui/button'
import { getConfirmationState } from '@/lib/newsletter/data'
import { confirmMessages, confirmTokenSchema } from '@/lib/newsletter/schema'

// The token is in the address: keep the page out of search engines and out of Referer headers.
export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const token = (await searchParams).token
  const valid = typeof token === 'string' && confirmTokenSchema.safeParse(token).success
  // Reading the state changes nothing: confirming takes the button (a POST).
  const state = valid ? await getConfirmationState(token) : 'invalid'
  return (
    <AuthCard title="Confirm your subscription">
      {state === 'pending' && valid ? (
        <ConfirmSubscriptionForm token={token} />
      ) : state === 'confirmed' ? (
        <div className="space-y-5">
          <ResultMessage result={{ ok: true, data: null, message: confirmMessages.alreadyConfirmed }} />
          <Link href="/roles" className={buttonVariants({ fullWidth: true })}>
            Explore career roles
          </Link>
        </div>
      ) : (
        <div className="space-y-5">
          <ResultMessage result={{ ok: false, error: confirmMessages.invalid }} />
          <SubscribeAgainLink />
        </div>
      )}
    </AuthCard>
  )
}
