import type { Metadata } from 'next'
import { AuthCard, AuthLink } from '@/components/auth/auth-card'
import { ConfirmEmailForm } from '@/components/auth/confirm-email-form'
import { tokenSchema } from '@/lib/auth/schema'

export const metadata: Metadata = { title: 'Confirm your email address', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token
  const valid = typeof token === 'string' && tokenSchema.safeParse(token).success
  return (
    <AuthCard title="Confirm your email address" footer={<AuthLink href="/dashboard">Go to your dashboard</AuthLink>}>
      {valid ? <ConfirmEmailForm token={token} /> : <p role="alert" className="text-danger-800">This link is not valid. Ask for a new one from your dashboard.</p>}
    </AuthCard>
  )
}
