import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { TwoFactorSection } from '@/components/dashboard/two-factor-forms'
import { safeCallbackPath } from '@/lib/auth/schema'
import { getCurrentUser } from '@/lib/auth/session'
import { getTwoFactorStatus } from '@/lib/auth/two-factor'

export const metadata: Metadata = { title: 'Security', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function SecurityPage({ searchParams }: Props) {
  const user = await getCurrentUser()
  if (!user) redirect('/login?callbackUrl=/dashboard/security')
  const params = await searchParams
  const raw = first(params.callbackUrl)
  const continueTo = raw ? safeCallbackPath(raw, '/admin') : undefined
  const status = await getTwoFactorStatus()
  // Enabled on the account but this session has no second factor (it was set up elsewhere).
  const signInAgain = status.enabled && !user.mfa
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-ink-950">Security</h1>
      {status.required && !user.mfa ? (
        <p role="status" className="rounded-xl border border-warning-200 bg-warning-50 p-4 text-sm text-ink-900">
          {signInAgain
            ? 'Your account uses two-factor sign-in, but this session did not. Sign out and sign in again with your code to use the admin.'
            : 'Staff accounts need two-factor sign-in to use the admin. Set it up below; it takes a minute.'}
        </p>
      ) : null}
      <section aria-labelledby="two-factor" className="rounded-2xl border border-ink-200 bg-white p-6 shadow-xs">
        <h2 id="two-factor" className="text-lg font-semibold text-ink-950">
          Two-factor sign-in
        </h2>
        <p className="mt-2 max-w-prose text-sm text-ink-700">
          {status.enabled
            ? `On. You sign in with your password and a code from your authenticator app. Recovery codes left: ${status.recoveryCodesLeft} of 10.`
            : 'Off. With it on, signing in also needs a code from an app on your phone, so a stolen password is not enough.'}
        </p>
        <div className="mt-6 max-w-md">
          <TwoFactorSection enabled={status.enabled} canDisable={!status.required} continueTo={continueTo} />
        </div>
      </section>
    </div>
  )
}
