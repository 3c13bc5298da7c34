import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { ChangeEmailForm, ChangePasswordForm, DeleteAccountForm, SignOutEverywhereButton } from '@/components/dashboard/settings-forms'
import { buttonVariants } from '@/components/ui/button'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Settings', robots: { index: false } }

function Block({ id, title, children, danger }: { id: string; title: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <section aria-labelledby={id} className={`rounded-2xl border bg-white p-6 shadow-xs ${danger ? 'border-danger-200' : 'border-ink-200'}`}>
      <h2 id={id} className="text-lg font-semibold text-ink-950">
        {title}
      </h2>
      <div className="mt-4 max-w-md">{children}</div>
    </section>
  )
}

export default async function SettingsPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login?callbackUrl=/dashboard/settings')
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-ink-950">Settings</h1>
      <Block id="email" title="Email address">
        <ChangeEmailForm current={user.email} />
      </Block>
      <Block id="password" title="Password">
        <ChangePasswordForm />
      </Block>
      <Block id="sessions" title="Sessions">
        <p className="mb-4 text-sm text-ink-700">Lost a device, or signed in somewhere public? End every session, this one included.</p>
        <SignOutEverywhereButton />
      </Block>
      <Block id="data" title="Your data">
        <p className="mb-4 text-sm text-ink-700">Everything we hold about you (profile, saved roles, alert settings, applications, newsletter status) as a JSON file.</p>
        <a href="/api/me/export" download className={buttonVariants({ variant: 'outline' })}>
          Download my data
        </a>
      </Block>
      <Block id="delete" title="Delete my account" danger>
        <DeleteAccountForm email={user.email} />
      </Block>
    </div>
  )
}
