import type { Metadata } from 'next'
import { AuthCard, AuthLink } from '@/components/auth/auth-card'
import { SignupForm } from '@/components/auth/signup-form'
import { getPublishedRole } from '@/lib/roles/data'

export const metadata: Metadata = { title: 'Create your free profile', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignupPage({ searchParams }: Props) {
  const raw = (await searchParams).role
  const slug = typeof raw === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw) && raw.length <= 80 ? raw : undefined
  const role = slug ? await getPublishedRole(slug) : null
  return (
    <AuthCard
      title="Create your free profile"
      intro="See your skill gap for the roles you want and receive the latest career opportunities directly in your inbox."
      footer={
        <>
          Already have an account? <AuthLink href="/login">Sign in</AuthLink>
        </>
      }
    >
      <SignupForm role={role?.slug} roleTitle={role?.title} />
    </AuthCard>
  )
}
