import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { AuthCard, AuthLink } from '@/components/auth/auth-card'
import { LoginForm } from '@/components/auth/login-form'
import { getCurrentUser } from '@/lib/auth/session'
import { safeCallbackPath } from '@/lib/auth/schema'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams
  const callbackUrl = safeCallbackPath(first(params.callbackUrl))
  if (await getCurrentUser()) redirect(callbackUrl)
  const email = first(params.email)?.slice(0, 254)
  const notice = first(params.reset)
    ? 'Your password was changed. Sign in with the new one.'
    : first(params.deleted)
      ? 'Your account and its data were deleted.'
      : first(params.signedOut)
        ? 'You were signed out.'
        : undefined
  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back. Sign in to see your skill gap, saved roles and opportunities."
      footer={
        <>
          New here? <AuthLink href={`/signup${callbackUrl !== '/dashboard' ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}>Create your free profile</AuthLink>
          <span className="mx-2" aria-hidden="true">·</span>
          <AuthLink href="/forgot-password">Forgot your password?</AuthLink>
        </>
      }
    >
      <LoginForm callbackUrl={callbackUrl} email={email} notice={notice} />
    </AuthCard>
  )
}
