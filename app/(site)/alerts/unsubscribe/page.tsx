import type { Metadata } from 'next'
import { AlertsUnsubscribeForm } from '@/components/alerts/unsubscribe-form'
import { AuthCard } from '@/components/auth/auth-card'
import { ResultMessage } from '@/components/forms/form-kit'
import { alertsUnsubscribeMessages, alertsUnsubscribeSchema } from '@/lib/alerts/schema'
import { verifyAlertsUnsubscribeToken } from '@/lib/alerts/tokens'

// The signed id is in the address: keep the page out of search engines and out of Referer headers.
export const metadata: Metadata = { title: 'Unsubscribe from opportunity alerts', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AlertsUnsubscribePage({ searchParams }: Props) {
  const params = await searchParams
  const parsed = alertsUnsubscribeSchema.safeParse({ u: params.u, token: params.token })
  // Checking the signature changes nothing: unsubscribing takes the button (or the RFC 8058 POST).
  const link = parsed.success && verifyAlertsUnsubscribeToken(parsed.data.u, parsed.data.token) ? parsed.data : null
  return (
    <AuthCard title="Unsubscribe from opportunity alerts">
      {link ? <AlertsUnsubscribeForm userId={link.u} token={link.token} /> : <ResultMessage result={{ ok: false, error: alertsUnsubscribeMessages.invalid }} />}
    </AuthCard>
  )
}
