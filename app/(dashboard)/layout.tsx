import { redirect } from 'next/navigation'
import { SiteFooter } from '@/components/site/site-footer'
import { SiteHeader } from '@/components/site/site-header'
import { Container } from '@/components/ui/container'
import { getCurrentUser } from '@/lib/auth/session'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { ResendVerificationButton } from '@/components/dashboard/resend-verification'
import { SignOutButton } from '@/components/dashboard/sign-out-button'

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser()
  // Each page and action checks again; this only sends visitors to sign in.
  if (!user) redirect('/login?callbackUrl=/dashboard')
  return (
    <div className="flex min-h-dvh flex-col bg-surface-muted">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
      {!user.emailVerified && (
        <div className="border-b border-warning-200 bg-warning-50">
          <Container className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm text-ink-900">
            <p>
              Please confirm your email address: we sent a link to <strong>{user.email}</strong>.
            </p>
            <ResendVerificationButton />
          </Container>
        </div>
      )}
      <Container className="py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-700">
            Signed in as <strong>{user.name}</strong> ({user.email})
          </p>
          <SignOutButton />
        </div>
        <DashboardNav />
        <div className="mt-6">{children}</div>
      </Container>
      </main>
      <SiteFooter year={new Date().getFullYear()} />
    </div>
  )
}
