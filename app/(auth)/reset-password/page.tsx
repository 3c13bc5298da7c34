import type { Metadata } from 'next'
import { AuthCard, AuthLink } from '@/components/auth/auth-card'
import { ResetPasswordForm } from '@/components/auth/reset-password-form'
import { tokenSchema } from '@/lib/auth/schema'

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token
  const valid = typeof token === 'string' && tokenSchema.safeParse(token).success
  return (
    <AuthCard title="Choose a new password" footer={<AuthLink href="/forgot-password">Ask for a new link</AuthLink>}>
      {valid ? <ResetPasswordForm token={token} /> : <p role="alert" className="text-danger-800">This link is not valid. Ask for a new one.</p>}
    </AuthCard>
  )
}
