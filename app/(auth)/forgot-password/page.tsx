import type { Metadata } from 'next'
import { AuthCard, AuthLink } from '@/components/auth/auth-card'
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form'

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } }

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro="Enter your email and we will send you a link to choose a new password." footer={<AuthLink href="/login">Back to sign in</AuthLink>}>
      <ForgotPasswordForm />
    </AuthCard>
  )
}
