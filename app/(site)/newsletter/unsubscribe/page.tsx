import type { Metadata } from 'next'
import { AuthCard } from '@/components/auth/auth-card'
import { ResultMessage } from '@/components/forms/form-kit'
import { UnsubscribeForm } from '@/components/newsletter/unsubscribe-form'
import { unsubscribeMessages, unsubscribeSchema } from '@/lib/newsletter/schema'
import { verifyUnsubscribeToken } from '@/lib/newsletter/tokens'

// The signed id is in the address: keep the page out of search engines and out of Referer headers.
export const metadata: Metadata = { title: 'Unsubscribe from the newsletter', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams
  const parsed = unsubscribeSchema.safeParse({ id: params.id, token: params.token })
  // Checking the signature changes nothing: unsubscribing takes the button (or the RFC 8058 POST).
  const link = parsed.success && verifyUnsubscribeToken(parsed.data.id, parsed.data.token) ? parsed.data : null
  return (
    <AuthCard title="Unsubscribe from the newsletter">
      {link ? <UnsubscribeForm id={link.id} token={link.token} /> : <ResultMessage result={{ ok: false, error: unsubscribeMessages.invalid }} />}
    </AuthCard>
  )
}
