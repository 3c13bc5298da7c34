import type { Metadata } from 'next'
import Link from 'next/link'
import { Logo } from '@/components/site/logo'
import { SignOutButton } from '@/components/dashboard/sign-out-button'
import { requireStaffPage } from '@/lib/auth/staff'
import { AdminNav, type AdminNavItem } from './_components/admin-nav'
import { Toaster } from './_components/toaster'

export const metadata: Metadata = { title: { default: 'Admin', template: '%s | SkillsU admin' }, robots: { index: false } }

const editorItems: AdminNavItem[] = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/roles', label: 'Roles' },
  { href: '/admin/partners', label: 'Partners' },
  { href: '/admin/opportunities', label: 'Opportunities' },
  { href: '/admin/programs', label: 'Programs' },
]
const adminItems: AdminNavItem[] = [
  { href: '/admin/applications', label: 'Applications' },
  { href: '/admin/inquiries', label: 'Inquiries' },
  { href: '/admin/newsletter', label: 'Newsletter' },
  { href: '/admin/outbox', label: 'Outbox' },
  { href: '/admin/suppressions', label: 'Suppressions' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/settings', label: 'Site settings' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/operations', label: 'Operations' },
]

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffPage('/admin')
  const items = user.role === 'admin' ? [...editorItems, ...adminItems] : editorItems
  return (
    <Toaster>
      <div className="flex min-h-dvh flex-col bg-surface-muted">
        <header className="border-b border-ink-200 bg-white">
          <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
            <div className="flex items-center gap-3">
              <Logo />
              <span className="rounded bg-ink-900 px-2 py-0.5 text-xs font-semibold text-white">Admin</span>
            </div>
            <div className="flex items-center gap-4 text-sm">
              <Link href="/" className="text-ink-700 underline-offset-4 hover:underline">
                View site
              </Link>
              <span className="hidden text-ink-700 sm:inline">
                {user.name} · {user.role}
              </span>
              <SignOutButton />
            </div>
          </div>
        </header>
        <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-6 lg:flex-row">
          <aside className="lg:w-52 lg:shrink-0">
            <AdminNav items={items} />
          </aside>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
            {children}
          </main>
        </div>
      </div>
    </Toaster>
  )
}
